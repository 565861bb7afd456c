import { PlatformSimulator } from '../simulators/platform';
import { SimulatorServer } from '../simulators/server';
import { TwilioSimulator, twilioSid } from '../simulators/twilio';
import { runSendersNode, TestCredentialsHelper } from '../harness/n8nHarness';

const ACCOUNT_SID = twilioSid('AC');
const AUTH_TOKEN = 'canary-twilio-auth-token-7f3a';
const API_KEY_SID = twilioSid('SK');
const API_KEY_SECRET = 'canary-twilio-api-secret-91bc';
const SENDER_COUNT = 2500;

const twilio = new TwilioSimulator();
const twilioCredentials = (overrides: Record<string, string> = {}) => ({
	twilioSendersApi: {
		authType: 'authToken',
		accountSid: ACCOUNT_SID,
		authToken: AUTH_TOKEN,
		baseUrl: twilio.baseUrl,
		...overrides,
	},
});
const listTwilio = (parameters: Record<string, unknown> = {}) => ({
	provider: 'twilio',
	resource: 'sender',
	operation: 'list',
	returnAll: true,
	...parameters,
});
const listRequests = () => twilio.server.requests.filter((r) => r.path === '/v2/Channels/Senders');

beforeAll(async () => {
	await twilio.start();
	twilio.addAccount(ACCOUNT_SID, AUTH_TOKEN, { [API_KEY_SID]: API_KEY_SECRET });
	twilio.addSenders(
		ACCOUNT_SID,
		...Array.from({ length: SENDER_COUNT }, (_, i) => ({
			phoneNumber: `+4915112${String(i).padStart(5, '0')}`,
			displayName: `Client ${i}`,
			qualityRating: i % 100 === 0 ? 'MEDIUM' : 'HIGH',
		})),
	);
});
afterAll(() => twilio.stop());
beforeEach(() => twilio.server.resetRequests());

