import { pollSendersTrigger, runSendersNode } from '../harness/n8nHarness';
import { NinetyNineDigitalSimulator } from '../simulators/ninetyNineDigital';
import { senderById as byId } from '../support/twilioAccount';

const CLIENT_ID = 'partner-7';
const CLIENT_SECRET = 'partner-secret-fake-4711';
let digital: NinetyNineDigitalSimulator;

beforeEach(async () => {
	// a new simulator (new port, new Base URL) per test: the token cache never carries over
	digital = new NinetyNineDigitalSimulator(CLIENT_ID, CLIENT_SECRET);
	await digital.start();
	digital.addNumbers(
		{ phoneDigits: '972501234567', displayName: 'Acme IL', inbox: true },
		{
			phoneDigits: '972507654321',
			businessName: 'Acme Support',
			inbox: false,
			coexistence: true,
			conversationsThisMonth: 4,
		},
	);
});
afterEach(() => digital.stop());

const credentials = (secret = CLIENT_SECRET) => ({
	ninetyNineDigitalApi: { clientId: CLIENT_ID, clientSecret: secret, baseUrl: digital.baseUrl },
});

const run = async (
	parameters: Record<string, unknown>,
	options: { secret?: string; items?: number } = {},
) =>
	await runSendersNode({
		parameters: { provider: '99digital', resource: 'sender', ...parameters },
		credentials: credentials(options.secret),
		input: Array.from({ length: options.items ?? 1 }, () => ({ json: {} })),
	});

const apiRequests = () =>
	digital.server.requests.filter((request) => request.path !== '/api/settings/accessToken');

