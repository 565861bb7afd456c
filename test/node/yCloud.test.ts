import type { IDataObject } from 'n8n-workflow';

import { pollSendersTrigger, runSendersNode, searchSendersList } from '../harness/n8nHarness';
import {
	YCLOUD_DEFAULT_WABA_ID as WABA_ID,
	YCloudSimulator,
	yCloudError,
} from '../simulators/yCloud';
import { notLocalhost } from '../simulators/server';
import { senderById as byId } from '../support/twilioAccount';

const API_KEY = 'ycloud-test-key-5f2c9a71';
let ycloud: YCloudSimulator;

beforeEach(async () => {
	ycloud = new YCloudSimulator(API_KEY);
	await ycloud.start();
});
afterEach(() => ycloud.stop());

const credentials = (overrides: Record<string, string> = {}) => ({
	yCloudApi: { apiKey: API_KEY, baseUrl: ycloud.baseUrl, ...overrides },
});

const run = async (parameters: Record<string, unknown>, overrides?: Record<string, string>) =>
	await runSendersNode({
		parameters: { provider: 'ycloud', resource: 'sender', ...parameters },
		credentials: credentials(overrides),
	});

/** Meta's codes the node's Vertical field offers that YCloud's WhatsappPhoneNumberProfileVertical does not list. */
const META_ONLY_VERTICALS = ['ALCOHOL', 'ONLINE_GAMBLING', 'PHYSICAL_GAMBLING', 'OTC_DRUGS'];

const fleet = (count: number) =>
	Array.from({ length: count }, (_, i) => ({ phoneNumber: `+1415555${String(1000 + i)}` }));

/** The requests that read pages of phone numbers (List reads the account's WABAs first). */
const numberPages = () =>
	ycloud.server.requests.filter((request) => request.path === '/v2/whatsapp/phoneNumbers');