describe('List senders on Twilio', () => {
	it('outputs one normalized item per sender', async () => {
		const { items, error } = await runSendersNode({
			parameters: listTwilio(),
			credentials: twilioCredentials(),
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(SENDER_COUNT);
		expect(new Set(items.map((item) => item.json.id)).size).toBe(SENDER_COUNT);
		expect(items.find((item) => item.json.displayName === 'Client 100')?.json).toMatchObject({
			provider: 'twilio',
			phoneNumber: '+491511200100',
			status: 'ONLINE',
			providerStatus: 'ONLINE',
			qualityRating: 'YELLOW',
			messagingLimit: 10000,
			messagingLimitText: '10K Customers/24hr',
			offlineReasons: [],
		});
	});

	it('Return All pages with the largest page size Twilio allows: one request per 1,000 senders', async () => {
		await runSendersNode({ parameters: listTwilio(), credentials: twilioCredentials() });
		const requests = listRequests();
		expect(requests).toHaveLength(Math.ceil(SENDER_COUNT / 1000));
		expect(requests.map((r) => r.query.PageSize)).toEqual(['1000', '1000', '1000']);
		expect(requests.every((r) => r.query.Channel === 'whatsapp')).toBe(true);
		expect(requests[0].query.PageToken).toBeUndefined();
		expect(requests[1].query.PageToken).toMatch(/^PT/);
	});

	it('follows the next page on the credential Base URL, not the host in next_page_url', async () => {
		// next_page_url names another local server; had the node followed it, that server would
		// have been asked (and its empty page would have cut the list short)
		const nextPageHost = new SimulatorServer(() => ({
			status: 200,
			body: { senders: [], meta: {} },
		}));
		await nextPageHost.start();
		const twilioHost = twilio.pageOrigin;
		twilio.pageOrigin = nextPageHost.origin;
		try {
			const { items } = await runSendersNode({
				parameters: listTwilio(),
				credentials: twilioCredentials(),
			});
			expect(items).toHaveLength(SENDER_COUNT);
			// pages 1 and 2 exist only in next_page_url: they were asked for on the Base URL
			expect(listRequests().map((r) => r.query.Page)).toEqual([undefined, '1', '2']);
			expect(nextPageHost.requests).toHaveLength(0);
		} finally {
			twilio.pageOrigin = twilioHost;
			await nextPageHost.stop();
		}
	});

	it('asks only for as many senders as the Limit', async () => {
		const { items } = await runSendersNode({
			parameters: listTwilio({ returnAll: false, limit: 20 }),
			credentials: twilioCredentials(),
		});
		expect(items).toHaveLength(20);
		expect(listRequests().map((r) => r.query.PageSize)).toEqual(['20']);
	});

	it('stops paging once the Limit is reached', async () => {
		const { items } = await runSendersNode({
			parameters: listTwilio({ returnAll: false, limit: 1500 }),
			credentials: twilioCredentials(),
		});
		expect(items).toHaveLength(1500);
		expect(listRequests()).toHaveLength(2);
	});

	it('authenticates with an API Key SID and Secret', async () => {
		const { items, error } = await runSendersNode({
			parameters: listTwilio({ returnAll: false, limit: 1 }),
			credentials: twilioCredentials({
				authType: 'apiKey',
				apiKeySid: API_KEY_SID,
				apiKeySecret: API_KEY_SECRET,
				authToken: '',
			}),
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
	});

	it('pairs every output item with the input item that asked for it', async () => {
		const { items } = await runSendersNode({
			parameters: listTwilio({ returnAll: false, limit: 2 }),
			credentials: twilioCredentials(),
			input: [{ json: { client: 'a' } }, { json: { client: 'b' } }],
		});
		expect(items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 0 },
			{ item: 1 },
			{ item: 1 },
		]);
	});
});

describe('List as an AI Agent tool', () => {
	const firstFive = { returnAll: false, limit: 5 };

	it('gives the agent the normalized fields without the raw provider JSON', async () => {
		const [node, tool] = await Promise.all([
			runSendersNode({ parameters: listTwilio(firstFive), credentials: twilioCredentials() }),
			runSendersNode({
				parameters: listTwilio(firstFive),
				credentials: twilioCredentials(),
				asTool: true,
			}),
		]);
		expect(tool.error).toBeUndefined();
		expect(tool.items).toHaveLength(5);
		for (const [index, item] of tool.items.entries()) {
			expect(item.json).not.toHaveProperty('raw');
			const { raw, ...normalized } = node.items[index].json;
			expect(raw).toEqual(expect.objectContaining({ sid: item.json.id }));
			expect(item.json).toEqual(normalized);
		}
	});

	it('costs the agent at most half the characters of the full output on 100 senders', async () => {
		const hundred = listTwilio({ returnAll: false, limit: 100 });
		const [full, lean] = (
			await Promise.all([
				runSendersNode({ parameters: hundred, credentials: twilioCredentials() }),
				runSendersNode({ parameters: hundred, credentials: twilioCredentials(), asTool: true }),
			])
		).map((run) => JSON.stringify(run.items.map((item) => item.json)).length);
		expect(lean / full).toBeLessThanOrEqual(0.5);
	});

	it('keeps raw for the agent when "Include Raw Provider Data" is on', async () => {
		const { items } = await runSendersNode({
			parameters: listTwilio({ ...firstFive, includeRawData: true }),
			credentials: twilioCredentials(),
			asTool: true,
		});
		expect(items[0].json.raw).toEqual(expect.objectContaining({ sid: items[0].json.id }));
	});

	it("leaves a normal node's output as it was, the option set or not", async () => {
		const { items } = await runSendersNode({
			parameters: listTwilio({ ...firstFive, includeRawData: false }),
			credentials: twilioCredentials(),
		});
		expect(items[0].json.raw).toEqual(expect.objectContaining({ sid: items[0].json.id }));
	});
});

describe('Twilio errors', () => {
	it('does not follow a redirect: the credentials never reach the other host', async () => {
		const elsewhere = new SimulatorServer(() => ({ status: 200, body: { senders: [], meta: {} } }));
		await elsewhere.start();
		try {
			twilio.server.injectFaults({
				status: 302,
				headers: { Location: `${elsewhere.origin}/v2/Channels/Senders` },
				body: {},
				breaksContract: 'a redirect',
			});
			const { error } = await runSendersNode({
				parameters: listTwilio(),
				credentials: twilioCredentials(),
			});
			expect(error?.message).toBe('Twilio error (HTTP 302)');
			expect(elsewhere.requests).toHaveLength(0);
		} finally {
			await elsewhere.stop();
		}
	});

	it('says the credential is wrong, and which provider, on a 401', async () => {
		const { error } = await runSendersNode({
			parameters: listTwilio(),
			credentials: twilioCredentials({ authToken: 'wrong-token' }),
		});
		expect(error?.message).toBe('Twilio rejected the credentials (HTTP 401)');
		expect(error?.description).toContain(
			'Check the Account SID and Auth Token (or API Key SID and Secret)',
		);
		expect(error?.description).toContain('code 20003: Authenticate');
	});

	it("shows Twilio's own error code and message", async () => {
		twilio.server.injectFaults({
			status: 400,
			body: {
				code: 20001,
				message: 'Invalid PageSize',
				more_info: 'https://www.twilio.com/docs/errors/20001',
				status: 400,
			},
		});
		const { error } = await runSendersNode({
			parameters: listTwilio(),
			credentials: twilioCredentials(),
		});
		expect(error?.message).toBe('Twilio error code 20001: Invalid PageSize');
		expect(error?.description).toContain('https://www.twilio.com/docs/errors/20001');
	});

	it('gives an error item instead of stopping the workflow when Continue On Fail is on', async () => {
		const { items, error } = await runSendersNode({
			parameters: listTwilio(),
			credentials: twilioCredentials({ authToken: 'wrong-token' }),
			input: [{ json: {} }, { json: {} }],
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([
			expect.objectContaining({
				json: expect.objectContaining({ error: 'Twilio rejected the credentials (HTTP 401)' }),
				pairedItem: { item: 0 },
			}),
			expect.objectContaining({
				json: expect.objectContaining({ error: 'Twilio rejected the credentials (HTTP 401)' }),
				pairedItem: { item: 1 },
			}),
		]);
		// what to check is said once, not again in the words of Twilio's code 20003
		expect(items[0].json.description).toMatch(
			/^Check the Account SID and Auth Token \(or API Key SID and Secret\) in the Twilio credential\. Twilio said: code 20003: [^.]+\.( More information: \S+)?$/,
		);
	});

	it('sends a failing item to the error output when On Error is "Continue (using error output)"', async () => {
		const { items, errorItems, error } = await runSendersNode({
			parameters: listTwilio(),
			credentials: twilioCredentials({ authToken: 'wrong-token' }),
			input: [{ json: { client: 'Acme' } }],
			continueOnFail: 'errorOutput',
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
		expect(errorItems).toEqual([
			expect.objectContaining({
				json: expect.objectContaining({ error: 'Twilio rejected the credentials (HTTP 401)' }),
				pairedItem: { item: 0 },
			}),
		]);
	});

	it('waits and retries when Twilio throttles with 429 and Retry-After', async () => {
		twilio.server.injectFaults({
			status: 429,
			headers: { 'Retry-After': '1' },
			body: {
				code: 20429,
				message: 'Too Many Requests',
				more_info: 'https://www.twilio.com/docs/errors/20429',
				status: 429,
			},
		});
		const started = Date.now();
		const { items, error } = await runSendersNode({
			parameters: listTwilio(),
			credentials: twilioCredentials(),
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(SENDER_COUNT);
		expect(listRequests()).toHaveLength(4);
		expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
	});

	it('retries a failure on a middle page and still returns every sender exactly once', async () => {
		twilio.server.injectFaultWhen((request) => request.query.Page === '1', {
			status: 503,
			body: { code: 20503, message: 'Service Unavailable', status: 503 },
		});
		const { items, error } = await runSendersNode({
			parameters: listTwilio(),
			credentials: twilioCredentials(),
		});
		expect(error).toBeUndefined();
		expect(listRequests().map((r) => r.query.Page ?? '0')).toEqual(['0', '1', '1', '2']);
		expect(items).toHaveLength(SENDER_COUNT);
		expect(new Set(items.map((item) => item.json.id)).size).toBe(SENDER_COUNT);
	});

	it('gives up after bounded retries and says what Twilio answered', async () => {
		const unavailable = {
			status: 503,
			body: { code: 20503, message: 'Service Unavailable', status: 503 },
		};
		twilio.server.injectFaults(unavailable, unavailable, unavailable, unavailable, unavailable);
		const { error } = await runSendersNode({
			parameters: listTwilio(),
			credentials: twilioCredentials(),
		});
		expect(error?.message).toBe('Twilio error code 20503: Service Unavailable');
		expect(error?.description).toContain('Gave up after 5 attempts');
		expect(listRequests()).toHaveLength(5);
	});

	it('reports a body that is not JSON instead of returning garbage', async () => {
		twilio.server.injectFaults({
			status: 200,
			rawBody: '{"senders": [{"sid": "XE',
			breaksContract: 'a truncated body',
		});
		const { error } = await runSendersNode({
			parameters: listTwilio(),
			credentials: twilioCredentials(),
		});
		expect(error?.message).toBe(
			'Twilio returned a response this node cannot read: the body is not valid JSON',
		);
	});

	it('names the host it could not reach', async () => {
		const { error } = await runSendersNode({
			parameters: listTwilio(),
			credentials: twilioCredentials({ baseUrl: 'http://127.0.0.1:9' }),
		});
		expect(error?.message).toBe('Could not reach Twilio: connection refused');
		expect(error?.description).toContain('ECONNREFUSED on the request to 127.0.0.1:9');
	}, 60_000);

	it.each([
		[
			'a bug in our own code',
			new TypeError("Cannot read properties of undefined (reading 'trim')"),
		],
		[
			'a header Node refuses (a key pasted with a line break)',
			Object.assign(new TypeError('Invalid character in header content ["authorization"]'), {
				code: 'ERR_INVALID_CHAR',
			}),
		],
	])('reports %s as that error, not as a network error', async (_what, bug) => {
		// n8n's authenticated helper runs the credential's authenticate and wraps what it throws
		const authenticate = jest
			.spyOn(TestCredentialsHelper.prototype, 'authenticate')
			.mockRejectedValueOnce(bug);
		try {
			const { error } = await runSendersNode({
				parameters: listTwilio(),
				credentials: twilioCredentials(),
			});
			expect(error?.message).toBe(bug.message);
			expect(authenticate).toHaveBeenCalledTimes(1);
			expect(listRequests()).toHaveLength(0);
		} finally {
			authenticate.mockRestore();
		}
	});
});

describe('Bad input is refused before any request', () => {
	it.each([
		[{ returnAll: false, limit: 0 }, 'Invalid "Limit" in item 0: must be at least 1'],
		[{ returnAll: false, limit: 2.5 }, 'Invalid "Limit" in item 0: must be a whole number'],
		[{ returnAll: false, limit: '={{ "ten" }}' }, 'Invalid "Limit" in item 0: must be a number'],
		[
			{ options: { timeout: -1 } },
			'Invalid "Timeout (Seconds)" in item 0: must be more than 0 seconds',
		],
		[
			{ provider: 'whatsappWeb' },
			'Invalid "Provider" in item 0: "whatsappWeb" is not supported; use one of: twilio, metaCloud, autocalls, famulor, 99digital, ycloud, gupshup, sinch, infobip',
		],
		[
			{ operation: 'teleport' },
			'Invalid "Operation" in item 0: Twilio does not support "teleport"; it supports: list, get, create, verify, update, delete',
		],
	])('%p → %p', async (parameters, message) => {
		const { error } = await runSendersNode({
			parameters: listTwilio(parameters),
			credentials: twilioCredentials(),
		});
		expect(error?.message).toBe(message);
		expect(twilio.server.requests).toHaveLength(0);
	});

	it('refuses a plain-http Base URL that would send the token across the network', async () => {
		const { error } = await runSendersNode({
			parameters: listTwilio(),
			credentials: twilioCredentials({ baseUrl: 'http://messaging.twilio.com' }),
		});
		expect(error?.message).toContain('Invalid "Base URL" in item 0: must start with https://');
		expect(twilio.server.requests).toHaveLength(0);
	});

	it('names the item that failed', async () => {
		const { error } = await runSendersNode({
			parameters: listTwilio({ returnAll: false, limit: '={{ $json.limit }}' }),
			credentials: twilioCredentials(),
			input: [{ json: { limit: 1 } }, { json: { limit: -5 } }],
		});
		expect(error?.message).toBe('Invalid "Limit" in item 1: must be at least 1');
	});
});

describe('List senders on Autocalls and Famulor', () => {
	const autocalls = new PlatformSimulator('Autocalls');
	const famulor = new PlatformSimulator('Famulor');
	const AUTOCALLS_KEY = 'canary-autocalls-key-5d2e';
	const FAMULOR_KEY = 'canary-famulor-key-0c4b';
	const credentials = {
		autocallsApi: { apiKey: AUTOCALLS_KEY, baseUrl: '' },
		famulorApi: { apiKey: FAMULOR_KEY, baseUrl: '' },
	};
	const listPlatform = (provider: string, parameters: Record<string, unknown> = {}) => ({
		provider,
		resource: 'sender',
		operation: 'list',
		returnAll: true,
		...parameters,
	});

	beforeAll(async () => {
		await Promise.all([autocalls.start(), famulor.start()]);
		credentials.autocallsApi.baseUrl = autocalls.baseUrl;
		credentials.famulorApi.baseUrl = famulor.baseUrl;
		autocalls.addSenders(
			AUTOCALLS_KEY,
			{ phoneNumber: '+14155551234', displayName: 'Acme Corp Support' },
			{ phoneNumber: '+442071234567', status: 'offline', qualityRating: 'RED' },
			{ phoneNumber: '+4930123456', messagingLimit: null },
		);
		famulor.addSenders(FAMULOR_KEY, {
			phoneNumber: '+4989123456',
			displayName: 'Famulor Support',
			qualityRating: 'YELLOW',
		});
	});
	afterAll(() => Promise.all([autocalls.stop(), famulor.stop()]));
	beforeEach(() => {
		autocalls.server.resetRequests();
		famulor.server.resetRequests();
	});

	it('lists online and offline senders by default (Status: All)', async () => {
		const { items } = await runSendersNode({ parameters: listPlatform('autocalls'), credentials });
		expect(items.map((item) => [item.json.phoneNumber, item.json.status])).toEqual([
			['+14155551234', 'ONLINE'],
			['+442071234567', 'OFFLINE'],
			['+4930123456', 'ONLINE'],
		]);
		expect(autocalls.server.requests[0].query).toEqual({ status: 'all' });
		expect(autocalls.server.requests[0].headers.authorization).toBe(`Bearer ${AUTOCALLS_KEY}`);
	});

	it('lists only online senders with Status: Online Only', async () => {
		const { items } = await runSendersNode({
			parameters: listPlatform('autocalls', { filters: { status: 'online' } }),
			credentials,
		});
		expect(items.map((item) => item.json.status)).toEqual(['ONLINE', 'ONLINE']);
		expect(autocalls.server.requests[0].query).toEqual({ status: 'online' });
	});

	it('applies the Limit to the one-page list', async () => {
		const { items } = await runSendersNode({
			parameters: listPlatform('autocalls', { returnAll: false, limit: 2 }),
			credentials,
		});
		expect(items).toHaveLength(2);
		expect(autocalls.server.requests).toHaveLength(1);
	});

	it('uses the Famulor credential and host for Famulor', async () => {
		const { items } = await runSendersNode({ parameters: listPlatform('famulor'), credentials });
		expect(items.map((item) => item.json)).toEqual([
			expect.objectContaining({
				provider: 'famulor',
				phoneNumber: '+4989123456',
				qualityRating: 'YELLOW',
				messagingLimit: 10000,
			}),
		]);
		expect(autocalls.server.requests).toHaveLength(0);
	});

	it('says the Autocalls API key is wrong on a 401', async () => {
		const { error } = await runSendersNode({
			parameters: listPlatform('autocalls'),
			credentials: {
				...credentials,
				autocallsApi: { ...credentials.autocallsApi, apiKey: 'nope' },
			},
		});
		expect(error?.message).toBe('Autocalls rejected the credentials (HTTP 401)');
		expect(error?.description).toContain('Check the API key in the Autocalls credential');
	});

	it('names the URL it asked on a 404, and the Base URL to check (one without /api)', async () => {
		const baseUrl = autocalls.server.origin;
		const { error } = await runSendersNode({
			parameters: listPlatform('autocalls'),
			credentials: { ...credentials, autocallsApi: { ...credentials.autocallsApi, baseUrl } },
		});
		expect(error?.message).toBe('Autocalls error code NOT_FOUND: Not Found');
		expect(error?.description).toBe(
			`HTTP 404 from Autocalls for GET ${baseUrl}/user/whatsapp/senders. Check the Base URL in the Autocalls credential (by default https://app.autocalls.ai/api) and any ID given to the node.`,
		);
		expect(error?.description).not.toContain(AUTOCALLS_KEY);
	});

	it("shows the platform's error code and validation messages", async () => {
		famulor.server.injectFaults({
			status: 402,
			body: { message: 'Insufficient balance', error_code: 'INSUFFICIENT_BALANCE' },
		});
		const { error } = await runSendersNode({ parameters: listPlatform('famulor'), credentials });
		expect(error?.message).toBe('Famulor error code INSUFFICIENT_BALANCE: Insufficient balance');
	});

	it('refuses a status filter the API does not have, before any request', async () => {
		const { error } = await runSendersNode({
			parameters: listPlatform('autocalls', { filters: { status: 'offline' } }),
			credentials,
		});
		expect(error?.message).toBe('Invalid "Status" in item 0: must be one of: all, online');
		expect(autocalls.server.requests).toHaveLength(0);
	});
});
