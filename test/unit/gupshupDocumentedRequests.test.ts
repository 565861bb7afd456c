import { runSendersNode } from '../harness/n8nHarness';
import { type RecordedRequest, type SimulatedResponse, HttpSimulator } from '../simulators/server';
import { registerCanary } from '../support/canaries';
import { readReferenceFile } from '../support/referenceFiles';

/**
 * Gupshup's documented requests and answers (test/reference/provider-docs/gupshup-partner-api-excerpts.md),
 * replayed through the node, the Gupshup adapter, its mapper and its token exchange, against a
 * stand-in on 127.0.0.1 that answers each endpoint with the page's own example body. The
 * expected requests and senders are written by hand from Gupshup's words; the answers already
 * replayed through the mapper alone (documentedExamples.test.ts) are not repeated here.
 */
type Raw = Record<string, unknown>;

/** The excerpts without their "> " quote marks, so the examples read as the pages print them. */
const DOC = readReferenceFile('provider-docs/gupshup-partner-api-excerpts.md').replace(
	/^> ?/gm,
	'',
);

/** The first balanced `{ "…" … }` after `marker`, as text (a `{{PLACEHOLDER}}` is not one). */
function objectInDoc(marker: string): string {
	const at = DOC.indexOf(marker);
	if (at === -1) throw new Error(`"${marker}" is not in the Gupshup excerpts`);
	const start = DOC.indexOf('{ "', at + marker.length);
	let depth = 0;
	for (let index = start; index < DOC.length; index++) {
		if (DOC[index] === '{') depth++;
		if (DOC[index] === '}' && --depth === 0) return DOC.slice(start, index + 1);
	}
	throw new Error(`no object after "${marker}"`);
}

/** A quote the test relies on: it fails if the page no longer says it. */
function quoted(text: string): string {
	if (!DOC.includes(text)) throw new Error(`the Gupshup excerpts no longer say: ${text}`);
	return text;
}

/**
 * Get Waba Info's first example with one word chosen from each "A | B | C" list and a value for
 * each "{placeholder}"; a word the page does not list, or a list left unchosen, is refused.
 */
function wabaInfoExample(choices: Record<string, string>): { status: string; wabaInfo: Raw } {
	const text = objectInDoc('## Get Waba Info').replace(
		/"(\w+)"\s*:\s*"([^"]*)"/g,
		(whole, key: string, value: string) => {
			const listed = value.split('|').map((word) => word.trim());
			if (!(key in choices)) {
				if (listed.length > 1 || /^\{.*\}$/.test(value))
					throw new Error(`choose a value for ${key}: the page says "${value}"`);
				return whole;
			}
			if (listed.length > 1 && !listed.includes(choices[key]))
				throw new Error(`${choices[key]} is not one of "${value}"`);
			return `"${key}": ${JSON.stringify(choices[key])}`;
		},
	);
	return JSON.parse(text) as { status: string; wabaInfo: Raw };
}

// Get Partner Token: `{ "token": "{{PARTNER_TOKEN}}", "id": 1**3, "name": "gupshup", ...` (1**3 is not JSON: 1003 here)
quoted('{ "token": "{{PARTNER_TOKEN}}", "id": 1**3, "name": "gupshup", ...');
const PARTNER_TOKEN = '{{PARTNER_TOKEN}}';
const LOGIN_ANSWER = { token: PARTNER_TOKEN, id: 1003, name: 'gupshup' };

// Get Partner Apps: `{ "status": "success", "partnerAppsList": [ { "id": "00065097-…", "name": "BotTch20", … }, ...` (its one app)
const DOCUMENTED_APP = JSON.parse(objectInDoc('"partnerAppsList": [')) as Raw;
const APP_ID = '00065097-93ff-4c22-bfa4-845f01b7de3b';
const appsAnswer = (...apps: Raw[]) => ({ status: 'success', partnerAppsList: apps });
/** The page's app is `"live": false`; the same app live, for the answers of Get Waba Info. */
const LIVE_APP = { ...DOCUMENTED_APP, live: true };

