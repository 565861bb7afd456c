import { gupshupAdapter } from '../../nodes/WhatsAppSenders/providers/gupshup/adapter';
import { pollSendersTrigger, runSendersNode } from '../harness/n8nHarness';
import { type GupshupAppSeed, GupshupSimulator } from '../simulators/gupshup';
import { senderById as byId } from '../support/twilioAccount';

const EMAIL = 'partner@acme.example';
const CLIENT_SECRET = 'gupshup-client-secret-fake-4711';
let gupshup: GupshupSimulator;

beforeEach(async () => {
	// a new simulator (new port, new Base URL) per test: no token cache carries over
	gupshup = new GupshupSimulator(EMAIL, CLIENT_SECRET);
	await gupshup.start();
});
afterEach(() => gupshup.stop());

const credentials = (secret = CLIENT_SECRET) => ({
	gupshupPartnerApi: { email: EMAIL, clientSecret: secret, baseUrl: gupshup.baseUrl },
});

const run = async (
	parameters: Record<string, unknown>,
	options: { secret?: string; items?: number } = {},
) =>
	await runSendersNode({
		parameters: { provider: 'gupshup', resource: 'sender', ...parameters },
		credentials: credentials(options.secret),
		input: Array.from({ length: options.items ?? 1 }, () => ({ json: {} })),
	});

const pathsOf = () =>
	gupshup.server.requests.map((request) => request.path.replace(/[0-9a-f-]{36}/, '{appId}'));
const wabaInfoRequests = () =>
	gupshup.server.requests.filter((request) => request.path.endsWith('/waba/info'));

const THREE_APPS: GupshupAppSeed[] = [
	{
		phone: '917835039205',
		verifiedName: 'Acme India',
		appName: 'acmeIn',
		messagingLimit: 'TIER_1K',
		canSendMessage: 'LIMITED',
	},
	{
		phone: '918375031069',
		verifiedName: 'Acme Support',
		appName: 'acmeSupport',
		phoneQuality: 'YELLOW',
		messagingLimit: 'TIER_10K',
	},
	{
		phone: '14155550100',
		verifiedName: 'Acme US',
		appName: 'acmeUs',
		phoneQuality: 'RED',
		messagingLimit: 'TIER_UNLIMITED',
		dockerStatus: 'DISCONNECTED',
	},
];