describe('List 99digital numbers', () => {
	it('lists every onboarded number as ONLINE, its Online inbox apart, and leaves out each number’s API key', async () => {
		const { items, error } = await run({ operation: 'list', returnAll: true });
		expect(error).toBeUndefined();
		expect(
			items.map(({ json }) => [
				json.id,
				json.phoneNumber,
				json.displayName,
				json.status,
				json.qualityRating,
				json.onlineInbox,
			]),
		).toEqual([
			[
				'972501234567',
				'+972501234567',
				'Acme IL',
				'ONLINE',
				'UNKNOWN',
				{ attached: true, accountId: '1', inboxId: '2' },
			],
			[
				'972507654321',
				'+972507654321',
				'The WhatsApp Display name',
				'ONLINE',
				'UNKNOWN',
				{ attached: false, accountId: null, inboxId: null },
			],
		]);
		expect(items[1].json.raw).toMatchObject({ coexistence: 1, conversationsThisMonth: 4 });
		expect(JSON.stringify(items)).not.toContain('apiKey');
		expect(JSON.stringify(items)).not.toContain('number-key-');
	});

	it('keeps the API keys only when the user turns the option on', async () => {
		const { items } = await run({
			operation: 'list',
			returnAll: true,
			options: { includeSecrets: true },
		});
		expect((items[0].json.raw as Record<string, unknown>).apiKey).toMatch(/^number-key-/);
	});

	it('takes a Bearer token from the client id and secret and reuses it for every item', async () => {
		const { items } = await run({ operation: 'list', returnAll: false, limit: 1 }, { items: 3 });
		expect(items).toHaveLength(3);
		expect(digital.tokenRequests).toBe(1);
		expect(JSON.parse(digital.server.requests[0].body)).toEqual({
			client_id: CLIENT_ID,
			client_secret: CLIENT_SECRET,
		});
		expect(
			apiRequests().every((request) => request.headers.authorization?.startsWith('Bearer ')),
		).toBe(true);
	});

	it('keeps using the token across executions until it expires', async () => {
		await run({ operation: 'list', returnAll: true });
		await run({ operation: 'getUsage' });
		expect(digital.tokenRequests).toBe(1);
	});

	it('fetches a new token when 99digital says the old one expired, and carries on', async () => {
		await run({ operation: 'list', returnAll: true });
		digital.expireTokens();
		const { items, error } = await run({ operation: 'list', returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(digital.tokenRequests).toBe(2);
	});

	it('renews the token on an expired answer sent with HTTP 401 too', async () => {
		digital.failStatus = 401;
		await run({ operation: 'list', returnAll: true });
		digital.expireTokens();
		const { error } = await run({ operation: 'list', returnAll: true });
		expect(error).toBeUndefined();
		expect(digital.tokenRequests).toBe(2);
	});

	it('gives up with a clear error when even a new token is refused, without looping', async () => {
		digital.server.injectFaultWhen((r) => r.path === '/api/whatsapp/getWhatsApp', {
			status: 200,
			body: { status: 'FAIL', reason: 3 },
		});
		digital.server.injectFaultWhen((r) => r.path === '/api/whatsapp/getWhatsApp', {
			status: 200,
			body: { status: 'FAIL', reason: 3 },
		});
		const { error } = await run({ operation: 'list', returnAll: true });
		expect(error?.message).toBe(
			'99digital error code reason 3: access token does not exist or expired',
		);
		expect(apiRequests()).toHaveLength(2);
		expect(digital.tokenRequests).toBe(2);
	});

	it('reports a FAIL answered with HTTP 200 as an error, never as an empty list', async () => {
		digital.server.injectFaultWhen((r) => r.path === '/api/whatsapp/getWhatsApp', {
			status: 200,
			body: { status: 'FAIL', reason: 13 },
		});
		const { items, error } = await run({ operation: 'list', returnAll: true });
		expect(items).toHaveLength(0);
		expect(error?.message).toBe(
			'99digital error code reason 13: 99digital expects the GET method on this endpoint',
		);
		expect(error?.description).toContain('HTTP 200 from 99digital');
	});

	it('asks for a token once with a wrong secret, then refuses without asking again', async () => {
		const first = await run({ operation: 'list', returnAll: true }, { secret: 'wrong-secret' });
		expect(first.error?.message).toBe('99digital rejected the credentials (HTTP 200)');
		expect(first.error?.description).toContain('Check the client ID and client secret');
		expect(first.error?.description?.match(/client ID and client secret/g)).toHaveLength(1);
		const second = await run({ operation: 'list', returnAll: true }, { secret: 'wrong-secret' });
		expect(second.error?.message).toBe('99digital rejected the credentials (HTTP 200)');
		expect(second.error?.description).toContain('Not asked again until');
		expect(digital.tokenRequests).toBe(1);
		expect(JSON.stringify([first.error, second.error])).not.toContain('wrong-secret');
	});

	it('asks again at once after the secret is corrected', async () => {
		await run({ operation: 'list', returnAll: true }, { secret: 'wrong-secret' });
		const { error } = await run({ operation: 'list', returnAll: true });
		expect(error).toBeUndefined();
		expect(digital.tokenRequests).toBe(2);
	});

	it('says when 99digital has blocked the IP', async () => {
		const blocking = new NinetyNineDigitalSimulator(CLIENT_ID, CLIENT_SECRET, 0);
		await blocking.start();
		try {
			const { error } = await runSendersNode({
				parameters: {
					provider: '99digital',
					resource: 'sender',
					operation: 'list',
					returnAll: true,
				},
				credentials: {
					ninetyNineDigitalApi: {
						clientId: CLIENT_ID,
						clientSecret: CLIENT_SECRET,
						baseUrl: blocking.baseUrl,
					},
				},
			});
			expect(error?.message).toBe('99digital rejected the credentials (HTTP 200)');
			expect(error?.description).toContain('blocked this IP');
			expect(blocking.tokenRequests).toBe(1);
		} finally {
			await blocking.stop();
		}
	});

	it('says it could not reach 99digital when the token request gets no answer', async () => {
		const { error } = await runSendersNode({
			parameters: { provider: '99digital', resource: 'sender', operation: 'list', returnAll: true },
			credentials: {
				ninetyNineDigitalApi: {
					clientId: CLIENT_ID,
					clientSecret: CLIENT_SECRET,
					baseUrl: 'http://127.0.0.1:9',
				},
			},
		});
		expect(error?.message).toBe('Could not reach 99digital: connection refused');
		expect(error?.description).toContain('ECONNREFUSED on the request to 127.0.0.1:9');
	}, 60_000);
});

describe('99digital account usage and registration', () => {
	it("gives this month's totals as one item", async () => {
		const { items } = await run({ operation: 'getUsage' });
		expect(items.map((item) => item.json)).toEqual([
			{
				provider: '99digital',
				totalWhatsApp: 2,
				totalConversationsThisMonth: 10,
				totalMarketingThisMonth: 6,
				totalServiceThisMonth: 6,
				totalIncomingThisMonth: 0,
			},
		]);
	});

	it('registers a number by voice call, once, and lists it once verified', async () => {
		const created = await run({
			operation: 'create',
			phoneNumber: '+972 52-111-2233',
			verificationMethod: 'voice',
		});
		expect(created.error).toBeUndefined();
		expect(created.items[0].json).toMatchObject({
			provider: '99digital',
			id: '972521112233',
			phoneNumber: '+972521112233',
			status: 'PENDING_VERIFICATION',
		});
		const register = apiRequests().filter(
			(request) => request.path === '/api/whatsapp/registerNumber',
		);
		expect(register.map((request) => JSON.parse(request.body))).toEqual([
			{ whatsapp: '972521112233', method: 2 },
		]);

		digital.verifyRegistered('972521112233');
		const registered = await run({ operation: 'listRegistered' });
		expect(registered.items.map((item) => item.json)).toEqual([
			expect.objectContaining({
				provider: '99digital',
				phoneNumber: '+972521112233',
				onboardingLink: null,
				expiresAt: expect.stringMatching(/^20\d\d-/),
			}),
		]);
	});

	it('never repeats a registration that failed with a server error', async () => {
		digital.server.injectFaultWhen((r) => r.path === '/api/whatsapp/registerNumber', {
			status: 503,
			body: {},
		});
		const { error } = await run({
			operation: 'create',
			phoneNumber: '+972521112233',
			verificationMethod: 'sms',
		});
		expect(error?.message).toBe('99digital error (HTTP 503)');
		expect(
			apiRequests().filter((request) => request.path === '/api/whatsapp/registerNumber'),
		).toHaveLength(1);
	});

	it.each([
		[
			{ operation: 'create', phoneNumber: '0501234567' },
			'Invalid "Phone Number" in item 0: must be an E.164 number: "+", country code and number, 8 to 15 digits, e.g. +14155550100',
		],
		[
			{ operation: 'get' },
			'Invalid "Operation" in item 0: 99digital does not support "get"; it supports: list, create, delete, listRegistered, getUsage',
		],
		[
			{ operation: 'delete', senderId: byId('972501234567') },
			'Invalid "Confirm Permanent Deletion" in item 0: must be on to delete 972501234567. Deleting a 99digital number is immediate and cannot be undone: its messages, files, contacts and counters are lost.',
		],
		[
			{ operation: 'delete', senderId: byId('={{ "+972501234567" }}'), confirmDeletion: true },
			'Invalid "Sender" in item 0: "+972501234567" is not a 99digital sender ID (like 972501234567)',
		],
	])('refuses %p before any request, token included', async (parameters, message) => {
		const { error } = await run(parameters);
		expect(error?.message).toBe(message);
		expect(digital.server.requests).toHaveLength(0);
	});
});

describe('Delete a 99digital number', () => {
	const deletes = () =>
		apiRequests().filter((request) => request.path === '/api/whatsapp/deleteWhatsApp');

	it('deletes it with DELETE and the number in the body, once confirmed', async () => {
		const { items, error } = await run({
			operation: 'delete',
			senderId: byId('972501234567'),
			confirmDeletion: true,
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([{ deleted: true, id: '972501234567' }]);
		expect(deletes().map((request) => [request.method, JSON.parse(request.body)])).toEqual([
			['DELETE', { whatsapp: '972501234567' }],
		]);
		expect(digital.numbers.map((number) => number.whatsapp)).toEqual(['972507654321']);
	});

	it("says in 99digital's words that the number is not in the account (reason 27)", async () => {
		const { error } = await run({
			operation: 'delete',
			senderId: byId('972529999999'),
			confirmDeletion: true,
		});
		expect(error?.message).toBe(
			'99digital error code reason 27: WhatsApp number does not exist under your account',
		);
		expect(error?.description).toContain('List the numbers');
	});

	it.each([
		['a server error', { status: 503, body: {} }],
		['a 429', { status: 429, body: {} }],
	])('never sends a deletion twice, even after %s', async (_case, fault) => {
		digital.server.injectFaultWhen((r) => r.path === '/api/whatsapp/deleteWhatsApp', fault);
		const { error } = await run({
			operation: 'delete',
			senderId: byId('972501234567'),
			confirmDeletion: true,
		});
		expect(error).toBeDefined();
		expect(deletes()).toHaveLength(1);
	});
});

describe('The trigger on 99digital numbers', () => {
	it('stays silent when an Online inbox is attached or removed: that is not a status change', async () => {
		const staticData = {};
		const parameters = {
			provider: '99digital',
			events: ['statusChanged', 'senderAdded', 'senderRemoved'],
		};
		expect(
			(await pollSendersTrigger({ parameters, credentials: credentials(), staticData })).items,
		).toHaveLength(0);
		digital.setInbox('972501234567', false);
		digital.setInbox('972507654321', true);
		expect(
			(await pollSendersTrigger({ parameters, credentials: credentials(), staticData })).items,
		).toHaveLength(0);
	});

	it('fires senderRemoved once when a number is deleted', async () => {
		const staticData = {};
		const parameters = { provider: '99digital', events: ['senderRemoved'] };
		expect(
			(await pollSendersTrigger({ parameters, credentials: credentials(), staticData })).items,
		).toHaveLength(0);
		await run({ operation: 'delete', senderId: byId('972501234567'), confirmDeletion: true });
		const fired = await pollSendersTrigger({ parameters, credentials: credentials(), staticData });
		expect(fired.items.map((item) => item.json)).toEqual([
			expect.objectContaining({
				event: 'senderRemoved',
				sender: expect.objectContaining({ id: '972501234567' }),
			}),
		]);
		expect(JSON.stringify(fired.items)).not.toContain('number-key-');
		expect(
			(await pollSendersTrigger({ parameters, credentials: credentials(), staticData })).items,
		).toHaveLength(0);
	});

	it('gives Fetch Test Event no quality or limit sample, events 99digital can never produce, even for a workflow that chose them', async () => {
		const parameters = {
			provider: '99digital',
			events: ['statusChanged', 'qualityChanged', 'messagingLimitChanged'],
		};
		const { items } = await pollSendersTrigger({
			parameters,
			credentials: credentials(),
			staticData: {},
			mode: 'manual',
		});
		expect(items.map((item) => item.json.event)).toEqual(['statusChanged']);
	});
});