// Get Access Token for an App: the page's answer as it is
const APP_TOKEN_ANSWER = JSON.parse(objectInDoc('## Get Access Token for an App')) as {
	token: { token: string };
};
const APP_TOKEN = 'sk_20c901e*********2a592484********1';

/** The Health page's `400 | { "message": …, "status": "error" } |` rows, by message. */
const HEALTH_ERRORS = new Map(
	[...DOC.slice(DOC.indexOf('## Health')).matchAll(/^400 \| (\{.*?\}) \|/gm)].map(([, body]) => {
		const parsed = JSON.parse(body) as { message: string };
		return [parsed.message, parsed];
	}),
);
const healthError = (message: string): SimulatedResponse => {
	const body = HEALTH_ERRORS.get(message);
	if (!body) throw new Error(`the Health page has no 400 "${message}"`);
	return { status: 400, body };
};

/** The first word of each list, but LIMITED; "{phone}" and "{waba_id}" as in the page's 200 example, "{display name}" made up (that example has none). */
const ACTIVE_LIMITED = {
	accountStatus: 'ACTIVE',
	dockerStatus: 'CONNECTED',
	messagingLimit: 'TIER_50',
	mmLiteStatus: 'INELIGIBLE',
	ownershipType: 'CLIENT_OWNED',
	phone: '917835039205',
	phoneQuality: 'GREEN',
	throughput: 'HIGH',
	verifiedName: 'Acme India',
	wabaId: '116676371511027',
	canSendMessage: 'LIMITED',
};

/** Answers each endpoint with the documented example, recording what it was asked. */
class DocumentedGupshup extends HttpSimulator {
	partnerApps: SimulatedResponse = { status: 200, body: appsAnswer(DOCUMENTED_APP) };

	wabaInfo: SimulatedResponse = { status: 200, body: wabaInfoExample(ACTIVE_LIMITED) };

	protected route(request: RecordedRequest): SimulatedResponse {
		if (request.path === '/partner/account/login') return { status: 200, body: LOGIN_ANSWER };
		if (request.path === '/partner/account/api/partnerApps') return this.partnerApps;
		if (/^\/partner\/app\/[^/]+\/token\/?$/.test(request.path))
			return { status: 200, body: APP_TOKEN_ANSWER };
		if (/^\/partner\/app\/[^/]+\/waba\/info\/?$/.test(request.path)) return this.wabaInfo;
		return { status: 404, body: { status: 'error', message: 'Not Found' } };
	}

	sent(suffix: string): RecordedRequest[] {
		return this.server.requests.filter((request) => request.path.endsWith(suffix));
	}
}

const EMAIL = 'partner@acme.example';
const CLIENT_SECRET = 'gupshup-client-secret-fake-4711';
let gupshup: DocumentedGupshup;

beforeAll(() => {
	registerCanary(PARTNER_TOKEN, 'token');
	registerCanary(APP_TOKEN, 'token');
});
beforeEach(async () => {
	// a new port per test: no cached token carries over
	gupshup = new DocumentedGupshup();
	await gupshup.start();
});
afterEach(() => gupshup.stop());

const list = async () =>
	await runSendersNode({
		parameters: { provider: 'gupshup', resource: 'sender', operation: 'list', returnAll: true },
		credentials: {
			gupshupPartnerApi: { email: EMAIL, clientSecret: CLIENT_SECRET, baseUrl: gupshup.baseUrl },
		},
	});