describe('List Gupshup apps', () => {
	it('lists each app as a sender with its number, status, quality and messaging limit from Waba Info', async () => {
		const apps = gupshup.addNumbers(...THREE_APPS);
		const { items, error } = await run({ operation: 'list', returnAll: true });
		expect(error).toBeUndefined();
		expect(
			items.map(({ json }) => [
				json.id,
				json.phoneNumber,
				json.displayName,
				json.status,
				json.providerStatus,
				json.qualityRating,
				json.messagingLimit,
				json.messagingLimitText,
			]),
		).toEqual([
			[
				apps[0].app.id,
				'+917835039205',
				'Acme India',
				'LIMITED',
				'CONNECTED/ACTIVE/LIMITED',
				'GREEN',
				1_000,
				'TIER_1K',
			],
			[
				apps[1].app.id,
				'+918375031069',
				'Acme Support',
				'ONLINE',
				'CONNECTED/ACTIVE/AVAILABLE',
				'YELLOW',
				10_000,
				'TIER_10K',
			],
			[
				apps[2].app.id,
				'+14155550100',
				'Acme US',
				'OFFLINE',
				'DISCONNECTED/ACTIVE/AVAILABLE',
				'RED',
				null,
				'TIER_UNLIMITED',
			],
		]);
		expect(items[0].json.raw).toMatchObject({
			app: { name: 'acmeIn', live: true },
			wabaInfo: { wabaId: '116676371511027', mmLiteStatus: 'ELIGIBLE' },
		});
	});

	it('logs in with the email and client secret as a form, then reads the app list, one app token and Waba Info per app', async () => {
		gupshup.addNumbers(...THREE_APPS.slice(0, 2));
		await run({ operation: 'list', returnAll: true });
		expect(pathsOf()).toEqual([
			'/partner/account/login',
			'/partner/account/api/partnerApps',
			'/partner/app/{appId}/token/',
			'/partner/app/{appId}/waba/info',
			'/partner/app/{appId}/token/',
			'/partner/app/{appId}/waba/info',
		]);
		const login = gupshup.server.requests[0];
		expect(login.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
		// Gupshup's reference names the field `secret`, its guide and legacy page `password`: both are sent
		expect(Object.fromEntries(new URLSearchParams(login.body))).toEqual({
			email: EMAIL,
			secret: CLIENT_SECRET,
			password: CLIENT_SECRET,
		});
		// the partner token goes as it is in Authorization, the app token in `token` only
		const [, apps, token, info] = gupshup.server.requests;
		expect(apps.headers.authorization).toMatch(/^partner-token-/);
		expect(token.headers.authorization).toBe(apps.headers.authorization);
		expect(info.headers.token).toMatch(/^sk_/);
		expect(info.headers.authorization).toBeUndefined();
	});

	it('logs in at a server that reads the client secret from `password`, as Gupshup’s guide says, with one request', async () => {
		gupshup.loginSecretField = 'password';
		gupshup.addNumbers(THREE_APPS[1]);
		const { items, error } = await run({ operation: 'list', returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(gupshup.loginRequests).toBe(1);
	});

	it.each(['partner', 'app'] as const)(
		'renews the %s token once when Gupshup refuses it with 400 "Authentication Failed", and lists',
		async (which) => {
			gupshup.addNumbers(THREE_APPS[1]);
			await run({ operation: 'list', returnAll: true });
			gupshup.tokenRefusal = { status: 400, message: 'Authentication Failed' };
			if (which === 'partner') gupshup.expirePartnerTokens();
			else gupshup.revokeAppTokens();
			const { items, error } = await run({ operation: 'list', returnAll: true });
			expect(error).toBeUndefined();
			expect(items[0].json.status).toBe('ONLINE');
			expect(which === 'partner' ? gupshup.loginRequests : gupshup.appTokenRequests).toBe(2);
		},
	);

	it('stops after Limit apps, asking Waba Info for those only', async () => {
		gupshup.addNumbers(...THREE_APPS);
		const { items } = await run({ operation: 'list', returnAll: false, limit: 2 });
		expect(items.map((item) => item.json.displayName)).toEqual(['Acme India', 'Acme Support']);
		expect(wabaInfoRequests()).toHaveLength(2);
	});

	it('reuses the partner token and the app tokens in later executions: 1 + N requests for N apps', async () => {
		gupshup.addNumbers(...THREE_APPS);
		await run({ operation: 'list', returnAll: true });
		gupshup.server.resetRequests();
		const { items } = await run({ operation: 'list', returnAll: true });
		expect(items).toHaveLength(3);
		expect(gupshup.loginRequests).toBe(1);
		expect(gupshup.appTokenRequests).toBe(3);
		expect(pathsOf()).toEqual([
			'/partner/account/api/partnerApps',
			...Array(3).fill('/partner/app/{appId}/waba/info'),
		]);
	});

	it('logs in again once when Gupshup refuses an expired partner token, and carries on', async () => {
		gupshup.addNumbers(THREE_APPS[0]);
		await run({ operation: 'list', returnAll: true });
		gupshup.expirePartnerTokens();
		const { items, error } = await run({ operation: 'list', returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(gupshup.loginRequests).toBe(2);
	});

	it('asks for a new app token when Waba Info refuses the cached one, and carries on', async () => {
		gupshup.addNumbers(THREE_APPS[0]);
		await run({ operation: 'list', returnAll: true });
		gupshup.revokeAppTokens();
		const { items, error } = await run({ operation: 'list', returnAll: true });
		expect(error).toBeUndefined();
		expect(items[0].json.qualityRating).toBe('GREEN');
		expect(gupshup.appTokenRequests).toBe(2);
	});

	it('lists an app without a WhatsApp Business Account as UNKNOWN with Gupshup’s message, and the others normally', async () => {
		const [pending] = gupshup.addNumbers(
			{ phone: '917000000001', appName: 'sandboxApp', withoutWaba: true },
			THREE_APPS[1],
		);
		const { items, error } = await run({ operation: 'list', returnAll: true });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			id: pending.app.id,
			displayName: 'sandboxApp',
			phoneNumber: null,
			status: 'UNKNOWN',
			qualityRating: 'UNKNOWN',
			messagingLimit: null,
		});
		expect((items[0].json.raw as Record<string, unknown>).wabaInfoError).toContain(
			'Waba id not found for the given App',
		);
		expect(items[1].json.status).toBe('ONLINE');
	});

	it('spends no Waba Info request (nor app token) on an app Get Partner Apps lists as not live, and lists it as UNKNOWN', async () => {
		const [sleeping] = gupshup.addNumbers(
			{ phone: '917000000002', appName: 'oldCampaign', live: false },
			THREE_APPS[1],
		);
		const { items, error } = await run({ operation: 'list', returnAll: true });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			id: sleeping.app.id,
			displayName: 'oldCampaign',
			status: 'UNKNOWN',
			qualityRating: 'UNKNOWN',
		});
		expect((items[0].json.raw as Record<string, unknown>).wabaInfoError).toBe(
			'Get Partner Apps lists the app as not live; its Waba Info was not asked.',
		);
		expect(wabaInfoRequests()).toHaveLength(1);
		expect(gupshup.appTokenRequests).toBe(1);
	});

	it('retries a 429 "Too Many Requests" after the Retry-After it came with', async () => {
		gupshup.addNumbers(THREE_APPS[0]);
		gupshup.server.injectFaultWhen((request) => request.path.endsWith('/waba/info'), {
			status: 429,
			body: { status: 'error', message: 'Too Many Requests' },
			headers: { 'Retry-After': '1' },
		});
		const started = Date.now();
		const { items, error } = await run({ operation: 'list', returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(wabaInfoRequests()).toHaveLength(2);
		expect(Date.now() - started).toBeGreaterThanOrEqual(900);
	});

	it("waits Gupshup's documented cooldown after a 429 without Retry-After, then reads the remaining apps", async () => {
		const cooldown = gupshupAdapter.rateLimitCooldownMs;
		// the real cooldown is a minute; the test shortens it, the rule is the same
		gupshupAdapter.rateLimitCooldownMs = 1500;
		try {
			gupshup.addNumbers(...THREE_APPS);
			gupshup.server.injectFaultWhen(
				(request) => request.path.endsWith('/waba/info') && wabaInfoRequests().length === 2,
				{
					status: 429,
					body: { status: 'error', message: 'Too Many Requests' },
				},
			);
			const { items, error } = await run({ operation: 'list', returnAll: true });
			expect(error).toBeUndefined();
			expect(items.map((item) => item.json.phoneNumber)).toEqual([
				'+917835039205',
				'+918375031069',
				'+14155550100',
			]);
			const [, refused, repeated] = wabaInfoRequests();
			expect(repeated.path).toBe(refused.path);
			expect(repeated.at - refused.at).toBeGreaterThanOrEqual(1400);
		} finally {
			gupshupAdapter.rateLimitCooldownMs = cooldown;
		}
	});

	it('never outputs the partner token, the app tokens or the client secret', async () => {
		gupshup.addNumbers(...THREE_APPS);
		const { items } = await run({ operation: 'list', returnAll: true });
		const output = JSON.stringify(items);
		expect(output).not.toContain('partner-token-');
		expect(output).not.toContain('sk_');
		expect(output).not.toContain(CLIENT_SECRET);
	});
});

describe('Gupshup statuses, quality ratings and limits', () => {
	it.each([
		[{ dockerStatus: 'CONNECTED' }, 'ONLINE'],
		[{ dockerStatus: 'FLAGGED' }, 'ONLINE'],
		[{ dockerStatus: 'PENDING' }, 'PENDING'],
		[{ dockerStatus: 'DISCONNECTED' }, 'OFFLINE'],
		[{ dockerStatus: 'RESTRICTED' }, 'OFFLINE'],
		[{ dockerStatus: 'UNKNOWN' }, 'UNKNOWN'],
		[{ dockerStatus: 'MIGRATING' }, 'UNKNOWN'],
		[{ accountStatus: 'BANNED' }, 'OFFLINE'],
		[{ canSendMessage: 'BLOCKED' }, 'OFFLINE'],
		[{ canSendMessage: 'LIMITED' }, 'LIMITED'],
	] as Array<[Partial<GupshupAppSeed>, string]>)(
		'reads %p as %s, keeping Gupshup’s words',
		async (seed, status) => {
			gupshup.addNumbers({ phone: '917835039205', ...seed });
			const { items } = await run({ operation: 'list', returnAll: true });
			expect(items[0].json.status).toBe(status);
			const words = [
				seed.dockerStatus ?? 'CONNECTED',
				seed.accountStatus ?? 'ACTIVE',
				seed.canSendMessage ?? 'AVAILABLE',
			].join('/');
			expect(items[0].json.providerStatus).toBe(words);
			// an OFFLINE status word is the reason's code; canSendMessage gives Gupshup's (Meta's) own reason
			if (status === 'OFFLINE' && !seed.canSendMessage)
				expect(items[0].json.offlineReasons).toEqual([expect.objectContaining({ code: words })]);
			if (seed.canSendMessage)
				expect(items[0].json.offlineReasons).toEqual([
					expect.objectContaining({ code: seed.canSendMessage }),
				]);
		},
	);

	it.each([
		['GREEN', 'GREEN'],
		['YELLOW', 'YELLOW'],
		['RED', 'RED'],
		['UNKNOWN', 'UNKNOWN'],
		['PURPLE', 'UNKNOWN'],
	])('reads phoneQuality %s as quality %s', async (phoneQuality, quality) => {
		gupshup.addNumbers({ phone: '917835039205', phoneQuality });
		const { items } = await run({ operation: 'list', returnAll: true });
		expect(items[0].json.qualityRating).toBe(quality);
	});

	it.each([
		['TIER_50', 50],
		['TIER_250', 250],
		['TIER_1K', 1_000],
		['TIER_2K', 2_000],
		['TIER_10K', 10_000],
		['TIER_100K', 100_000],
		['TIER_NOT_SET', null],
		['TIER_UNLIMITED', null],
	])('reads messagingLimit %s as %p, keeping the word', async (messagingLimit, limit) => {
		gupshup.addNumbers({ phone: '917835039205', messagingLimit });
		const { items } = await run({ operation: 'list', returnAll: true });
		expect(items[0].json).toMatchObject({
			messagingLimit: limit,
			messagingLimitText: messagingLimit,
		});
	});
});

describe('Get a Gupshup app', () => {
	it('returns one app by its app ID, with its Waba Info', async () => {
		const [, second] = gupshup.addNumbers(...THREE_APPS);
		const { items, error } = await run({ operation: 'get', senderId: byId(String(second.app.id)) });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			id: second.app.id,
			phoneNumber: '+918375031069',
			displayName: 'Acme Support',
			qualityRating: 'YELLOW',
			messagingLimit: 10_000,
		});
		expect(wabaInfoRequests()).toHaveLength(1);
	});

	it('says the app is not in this partner account, before asking for an app token', async () => {
		gupshup.addNumbers(THREE_APPS[0]);
		const { error } = await run({
			operation: 'get',
			senderId: byId('018358b5-5ac1-44af-bbfe-36ac4e9f01cc'),
		});
		expect(error?.message).toBe(
			'Gupshup has no app 018358b5-5ac1-44af-bbfe-36ac4e9f01cc in this partner account',
		);
		expect(gupshup.appTokenRequests).toBe(0);
	});

	it.each(['917835039205', '+917835039205', 'acmeIn', '00065097-93ff-4c22-bfa4-845f01b7de3'])(
		'refuses the sender id %p before any request',
		async (id) => {
			// from an expression: the editor itself already flags a typed ID of the wrong shape
			const { error } = await run({ operation: 'get', senderId: byId(`={{ "${id}" }}`) });
			expect(error?.message).toBe(
				`Invalid "Sender" in item 0: "${id}" is not a Gupshup sender ID (like 00065097-93ff-4c22-bfa4-845f01b7de3b)`,
			);
			expect(gupshup.server.requests).toHaveLength(0);
		},
	);
});

describe('The business profile of a Gupshup app', () => {
	const profileRequests = () =>
		gupshup.server.requests.filter((request) => request.path.includes('/business/profile'));

	it("reads the profile with the app token in Authorization and outputs it in Gupshup's words", async () => {
		const [app] = gupshup.addNumbers(THREE_APPS[0]);
		const { items, error } = await run({
			operation: 'getProfile',
			senderId: byId(String(app.app.id)),
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([
			{
				provider: 'gupshup',
				id: app.app.id,
				address: '1 Main St',
				profileEmail: 'help@acme.example',
				desc: 'Garden supplies',
				vertical: 'RETAIL',
				website1: 'https://acme.example',
				website2: '',
			},
		]);
		const [read] = profileRequests();
		expect([read.method, read.path]).toEqual([
			'GET',
			`/partner/app/${String(app.app.id)}/business/profile/`,
		]);
		expect(read.headers.authorization).toMatch(/^sk_/);
	});

	it('changes one field and sends the rest of the profile back as it was, since Gupshup replaces the whole profile', async () => {
		const [app] = gupshup.addNumbers(THREE_APPS[0]);
		const { items, error } = await run({
			operation: 'updateProfile',
			senderId: byId(String(app.app.id)),
			profileFields: { description: 'Seeds and tools' },
		});
		expect(error).toBeUndefined();
		expect(profileRequests().map((request) => request.method)).toEqual(['GET', 'PUT']);
		expect(Object.fromEntries(new URLSearchParams(profileRequests()[1].body))).toEqual({
			addLine1: '1 Main St',
			addLine2: '',
			city: '',
			state: '',
			pinCode: '',
			country: '',
			vertical: 'RETAIL',
			website1: 'https://acme.example',
			website2: '',
			desc: 'Seeds and tools',
			profileEmail: 'help@acme.example',
		});
		expect(items[0].json).toEqual({
			provider: 'gupshup',
			id: app.app.id,
			address: '1 Main St',
			profileEmail: 'help@acme.example',
			desc: 'Seeds and tools',
			vertical: 'RETAIL',
			website1: 'https://acme.example',
			website2: '',
		});
	});

	it('sends the about text alone to its own endpoint, without touching the other fields', async () => {
		const [app] = gupshup.addNumbers(THREE_APPS[0]);
		const { items, error } = await run({
			operation: 'updateProfile',
			senderId: byId(String(app.app.id)),
			profileFields: { about: 'Open 9-17' },
		});
		expect(error).toBeUndefined();
		expect(
			profileRequests().map((request) => [
				request.method,
				request.path.replace(String(app.app.id), '{appId}'),
				request.body,
			]),
		).toEqual([['PUT', '/partner/app/{appId}/business/profile/about', 'about=Open+9-17']]);
		expect(gupshup.apps[0].about).toBe('Open 9-17');
		expect(items[0].json).toEqual({ provider: 'gupshup', id: app.app.id, about: 'Open 9-17' });
	});

	it('puts two websites in website1 and website2, replacing both', async () => {
		const [app] = gupshup.addNumbers(THREE_APPS[0]);
		await run({
			operation: 'updateProfile',
			senderId: byId(String(app.app.id)),
			profileFields: { websites: 'https://a.example, https://b.example' },
		});
		expect(gupshup.apps[0].profile).toMatchObject({
			website1: 'https://a.example',
			website2: 'https://b.example',
			desc: 'Garden supplies',
		});
	});

	it("gives Gupshup's own words when it refuses the profile, without blaming the app ID", async () => {
		const [app] = gupshup.addNumbers(THREE_APPS[0]);
		gupshup.apps[0].profile.vertical = '';
		const { error } = await run({
			operation: 'updateProfile',
			senderId: byId(String(app.app.id)),
			profileFields: { description: 'Seeds' },
		});
		expect(error?.message).toBe("Gupshup error vertical can't be empty");
		expect(error?.description ?? '').not.toContain('app ID');
	});

	it('asks for the app token once more when Gupshup answers "Authentication Failed", then reads the profile', async () => {
		const [app] = gupshup.addNumbers(THREE_APPS[0]);
		await run({ operation: 'get', senderId: byId(String(app.app.id)) });
		gupshup.tokenRefusal = { status: 400, message: 'Authentication Failed' };
		gupshup.revokeAppTokens();
		gupshup.server.resetRequests();
		const { items, error } = await run({
			operation: 'getProfile',
			senderId: byId(String(app.app.id)),
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ desc: 'Garden supplies' });
		expect(pathsOf().filter((path) => !path.startsWith('/partner/account'))).toEqual([
			'/partner/app/{appId}/business/profile/',
			'/partner/app/{appId}/token/',
			'/partner/app/{appId}/business/profile/',
		]);
	});
});

describe('Gupshup credentials', () => {
	it('says Gupshup refused the email or client secret, and logs in only once', async () => {
		gupshup.addNumbers(THREE_APPS[0]);
		const { error } = await run(
			{ operation: 'list', returnAll: true },
			{ secret: 'a-wrong-client-secret' },
		);
		expect(error?.message).toBe('Gupshup rejected the credentials (HTTP 401)');
		expect(error?.description).toContain(
			'Check the email and client secret in the Gupshup credential. Gupshup said: Authentication Failed.',
		);
		expect(gupshup.loginRequests).toBe(1);
		expect(pathsOf()).toEqual(['/partner/account/login']);
	});
});

describe('The trigger on Gupshup apps', () => {
	it('fails the poll instead of reporting a live app as UNKNOWN when its Waba Info answers 400 once, and reports nothing when it answers again', async () => {
		gupshup.addNumbers(THREE_APPS[0], THREE_APPS[1]);
		const staticData = {};
		const parameters = { provider: 'gupshup' };
		expect(
			(await pollSendersTrigger({ parameters, credentials: credentials(), staticData })).items,
		).toHaveLength(0);
		gupshup.server.injectFaultWhen((request) => request.path.endsWith('/waba/info'), {
			status: 400,
			body: { status: 'error', message: 'Invalid app id provided' },
		});
		const failed = await pollSendersTrigger({ parameters, credentials: credentials(), staticData });
		expect(failed.error?.message).toBe('Gupshup error Invalid app id provided');
		expect(failed.items).toEqual([]);
		const next = await pollSendersTrigger({ parameters, credentials: credentials(), staticData });
		expect(next.error).toBeUndefined();
		expect(next.items).toEqual([]);
	});

	it('fires once when a number’s quality drops, with the previous rating', async () => {
		const [app] = gupshup.addNumbers({ phone: '917835039205', phoneQuality: 'GREEN' });
		const staticData = {};
		const parameters = { provider: 'gupshup', events: ['qualityChanged'] };
		const baseline = await pollSendersTrigger({
			parameters,
			credentials: credentials(),
			staticData,
		});
		expect(baseline.items).toHaveLength(0);
		gupshup.update('917835039205', { phoneQuality: 'RED' });
		const fired = await pollSendersTrigger({ parameters, credentials: credentials(), staticData });
		expect(fired.items.map((item) => item.json)).toEqual([
			expect.objectContaining({
				event: 'qualityChanged',
				provider: 'gupshup',
				direction: 'downgrade',
				sender: expect.objectContaining({ id: app.app.id, qualityRating: 'RED' }),
				previous: expect.objectContaining({ qualityRating: 'GREEN' }),
			}),
		]);
		const again = await pollSendersTrigger({ parameters, credentials: credentials(), staticData });
		expect(again.items).toHaveLength(0);
	});
});