describe('List YCloud phone numbers', () => {
	it('shows each number with its status, quality and the portfolio messaging limit', async () => {
		ycloud.addNumbers(
			{
				phoneNumber: '+16315551111',
				verifiedName: 'Acme',
				qualityRating: 'YELLOW',
				messagingLimit: 'TIER_1K',
				whatsappBusinessManagerMessagingLimit: 'TIER_10K',
			},
			{
				phoneNumber: '+972501234567',
				status: 'FLAGGED',
				qualityRating: 'RED',
				messagingLimit: 'TIER_250',
				whatsappBusinessManagerMessagingLimit: null,
			},
			{
				phoneNumber: '+4930123456',
				status: 'RESTRICTED',
				whatsappBusinessManagerMessagingLimit: 'TIER_UNLIMITED',
			},
		);
		const { items, error } = await run({ operation: 'list', returnAll: true });
		expect(error).toBeUndefined();
		expect(
			items.map(({ json }) => [
				json.id,
				json.phoneNumber,
				json.status,
				json.qualityRating,
				json.messagingLimit,
				json.messagingLimitText,
			]),
		).toEqual([
			[`${WABA_ID}/+16315551111`, '+16315551111', 'ONLINE', 'YELLOW', 10000, 'TIER_10K'],
			[`${WABA_ID}/+972501234567`, '+972501234567', 'ONLINE', 'RED', 250, 'TIER_250'],
			[`${WABA_ID}/+4930123456`, '+4930123456', 'OFFLINE', 'GREEN', null, 'TIER_UNLIMITED'],
		]);
		expect(items[0].json).toMatchObject({
			provider: 'ycloud',
			displayName: 'Acme',
			providerStatus: 'CONNECTED',
			raw: { wabaId: WABA_ID },
		});
		expect(items[2].json.offlineReasons).toEqual([
			{ code: 'RESTRICTED', message: expect.stringContaining('messaging limit'), moreInfo: null },
		]);
	});

	it('gives BLOCKED the meaning YCloud gives it: the 24-hour message limit is reached, not a block', async () => {
		ycloud.addNumbers({ phoneNumber: '+16315551111', status: 'BLOCKED' });
		const { items } = await run({ operation: 'list', returnAll: true });
		expect(items[0].json.offlineReasons).toEqual([
			{
				code: 'BLOCKED',
				message: 'Message limit reached: the limit has been reached for this 24-hour period.',
				moreInfo: null,
			},
		]);
	});

	it.each([
		['CONNECTED', 'ONLINE'],
		['FLAGGED', 'ONLINE'],
		['WARNED', 'ONLINE'],
		['RATE_LIMITED', 'LIMITED'],
		['PENDING', 'PENDING'],
		['MANUAL_REVIEW', 'PENDING'],
		['UNVERIFIED', 'PENDING_VERIFICATION'],
		['RESTRICTED', 'OFFLINE'],
		['DISCONNECTED', 'OFFLINE'],
		['BANNED', 'OFFLINE'],
		['BLOCKED', 'OFFLINE'],
		['MIGRATED', 'OFFLINE'],
		['UNKNOWN', 'UNKNOWN'],
	])("shows YCloud status %s as %s, keeping YCloud's word", async (status, normalized) => {
		ycloud.addNumbers({ phoneNumber: '+16315551111', status });
		const { items } = await run({ operation: 'list', returnAll: true });
		expect(items[0].json).toMatchObject({ status: normalized, providerStatus: status });
	});

	it('shows a status YCloud adds later as UNKNOWN, keeping its word', async () => {
		// a word YCloud's contract does not list yet: the answer breaks the contract on purpose
		ycloud.contract = undefined;
		ycloud.addNumbers({ phoneNumber: '+16315551111', status: 'SOMETHING_NEW' });
		const { items } = await run({ operation: 'list', returnAll: true });
		expect(items[0].json).toMatchObject({ status: 'UNKNOWN', providerStatus: 'SOMETHING_NEW' });
	});

	it.each([
		['GREEN', 'GREEN'],
		['YELLOW', 'YELLOW'],
		['RED', 'RED'],
		['UNKNOWN', 'UNKNOWN'],
	])('shows quality rating %s as %s', async (qualityRating, normalized) => {
		ycloud.addNumbers({ phoneNumber: '+16315551111', qualityRating });
		const { items } = await run({ operation: 'list', returnAll: true });
		expect(items[0].json.qualityRating).toBe(normalized);
	});

	it('shows a quality rating YCloud adds later as UNKNOWN', async () => {
		// a word YCloud's contract does not list yet: the answer breaks the contract on purpose
		ycloud.contract = undefined;
		ycloud.addNumbers({ phoneNumber: '+16315551111', qualityRating: 'PURPLE' });
		const { items } = await run({ operation: 'list', returnAll: true });
		expect(items[0].json.qualityRating).toBe('UNKNOWN');
	});

	it.each([
		['TIER_NOT_SET', null],
		['TIER_50', 50],
		['TIER_250', 250],
		['TIER_1K', 1000],
		['TIER_2K', 2000],
		['TIER_10K', 10000],
		['TIER_100K', 100000],
		['TIER_UNLIMITED', null],
		['TIER_5K', 5000],
	])('reads the portfolio limit %s as %p and keeps the word', async (tier, limit) => {
		ycloud.addNumbers({
			phoneNumber: '+16315551111',
			messagingLimit: 'TIER_250',
			whatsappBusinessManagerMessagingLimit: tier,
		});
		const { items } = await run({ operation: 'list', returnAll: true });
		expect(items[0].json).toMatchObject({ messagingLimit: limit, messagingLimitText: tier });
	});

	it("falls back to the number's own limit when YCloud sends no portfolio limit", async () => {
		ycloud.addNumbers({
			phoneNumber: '+16315551111',
			messagingLimit: 'TIER_1K',
			whatsappBusinessManagerMessagingLimit: null,
		});
		const { items } = await run({ operation: 'list', returnAll: true });
		expect(items[0].json).toMatchObject({ messagingLimit: 1000, messagingLimitText: 'TIER_1K' });
	});

	it('reads every page at 100 a page and stops at the total YCloud reports', async () => {
		ycloud.addNumbers(...fleet(250));
		const { items, error } = await run({ operation: 'list', returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(250);
		expect(new Set(items.map((item) => item.json.id)).size).toBe(250);
		expect(
			ycloud.server.requests.map((r) => [
				r.path,
				r.query.page,
				r.query.limit,
				r.query.includeTotal,
			]),
		).toEqual([
			['/v2/whatsapp/businessAccounts', '1', '100', 'true'],
			['/v2/whatsapp/phoneNumbers', '1', '100', 'true'],
			['/v2/whatsapp/phoneNumbers', '2', '100', undefined],
			['/v2/whatsapp/phoneNumbers', '3', '100', undefined],
		]);
	});

	it('does not ask for an empty page after an exactly full last page', async () => {
		ycloud.addNumbers(...fleet(200));
		const { items } = await run({ operation: 'list', returnAll: true });
		expect(items).toHaveLength(200);
		expect(numberPages()).toHaveLength(2);
	});

	it('returns no more than the Limit', async () => {
		ycloud.addNumbers(...fleet(250));
		const { items } = await run({ operation: 'list', returnAll: false, limit: 150 });
		expect(items).toHaveLength(150);
		expect(numberPages().map((r) => r.query.page)).toEqual(['1', '2']);
		const small = await run({ operation: 'list', returnAll: false, limit: 5 });
		expect(small.items).toHaveLength(5);
		expect(ycloud.server.requests.at(-1)!.query.limit).toBe('5');
	});

	it("says so, instead of cutting the list, when the account has more numbers than YCloud's 100 pages reach", async () => {
		ycloud.addNumbers(
			...Array.from({ length: 10_001 }, (_, i) => ({
				phoneNumber: `+1650${String(i).padStart(7, '0')}`,
			})),
		);
		const { error } = await run({ operation: 'list', returnAll: true });
		expect(error?.message).toContain('more than 10000 phone numbers');
		expect(numberPages()).toHaveLength(100);
	}, 30_000);

	it('refuses an http Base URL that is not localhost, before the key is sent anywhere', async () => {
		const { error } = await run(
			{ operation: 'list', returnAll: true },
			{ baseUrl: notLocalhost(ycloud.baseUrl) },
		);
		expect(error?.message).toMatch(/Base URL/);
		expect(ycloud.server.requests).toHaveLength(0);
	});

	it('sends the key in X-API-Key and nothing in Authorization', async () => {
		ycloud.addNumbers({ phoneNumber: '+16315551111' });
		await run({ operation: 'list', returnAll: true });
		expect(ycloud.server.requests[0].headers['x-api-key']).toBe(API_KEY);
		expect(ycloud.server.requests[0].headers.authorization).toBeUndefined();
	});
});

describe('One YCloud number', () => {
	it('is got by its WABA ID and number, the "+" sent as %2B', async () => {
		ycloud.addNumbers({ phoneNumber: '+16315551111', verifiedName: 'Acme', qualityRating: 'RED' });
		const { items, error } = await run({
			operation: 'get',
			senderId: byId(`${WABA_ID}/+16315551111`),
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			id: `${WABA_ID}/+16315551111`,
			displayName: 'Acme',
			qualityRating: 'RED',
		});
		expect(ycloud.server.requests[0].path).toBe(
			`/v2/whatsapp/phoneNumbers/${WABA_ID}/%2B16315551111`,
		);
	});

	it('shows its business profile', async () => {
		ycloud.addNumbers({ phoneNumber: '+16315551111', verifiedName: 'Acme' });
		const { items, error } = await run({
			operation: 'getProfile',
			senderId: byId(`${WABA_ID}/+16315551111`),
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			provider: 'ycloud',
			id: `${WABA_ID}/+16315551111`,
			about: 'Hello',
			verifiedName: 'Acme',
		});
		expect(ycloud.server.requests[0].path).toBe(
			`/v2/whatsapp/phoneNumbers/${WABA_ID}/%2B16315551111/profile`,
		);
	});

	it("says a missing number in YCloud's words, with what to check", async () => {
		const { error } = await run({ operation: 'get', senderId: byId(`${WABA_ID}/+16315559999`) });
		expect(error?.message).toBe(
			'YCloud error code NOT_FOUND: The requested resource does not exist.',
		);
		expect(error?.description).toContain('check the WABA ID and the E.164 number');
		expect(error?.description).toMatch(/YCloud request ID req_/);
	});

	it('is offered in the Sender list', async () => {
		ycloud.addNumbers({ phoneNumber: '+16315551111', verifiedName: 'Acme' });
		const found = await searchSendersList({
			parameters: { provider: 'ycloud', operation: 'get' },
			credentials: credentials(),
		});
		expect(found.results).toEqual([
			{ name: '+16315551111 · Acme · ONLINE', value: `${WABA_ID}/+16315551111` },
		]);
	});

	it.each([
		['+16315551111'],
		['102290129340398/16315551111'],
		['102290129340398/+16315551111/profile'],
		['../+16315551111'],
	])(
		'refuses the sender ID %p given by an expression before any request, naming the field',
		async (senderId) => {
			// typed in the field, n8n itself refuses it by the same pattern; an expression reaches the node
			const { error } = await run({ operation: 'get', senderId: byId(`={{ "${senderId}" }}`) });
			expect(error?.message).toBe(
				`Invalid "Sender" in item 0: "${senderId}" is not a YCloud sender ID (like 102290129340398/+16315551111)`,
			);
			expect(ycloud.server.requests).toHaveLength(0);
		},
	);

	it('offers no operation YCloud does not document', async () => {
		const { error } = await run({ operation: 'delete', senderId: byId(`${WABA_ID}/+16315551111`) });
		expect(error?.message).toContain(
			'YCloud does not support "delete"; it supports: list, get, getProfile, updateProfile',
		);
		expect(ycloud.server.requests).toHaveLength(0);
	});
});

describe('Update a YCloud business profile', () => {
	const ID = `${WABA_ID}/+16315551111`;
	const PROFILE_PATH = `/v2/whatsapp/phoneNumbers/${WABA_ID}/%2B16315551111/profile`;
	const patches = () => ycloud.server.requests.filter((r) => r.method === 'PATCH');

	beforeEach(() => {
		ycloud.addNumbers({ phoneNumber: '+16315551111', verifiedName: 'Acme' });
	});

	it("sends only the fields set, in YCloud's names, once, and outputs the profile YCloud answers", async () => {
		const { items, error } = await run({
			operation: 'updateProfile',
			senderId: byId(ID),
			profileFields: {
				about: 'Open 9-17',
				address: '1 Main St, Springfield',
				description: 'Garden supplies',
				email: 'help@acme.example',
				vertical: 'RETAIL',
				websites: 'https://acme.example, https://shop.acme.example',
			},
		});
		expect(error).toBeUndefined();
		expect(ycloud.server.requests.map((r) => [r.method, r.path])).toEqual([
			['PATCH', PROFILE_PATH],
		]);
		expect(JSON.parse(patches()[0].body)).toEqual({
			about: 'Open 9-17',
			address: '1 Main St, Springfield',
			description: 'Garden supplies',
			email: 'help@acme.example',
			vertical: 'RETAIL',
			websites: ['https://acme.example', 'https://shop.acme.example'],
		});
		expect(items.map((item) => item.json)).toEqual([
			{
				provider: 'ycloud',
				id: ID,
				about: 'Open 9-17',
				address: '1 Main St, Springfield',
				description: 'Garden supplies',
				email: 'help@acme.example',
				vertical: 'RETAIL',
				websites: ['https://acme.example', 'https://shop.acme.example'],
				verifiedName: 'Acme',
				nameStatus: 'APPROVED',
			},
		]);
		const read = await run({ operation: 'getProfile', senderId: byId(ID) });
		expect(read.items[0].json).toMatchObject({ about: 'Open 9-17', vertical: 'RETAIL' });
	});

	it('sends one field alone, leaving the rest of the profile as it was', async () => {
		const { items, error } = await run({
			operation: 'updateProfile',
			senderId: byId(ID),
			profileFields: { description: 'New description' },
		});
		expect(error).toBeUndefined();
		expect(JSON.parse(patches()[0].body)).toEqual({ description: 'New description' });
		expect(items[0].json).toMatchObject({
			about: 'Hello',
			description: 'New description',
			vertical: 'OTHER',
		});
	});

	it.each(META_ONLY_VERTICALS)(
		"refuses Meta's vertical %s, which YCloud's list does not have, before any request",
		async (vertical) => {
			const { error } = await run({
				operation: 'updateProfile',
				senderId: byId(ID),
				profileFields: { vertical },
			});
			expect(error?.message).toContain('"Vertical"');
			expect(error?.message).toContain(`${vertical} is not one of YCloud's verticals`);
			expect(ycloud.server.requests).toHaveLength(0);
		},
	);

	it.each([
		[
			'a website longer than YCloud takes',
			{ websites: `https://acme.example/${'a'.repeat(235)}` },
			'Websites',
			'at most 255 characters',
		],
		[
			'a vertical given by an expression that Meta does not know either',
			{ vertical: '={{ "CRYPTO" }}' },
			'Vertical',
			'must be one of',
		],
		['no field at all', {}, 'Update Fields', 'add at least one'],
	])(
		'refuses %s before any request, naming the field',
		async (_name, profileFields, field, problem) => {
			const { error } = await run({
				operation: 'updateProfile',
				senderId: byId(ID),
				profileFields,
			});
			expect(error?.message).toContain(`"${field}"`);
			expect(error?.message).toContain(problem);
			expect(ycloud.server.requests).toHaveLength(0);
		},
	);

	it('is not sent again after a 502 that may have come after YCloud acted on it', async () => {
		ycloud.server.injectFaultWhen((r) => r.method === 'PATCH', {
			status: 502,
			body: 'Bad Gateway',
		});
		const { error } = await run({
			operation: 'updateProfile',
			senderId: byId(ID),
			profileFields: { about: 'Open 9-17' },
		});
		expect(error?.message).toContain('502');
		expect(patches()).toHaveLength(1);
	});

	it("passes on YCloud's refusal of a field in its words, without repeating it", async () => {
		ycloud.server.injectFaults({
			status: 400,
			body: yCloudError(
				400,
				'PARAM_INVALID',
				"Parameter 'email' should be a valid email address.",
				'email',
			),
		});
		const { error } = await run({
			operation: 'updateProfile',
			senderId: byId(ID),
			profileFields: { email: 'help@acme.example' },
		});
		expect(error?.message).toBe(
			"YCloud error code PARAM_INVALID: Parameter 'email' should be a valid email address.",
		);
		expect(error?.description).toContain('Field: email.');
		expect(patches()).toHaveLength(1);
	});

	it("says a missing number in YCloud's words", async () => {
		const { error } = await run({
			operation: 'updateProfile',
			senderId: byId(`${WABA_ID}/+16315559999`),
			profileFields: { about: 'Open 9-17' },
		});
		expect(error?.message).toBe(
			'YCloud error code NOT_FOUND: The requested resource does not exist.',
		);
		expect(patches()).toHaveLength(1);
	});
});

describe('Update a YCloud display name', () => {
	const ID = `${WABA_ID}/+16315551111`;

	beforeEach(() => {
		ycloud.addNumbers({ phoneNumber: '+16315551111', verifiedName: 'Acme' });
	});

	it('asks YCloud once for the new name and outputs it under review beside the name shown today', async () => {
		const { items, error } = await run({
			operation: 'updateDisplayName',
			senderId: byId(ID),
			displayName: ' Acme Garden Supplies ',
		});
		expect(error).toBeUndefined();
		expect(ycloud.server.requests.map((r) => [r.method, r.path, r.body])).toEqual([
			[
				'PATCH',
				`/v2/whatsapp/phoneNumbers/${WABA_ID}/%2B16315551111/displayName`,
				JSON.stringify({ newName: 'Acme Garden Supplies' }),
			],
		]);
		expect(items.map((item) => item.json)).toEqual([
			{
				provider: 'ycloud',
				id: ID,
				verifiedName: 'Acme',
				nameStatus: 'APPROVED',
				newName: 'Acme Garden Supplies',
				newNameStatus: 'PENDING_REVIEW',
			},
		]);
	});

	it.each([
		['two characters', 'Ab', 'needs at least 3 characters'],
		['151 characters', 'A'.repeat(151), 'takes at most 150 characters'],
	])(
		'refuses a name of %s before any request, naming the field and the item',
		async (_case, displayName, problem) => {
			const { error } = await run({
				operation: 'updateDisplayName',
				senderId: byId(ID),
				displayName,
			});
			expect(error?.message).toContain('"Display Name" in item 0');
			expect(error?.message).toContain(problem);
			expect(ycloud.server.requests).toHaveLength(0);
		},
	);

	it('is not repeated when YCloud fails after it may have passed the name on to Meta', async () => {
		ycloud.server.injectFaults({
			status: 503,
			body: yCloudError(503, 'SERVICE_UNAVAILABLE', 'Service unavailable.'),
		});
		const { error } = await run({
			operation: 'updateDisplayName',
			senderId: byId(ID),
			displayName: 'Acme Garden Supplies',
		});
		expect(error?.message).toBe('YCloud error code SERVICE_UNAVAILABLE: Service unavailable.');
		expect(ycloud.server.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
	});
});

describe('The YCloud simulator as YCloud documents the profile update', () => {
	const patch = async (body: unknown) =>
		await fetch(`${ycloud.baseUrl}/whatsapp/phoneNumbers/${WABA_ID}/%2B16315551111/profile`, {
			method: 'PATCH',
			headers: { 'X-API-Key': API_KEY, 'Content-Type': 'application/json' },
			body: JSON.stringify(body),
		});

	beforeEach(() => {
		// most of these requests break YCloud's contract on purpose, to show how the simulator refuses them
		ycloud.contract = undefined;
		ycloud.addNumbers({ phoneNumber: '+16315551111' });
	});

	it.each([
		['a field it does not have', { profilePictureHandle: 'x' }, 'profilePictureHandle'],
		['a vertical not in its enum', { vertical: 'ALCOHOL' }, 'vertical'],
		['an empty about', { about: '' }, 'about'],
		['a description of 513 characters', { description: 'd'.repeat(513) }, 'description'],
		[
			'three websites',
			{ websites: ['https://a.example', 'https://b.example', 'https://c.example'] },
			'websites',
		],
		['a website without http(s)://', { websites: ['acme.example'] }, 'websites'],
		[
			'a website of 256 characters',
			{ websites: [`https://acme.example/${'a'.repeat(235)}`] },
			'websites',
		],
		['an email that is not one', { email: 'not-an-email' }, 'email'],
	])('refuses %s with a 400 naming the field', async (_name, body, target) => {
		const response = await patch(body);
		expect(response.status).toBe(400);
		expect(
			((await response.json()) as { error: { code: string; target: string } }).error,
		).toMatchObject({ code: 'PARAM_INVALID', target });
	});

	it('takes an empty vertical, as YCloud allows', async () => {
		const response = await patch({ vertical: '' });
		expect(response.status).toBe(200);
		expect(await response.json()).toMatchObject({ vertical: '' });
	});
});

describe('YCloud errors', () => {
	it('says a wrong API key names YCloud and the credential, without the key', async () => {
		const { error } = await run(
			{ operation: 'list', returnAll: true },
			{ apiKey: 'wrong-key-8c1d' },
		);
		expect(error?.message).toBe('YCloud rejected the credentials (HTTP 401)');
		expect(error?.description).toContain('Check the API key in the YCloud credential');
		expect(error?.description).toContain('code UNAUTHORIZED: Authentication is required.');
		expect(JSON.stringify(error)).not.toContain('wrong-key-8c1d');
		expect(ycloud.server.requests).toHaveLength(1);
	});

	it('waits for Retry-After when the account quota is used up, then lists', async () => {
		ycloud.addNumbers({ phoneNumber: '+16315551111' });
		ycloud.server.injectFaults({
			status: 429,
			headers: { 'Retry-After': '1' },
			body: yCloudError(429, 'ACCOUNT_RATE_LIMITED', 'Account rate limit exceeded.'),
		});
		const started = Date.now();
		const { items, error } = await run({ operation: 'list', returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(ycloud.server.requests.map((request) => request.path)).toEqual([
			'/v2/whatsapp/businessAccounts',
			'/v2/whatsapp/businessAccounts',
			'/v2/whatsapp/phoneNumbers',
		]);
		expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
	});

	it("does not repeat a refused parameter, and says YCloud's field", async () => {
		ycloud.server.injectFaults({
			status: 400,
			body: yCloudError(
				400,
				'PARAM_INVALID',
				"Parameter 'limit' should be between 1 and 100.",
				'limit',
			),
		});
		const { error } = await run({ operation: 'list', returnAll: true });
		expect(error?.message).toBe(
			"YCloud error code PARAM_INVALID: Parameter 'limit' should be between 1 and 100.",
		);
		expect(error?.description).toContain('Field: limit.');
		expect(ycloud.server.requests).toHaveLength(1);
	});

	it('puts no API key in the output', async () => {
		ycloud.addNumbers({ phoneNumber: '+16315551111' });
		const { items } = await run({ operation: 'list', returnAll: true });
		expect(JSON.stringify(items)).not.toContain(API_KEY);
	});
});

describe('The trigger on YCloud numbers', () => {
	it('fails the poll, and reports no removal, when a page comes back empty although the first page announced more numbers', async () => {
		ycloud.addNumbers(...fleet(150));
		const staticData = {};
		const parameters = { provider: 'ycloud', events: ['senderRemoved'] };
		await pollSendersTrigger({ parameters, credentials: credentials(), staticData });
		ycloud.server.injectFaultWhen((r) => r.query.page === '2', {
			status: 200,
			body: { offset: 100, limit: 100, length: 0, items: [] },
		});
		const cut = await pollSendersTrigger({ parameters, credentials: credentials(), staticData });
		expect(cut.error?.message).toBe(
			'YCloud returned a response this node cannot read: the list ended after 100 of the 150 senders its first page announced',
		);
		expect(cut.items).toEqual([]);
		const whole = await pollSendersTrigger({ parameters, credentials: credentials(), staticData });
		expect(whole.error).toBeUndefined();
		expect(whole.items).toEqual([]);
	});

	it('fires once when a quality rating drops, with the previous rating', async () => {
		ycloud.addNumbers({ phoneNumber: '+16315551111', qualityRating: 'GREEN' });
		const staticData = {};
		const parameters = { provider: 'ycloud', events: ['qualityChanged'] };
		const baseline = await pollSendersTrigger({
			parameters,
			credentials: credentials(),
			staticData,
		});
		expect(baseline.items).toHaveLength(0);
		ycloud.update('+16315551111', { qualityRating: 'RED' });
		const fired = await pollSendersTrigger({ parameters, credentials: credentials(), staticData });
		expect(fired.items.map((item) => item.json)).toEqual([
			expect.objectContaining({
				event: 'qualityChanged',
				provider: 'ycloud',
				direction: 'downgrade',
				sender: expect.objectContaining({ id: `${WABA_ID}/+16315551111`, qualityRating: 'RED' }),
				previous: expect.objectContaining({ qualityRating: 'GREEN' }),
			}),
		]);
		const again = await pollSendersTrigger({ parameters, credentials: credentials(), staticData });
		expect(again.items).toHaveLength(0);
	});

	it('honours a Retry-After of 1,800 s across polls: one failed poll naming the resume time, no request until then, and the change made meanwhile reported once after it', async () => {
		ycloud.addNumbers({ phoneNumber: '+16315551111', qualityRating: 'GREEN' });
		const staticData: IDataObject = {};
		const parameters = { provider: 'ycloud', events: ['qualityChanged'] };
		const poll = async () =>
			await pollSendersTrigger({ parameters, credentials: credentials(), staticData });
		await poll();
		ycloud.quotaRetryAfterSeconds = 1800;
		ycloud.server.resetRequests();
		const asked = Date.now();
		const refused = await poll();
		expect(refused.items).toEqual([]);
		const resume = /until (\S+Z): polling resumes then/.exec(refused.error?.message ?? '')?.[1];
		expect(refused.error?.message).toBe(
			`YCloud asked for no requests until ${resume}: polling resumes then`,
		);
		expect(Date.parse(resume!) - asked).toBeGreaterThanOrEqual(1_799_000);
		expect(Date.parse(resume!) - asked).toBeLessThan(1_801_000 + (Date.now() - asked));
		expect(refused.error?.description).toContain(
			'YCloud error code ACCOUNT_RATE_LIMITED: Account rate limit exceeded. (Retry-After 1800 s).',
		);
		expect(ycloud.server.requests).toHaveLength(1);

		// the quota comes back, the number turns RED: the polls inside the pause still ask nothing and end quietly
		ycloud.quotaRetryAfterSeconds = undefined;
		ycloud.update('+16315551111', { qualityRating: 'RED' });
		for (let pollInPause = 0; pollInPause < 3; pollInPause++) {
			const quiet = await poll();
			expect([quiet.items, quiet.error]).toEqual([[], undefined]);
		}
		expect(ycloud.server.requests).toHaveLength(1);

		// the pause has passed (the stored resume time moved into the past, as the clock would)
		const state = staticData['node:WhatsApp Senders Trigger'] as { pausedUntil: number };
		state.pausedUntil = Date.now() - 1;
		const after = await poll();
		expect(
			after.items.map((item) => [
				item.json.event,
				(item.json.previous as Record<string, unknown>).qualityRating,
			]),
		).toEqual([['qualityChanged', 'GREEN']]);
		expect((await poll()).items).toEqual([]);
		expect(state.pausedUntil).toBeUndefined();
	});

	it('pauses two hours at most, whatever Retry-After says', async () => {
		ycloud.addNumbers({ phoneNumber: '+16315551111' });
		const staticData: IDataObject = {};
		await pollSendersTrigger({
			parameters: { provider: 'ycloud' },
			credentials: credentials(),
			staticData,
		});
		ycloud.quotaRetryAfterSeconds = 86_400;
		const asked = Date.now();
		await pollSendersTrigger({
			parameters: { provider: 'ycloud' },
			credentials: credentials(),
			staticData,
		});
		const { pausedUntil } = staticData['node:WhatsApp Senders Trigger'] as { pausedUntil: number };
		expect(pausedUntil - asked).toBeLessThanOrEqual(2 * 60 * 60_000 + 1000);
		expect(pausedUntil - asked).toBeGreaterThan(2 * 60 * 60_000 - 1000);
	});

	it('sends nothing during a pause when the user fetches a test event, and says until when', async () => {
		ycloud.addNumbers({ phoneNumber: '+16315551111' });
		const staticData: IDataObject = {};
		const parameters = { provider: 'ycloud' };
		await pollSendersTrigger({ parameters, credentials: credentials(), staticData });
		ycloud.quotaRetryAfterSeconds = 3600;
		await pollSendersTrigger({ parameters, credentials: credentials(), staticData });
		ycloud.server.resetRequests();
		const test = await pollSendersTrigger({
			parameters,
			credentials: credentials(),
			staticData,
			mode: 'manual',
		});
		expect(test.error?.message).toMatch(
			/^YCloud asked for no requests until \S+Z: polling resumes then$/,
		);
		expect(ycloud.server.requests).toHaveLength(0);
	});

	it('gives each number of a WABA that YCloud reports banned (banState DISABLE) one status event with the ban, and nothing on the next poll', async () => {
		ycloud.addNumbers(
			{ phoneNumber: '+16315551111' },
			{ phoneNumber: '+16315552222' },
			{ phoneNumber: '+4930123456', wabaId: '999888777' },
		);
		const staticData: IDataObject = {};
		const parameters = { provider: 'ycloud', events: ['statusChanged'] };
		await pollSendersTrigger({ parameters, credentials: credentials(), staticData });
		ycloud.updateWaba(WABA_ID, {
			banState: 'DISABLE',
			banDate: 'December 9, 2026',
			violationType: 'SCAM',
		});
		const fired = await pollSendersTrigger({ parameters, credentials: credentials(), staticData });
		expect(
			fired.items.map((item) => [
				(item.json.sender as IDataObject).phoneNumber,
				(item.json.sender as IDataObject).status,
				(item.json.sender as IDataObject).providerStatus,
			]),
		).toEqual([
			['+16315551111', 'OFFLINE', 'CONNECTED/DISABLE'],
			['+16315552222', 'OFFLINE', 'CONNECTED/DISABLE'],
		]);
		expect((fired.items[0].json.sender as IDataObject).offlineReasons).toEqual([
			{
				code: 'DISABLE',
				message: `WhatsApp Business Account ${WABA_ID} is banned (banState DISABLE), violation SCAM.`,
				moreInfo: 'banDate December 9, 2026',
				solution: null,
			},
		]);
		expect(
			(await pollSendersTrigger({ parameters, credentials: credentials(), staticData })).items,
		).toEqual([]);
	});
});

describe('YCloud WABAs', () => {
	it('shows a number whose WABA may not start conversations as LIMITED until the restriction expires', async () => {
		ycloud.addNumbers({ phoneNumber: '+16315551111' });
		const future = new Date(Date.now() + 86_400_000).toISOString();
		ycloud.updateWaba(WABA_ID, {
			restrictions: [
				{ restrictionType: 'RESTRICTED_BIZ_INITIATED_MESSAGING', expiration: future },
				{ restrictionType: 'RESTRICTED_ADD_PHONE_NUMBER_ACTION', expiration: future },
			],
		});
		const limited = await run({ operation: 'list', returnAll: true });
		expect(limited.items.map(({ json }) => [json.status, json.offlineReasons])).toEqual([
			[
				'LIMITED',
				[
					expect.objectContaining({
						code: 'RESTRICTED_BIZ_INITIATED_MESSAGING',
						message: `WhatsApp Business Account ${WABA_ID} may not start conversations (business-initiated messages are restricted) until ${future}.`,
					}),
				],
			],
		]);
		ycloud.updateWaba(WABA_ID, {
			restrictions: [
				{
					restrictionType: 'RESTRICTED_BIZ_INITIATED_MESSAGING',
					expiration: '2020-01-01T00:00:00Z',
				},
			],
		});
		expect((await run({ operation: 'list', returnAll: true })).items[0].json.status).toBe('ONLINE');
	});

	it('gets one number with its WABA’s ban state on top', async () => {
		ycloud.addNumbers({ phoneNumber: '+16315551111' });
		ycloud.updateWaba(WABA_ID, { banState: 'SCHEDULE_FOR_DISABLE' });
		const { items } = await run({
			operation: 'get',
			senderId: { __rl: true, mode: 'id', value: `${WABA_ID}/+16315551111` },
		});
		expect(items[0].json).toMatchObject({
			status: 'LIMITED',
			providerStatus: 'CONNECTED/SCHEDULE_FOR_DISABLE',
		});
		expect(ycloud.server.requests.map((request) => request.path)).toEqual([
			`/v2/whatsapp/phoneNumbers/${WABA_ID}/%2B16315551111`,
			`/v2/whatsapp/businessAccounts/${WABA_ID}`,
		]);
	});

	it('lists an account of more than 100 WABAs one WABA at a time with filter.wabaId, as YCloud requires', async () => {
		ycloud.addNumbers(
			...Array.from({ length: 101 }, (_, i) => ({
				phoneNumber: `+1650${String(i).padStart(7, '0')}`,
				wabaId: String(500000 + i),
			})),
		);
		const { items, error } = await run({ operation: 'list', returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(101);
		const wabaPages = ycloud.server.requests.filter(
			(request) => request.path === '/v2/whatsapp/businessAccounts',
		);
		expect(wabaPages.map((request) => request.query.page)).toEqual(['1', '2']);
		expect(numberPages().map((request) => request.query['filter.wabaId'])).toEqual(
			Array.from({ length: 101 }, (_, i) => String(500000 + i)),
		);
		const limited = await run({ operation: 'list', returnAll: false, limit: 3 });
		expect(limited.items.map(({ json }) => json.phoneNumber)).toEqual([
			'+16500000000',
			'+16500000001',
			'+16500000002',
		]);
	});
});