describe("The requests of Gupshup's curl examples", () => {
	it('logs in with a form POST of the email and the client secret to /partner/account/login, asking for JSON', async () => {
		await list();
		const [login] = gupshup.server.requests;
		expect([login.method, login.path]).toEqual(['POST', '/partner/account/login']);
		// --header 'Accept: application/json' --header 'Content-Type: application/x-www-form-urlencoded'
		expect(login.headers.accept).toBe('application/json');
		expect(login.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
		// --data-urlencode 'email={{EMAIL}}' --data-urlencode 'secret={{CLIENT_SECRET}}'; Gupshup's guide: "pass the client secret in the password parameter"
		expect(Object.fromEntries(new URLSearchParams(login.body))).toEqual({
			email: EMAIL,
			secret: CLIENT_SECRET,
			password: CLIENT_SECRET,
		});
	});

	it('reads the partner apps with the partner token as it is in Authorization, no "Bearer"', async () => {
		await list();
		const [apps] = gupshup.sent('/partnerApps');
		expect([apps.method, apps.path]).toEqual(['GET', '/partner/account/api/partnerApps']);
		// --header 'Authorization: {{PARTNER_TOKEN}}'
		expect(apps.headers.authorization).toBe(PARTNER_TOKEN);
	});

	it("asks for the app's token at /partner/app/{appId}/token/ with the partner token", async () => {
		gupshup.partnerApps = { status: 200, body: appsAnswer(LIVE_APP) };
		await list();
		const [token] = gupshup.sent('/token/');
		// curl --location --request GET 'https://partner.gupshup.io/partner/app/{{APP_ID}}/token/' --header 'Authorization: {{PARTNER_TOKEN}}'
		expect([token.method, token.path, token.headers.authorization]).toEqual([
			'GET',
			`/partner/app/${APP_ID}/token/`,
			PARTNER_TOKEN,
		]);
	});

	it('reads Waba Info with the app token in a `token` header, and nothing in Authorization', async () => {
		gupshup.partnerApps = { status: 200, body: appsAnswer(LIVE_APP) };
		await list();
		const [info] = gupshup.sent('/waba/info');
		// curl --location --request GET '{{partner_portal_base_url}}/partner/app/:appId/waba/info' --header 'token: {{PARTNER_APP_TOKEN}}'
		expect([info.method, info.path, info.headers.token]).toEqual([
			'GET',
			`/partner/app/${APP_ID}/waba/info`,
			APP_TOKEN,
		]);
		expect(info.headers.authorization).toBeUndefined();
	});
});

describe("What a user sees of Gupshup's documented answers", () => {
	it('lists the documented app BotTch20, not live, as UNKNOWN under its name, without asking its token or Waba Info', async () => {
		const { items, error } = await list();
		expect(error).toBeUndefined();
		expect(
			items.map(({ json }) => [
				json.id,
				json.displayName,
				json.phoneNumber,
				json.status,
				json.qualityRating,
				json.messagingLimit,
			]),
		).toEqual([[APP_ID, 'BotTch20', null, 'UNKNOWN', 'UNKNOWN', null]]);
		expect(gupshup.server.requests.map((request) => request.path)).toEqual([
			'/partner/account/login',
			'/partner/account/api/partnerApps',
		]);
	});

	it("shows a LIMITED number with Meta's error 141014, its possible solution and Gupshup's additional info", async () => {
		gupshup.partnerApps = { status: 200, body: appsAnswer(LIVE_APP) };
		const { items, error } = await list();
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			id: APP_ID,
			phoneNumber: '+917835039205',
			displayName: 'Acme India',
			status: 'LIMITED',
			providerStatus: 'CONNECTED/ACTIVE/LIMITED',
			qualityRating: 'GREEN',
			messagingLimit: 50,
			messagingLimitText: 'TIER_50',
		});
		// "errors": [ { "error_code":"141014", "error_description": "<error description>", "possible_solution": "<posiblesolution>" } ]
		expect(items[0].json.offlineReasons).toEqual([
			{
				code: '141014',
				message: 'WhatsApp number: <error description>',
				moreInfo:
					'Your display name has not been approved yet. Your message limit will increase after the display name is approved.',
				solution: '<posiblesolution>',
			},
		]);
	});

	it('shows the last word of every list (BANNED, BLOCKED, TIER_UNLIMITED, quality UNKNOWN) as an OFFLINE number with no daily limit, giving both reasons', async () => {
		gupshup.partnerApps = { status: 200, body: appsAnswer(LIVE_APP) };
		gupshup.wabaInfo = {
			status: 200,
			body: wabaInfoExample({
				...ACTIVE_LIMITED,
				accountStatus: 'BANNED',
				dockerStatus: 'UNKNOWN',
				messagingLimit: 'TIER_UNLIMITED',
				mmLiteStatus: 'ONBOARDED',
				ownershipType: 'SELF',
				phoneQuality: 'UNKNOWN',
				throughput: 'NOT_APPLICABLE',
				canSendMessage: 'BLOCKED',
			}),
		};
		const { items } = await list();
		expect(items[0].json).toMatchObject({
			status: 'OFFLINE',
			providerStatus: 'UNKNOWN/BANNED/BLOCKED',
			qualityRating: 'UNKNOWN',
			messagingLimit: null,
			messagingLimitText: 'TIER_UNLIMITED',
		});
		expect(items[0].json.offlineReasons).toEqual([
			expect.objectContaining({ code: '141014', solution: '<posiblesolution>' }),
			expect.objectContaining({
				code: 'UNKNOWN/BANNED/BLOCKED',
				message: expect.stringContaining('BANNED'),
			}),
		]);
	});
});

describe("The Health page's 400 answers", () => {
	it.each(['App is not live.', 'Waba id not found for the given App'])(
		'lists a live app whose Waba Info answers "%s" as UNKNOWN with that message',
		async (message) => {
			gupshup.partnerApps = { status: 200, body: appsAnswer(LIVE_APP) };
			gupshup.wabaInfo = healthError(message);
			const { items, error } = await list();
			expect(error).toBeUndefined();
			expect(items[0].json).toMatchObject({
				id: APP_ID,
				displayName: 'BotTch20',
				status: 'UNKNOWN',
				qualityRating: 'UNKNOWN',
				messagingLimit: null,
			});
			expect((items[0].json.raw as Raw).wabaInfoError).toBe(`Gupshup error ${message}`);
		},
	);

	it.each([
		'WABA id is invalid or given phone is not associated with WABA',
		'Error while getting waba info for given app',
	])(
		'fails the listing with Gupshup’s words when Waba Info answers "%s", asking once',
		async (message) => {
			gupshup.partnerApps = { status: 200, body: appsAnswer(LIVE_APP) };
			gupshup.wabaInfo = healthError(message);
			const { items, error } = await list();
			expect(items).toEqual([]);
			expect(error?.message).toBe(`Gupshup error ${message}`);
			expect(error?.description).toContain(
				`HTTP 400 from Gupshup for GET ${gupshup.baseUrl}/partner/app/${APP_ID}/waba/info.`,
			);
			expect(gupshup.sent('/waba/info')).toHaveLength(1);
		},
	);

	it('asks for the app token once more when Waba Info answers "Authentication Failed", then says Gupshup refused it', async () => {
		gupshup.partnerApps = { status: 200, body: appsAnswer(LIVE_APP) };
		gupshup.wabaInfo = healthError('Authentication Failed');
		const { error } = await list();
		expect(error?.message).toBe('Gupshup error Authentication Failed');
		expect(error?.description).toContain(
			'Gupshup refused the app token of this app, also after it was asked for again',
		);
		expect([
			gupshup.sent('/token/').length,
			gupshup.sent('/waba/info').length,
			gupshup.sent('/login').length,
		]).toEqual([2, 2, 1]);
	});

	it('logs in once more when Get Partner Apps answers "Authentication Failed", then says to check the email and client secret', async () => {
		gupshup.partnerApps = healthError('Authentication Failed');
		const { error } = await list();
		expect(error?.message).toBe('Gupshup error Authentication Failed');
		expect(error?.description).toContain('check the email and client secret in the credential');
		expect([gupshup.sent('/login').length, gupshup.sent('/partnerApps').length]).toEqual([2, 2]);
	});
});
