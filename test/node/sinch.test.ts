import type { IDataObject, IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';

import { SinchProvisioningApi } from '../../credentials/SinchProvisioningApi.credentials';

import { pollSendersTrigger, runSendersNode } from '../harness/n8nHarness';
import { SinchSimulator, type SinchSenderSeed } from '../simulators/sinch';
import { notLocalhost } from '../simulators/server';
import { registerCanary } from '../support/canaries';

const PROJECT_ID = 'ea026751-3edf-40a9-ad93-1b382bd60a78';
const KEY_ID = 'key-id-4711';
const KEY_SECRET = 'sinch-key-secret-fake-0815';
registerCanary(KEY_SECRET, 'credential');

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
let sinch: SinchSimulator;
let support: Record<string, unknown>;
let sales: Record<string, unknown>;

beforeEach(async () => {
	// a new simulator (new port, new token URL) per test: the token cache never carries over
	sinch = new SinchSimulator(PROJECT_ID, KEY_ID, KEY_SECRET);
	await sinch.start();
	[support, sales] = sinch.addSenders(
		{ countryCode: '48', phoneNumber: '777777777', displayName: 'Support' },
		{ countryCode: '49', phoneNumber: '1701234567', displayName: 'Sales', qualityRating: 'YELLOW' },
	);
});
afterEach(() => sinch.stop());

const credentials = (overrides: IDataObject = {}) => ({
	sinchProvisioningApi: {
		projectId: PROJECT_ID,
		keyId: KEY_ID,
		keySecret: KEY_SECRET,
		baseUrl: sinch.baseUrl,
		tokenUrl: sinch.tokenUrl,
		...overrides,
	},
});

const run = async (
	parameters: IDataObject,
	options: { credentials?: IDataObject; items?: number } = {},
) =>
	await runSendersNode({
		parameters: { provider: 'sinch', resource: 'sender', ...parameters },
		credentials: credentials(options.credentials),
		input: Array.from({ length: options.items ?? 1 }, () => ({ json: {} })),
	});

const apiRequests = () =>
	sinch.server.requests.filter((request) => request.path !== '/oauth2/token');
const senderPages = () =>
	apiRequests().filter((request) => request.path.endsWith('/whatsapp/senders'));
const seedMany = (count: number) =>
	sinch.addSenders(
		...Array.from(
			{ length: count },
			(_, i): SinchSenderSeed => ({
				countryCode: '1',
				phoneNumber: String(4155550000 + i),
				displayName: `Client ${i}`,
			}),
		),
	);

describe('List Sinch senders', () => {
	it('lists each sender with its E.164 number, state, quality and the account’s messaging limit, without its bearer token', async () => {
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
			[support.id, '+48777777777', 'Support', 'ONLINE', 'ACTIVE', 'GREEN', 1000, 'TIER_1K'],
			[sales.id, '+491701234567', 'Sales', 'ONLINE', 'ACTIVE', 'YELLOW', 1000, 'TIER_1K'],
		]);
		expect(items[0].json.raw).toMatchObject({
			region: 'EU',
			countryCode: '48',
			phoneNumber: '777777777',
		});
		expect(JSON.stringify(items)).not.toContain('bearerToken');
	});

	it('keeps each sender’s bearer token only when the user turns the option on', async () => {
		const { items } = await run({
			operation: 'list',
			returnAll: true,
			options: { includeSecrets: true },
		});
		expect((items[0].json.raw as IDataObject).bearerToken).toMatch(/^sender-bearer-/);
	});

	it('reads every page at 100 senders, following nextPageToken, after one read of the account', async () => {
		seedMany(248);
		const { items, error } = await run({ operation: 'list', returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(250);
		expect(new Set(items.map((item) => item.json.id)).size).toBe(250);
		expect(
			senderPages().map((request) => [
				request.query.pageSize,
				request.query.pageToken !== undefined,
			]),
		).toEqual([
			['100', false],
			['100', true],
			['100', true],
		]);
		expect(
			apiRequests().filter((request) => request.path === `/v1/projects/${PROJECT_ID}/whatsapp`),
		).toHaveLength(1);
	});

	it('is an error, not a shorter list, when the pages end before the totalSize Sinch announced', async () => {
		seedMany(148);
		sinch.server.injectFaultWhen(
			(r) => r.path.endsWith('/whatsapp/senders') && r.query.pageToken !== undefined,
			{
				status: 200,
				body: { totalSize: 150, pageSize: 100, senders: [] },
			},
		);
		const { items, error } = await run({ operation: 'list', returnAll: true });
		expect(error?.message).toBe(
			'Sinch returned a response this node cannot read: the list ended after 100 of the 150 senders its first page announced',
		);
		expect(items).toEqual([]);
	});

	it('stops with an error when Sinch points to a page it already sent', async () => {
		seedMany(148);
		// the fields Sinch's WhatsappSenderDto requires, besides the ones this test reads
		const required = {
			region: 'EU',
			metaLocalStorage: 'DE',
			cloudApi: true,
			businessManager: 'SINCH_UK',
			compatibleRegions: ['eu'],
		};
		sinch.server.injectFaultWhen(
			(r) => r.path.endsWith('/whatsapp/senders') && r.query.pageToken !== undefined,
			{
				status: 200,
				body: {
					totalSize: 150,
					pageSize: 100,
					senders: [
						{
							id: 'b0c1',
							countryCode: '46',
							phoneNumber: '700000001',
							state: 'ACTIVE',
							...required,
						},
					],
					nextPageToken: 'same-page',
				},
			},
		);
		sinch.server.injectFaultWhen((r) => r.query.pageToken === 'same-page', {
			status: 200,
			body: {
				totalSize: 150,
				pageSize: 100,
				senders: [
					{ id: 'b0c2', countryCode: '46', phoneNumber: '700000002', state: 'ACTIVE', ...required },
				],
				nextPageToken: 'same-page',
			},
		});
		const { error } = await run({ operation: 'list', returnAll: true });
		expect(error?.message).toBe(
			'Sinch returned a response this node cannot read: the next page it pointed to is one already read',
		);
		expect(senderPages()).toHaveLength(3);
	});

	it('stops at the Limit with pages of that size', async () => {
		seedMany(30);
		const { items } = await run({ operation: 'list', returnAll: false, limit: 7 });
		expect(items).toHaveLength(7);
		expect(senderPages().map((request) => request.query.pageSize)).toEqual(['7']);
	});

	it.each([
		['ACTIVE', 'ONLINE', undefined],
		['IN_PROGRESS', 'PENDING', undefined],
		['PENDING_VERIFICATION', 'PENDING_VERIFICATION', undefined],
		['INACTIVE', 'OFFLINE', 'The sender exists but is currently not active.'],
		[
			'SUSPENDED',
			'OFFLINE',
			'The sender has been temporarily suspended due to administrative or policy restrictions.',
		],
		[
			'ERROR',
			'OFFLINE',
			'The sender has encountered an operational failure and requires technical troubleshooting.',
		],
		['SOMETHING_NEW', 'UNKNOWN', undefined],
	])(
		'shows state %s as %s, with Sinch’s reason when it cannot send',
		async (state, status, reason) => {
			// a state Sinch's WhatsappSenderStatesEnum does not list yet: the answer breaks the contract on purpose
			if (state === 'SOMETHING_NEW') sinch.contract = undefined;
			sinch.update(String(support.id), { state });
			const { items } = await run({ operation: 'list', returnAll: true });
			expect(items[0].json).toMatchObject({ status, providerStatus: state });
			expect(items[0].json.offlineReasons).toEqual(
				reason ? [{ code: state, message: reason, moreInfo: null }] : undefined,
			);
		},
	);

	it('gives Sinch’s own error reason for a sender in ERROR', async () => {
		sinch.update(String(support.id), {
			state: 'ERROR',
			changes: {
				status: 'ERROR',
				errorReason: 'Reach out to support at support@sinch.com',
				errorCode: 'CANNOT_REGISTER_TO_CLOUD_API',
			},
		});
		const { items } = await run({ operation: 'list', returnAll: true });
		expect(items[0].json.offlineReasons).toEqual([
			{
				code: 'CANNOT_REGISTER_TO_CLOUD_API',
				message: 'Reach out to support at support@sinch.com',
				moreInfo: null,
			},
		]);
	});

	it.each([
		['GREEN', 'GREEN'],
		['YELLOW', 'YELLOW'],
		['RED', 'RED'],
		['UNKNOWN', 'UNKNOWN'],
		['UNRECOGNIZED', 'UNKNOWN'],
	])('shows quality rating %s as %s', async (rating, quality) => {
		sinch.update(String(support.id), { qualityRating: rating });
		const { items } = await run({ operation: 'list', returnAll: true });
		expect(items[0].json.qualityRating).toBe(quality);
	});

	it.each([
		['TIER_50', 50],
		['TIER_250', 250],
		['TIER_1K', 1000],
		['TIER_2K', 2000],
		['TIER_10K', 10000],
		['TIER_100K', 100000],
		['TIER_UNLIMITED', null],
		['NOT_SET', null],
		['UNRECOGNIZED', null],
	])('reads the account’s business daily limit %s as %s for every sender', async (tier, limit) => {
		sinch.businessDailyLimit = tier;
		const { items } = await run({ operation: 'list', returnAll: true });
		expect(items.map((item) => [item.json.messagingLimit, item.json.messagingLimitText])).toEqual([
			[limit, tier],
			[limit, tier],
		]);
	});

	it.each(['account_not_found', 'account_data_is_corrupt'] as const)(
		'goes on from each sender’s own (deprecated) limit and ban state when Sinch answers %s for the account, and says so',
		async (failure) => {
			sinch.accountFailure = failure;
			sinch.update('+48777777777', { dailyLimit: 'TIER_10K', wabaBanState: 'DISABLE' });
			const { items, error, hints } = await run({ operation: 'list', returnAll: true });
			expect(error).toBeUndefined();
			expect(items.map(({ json }) => [json.phoneNumber, json.status, json.messagingLimit])).toEqual(
				[
					['+48777777777', 'OFFLINE', 10000],
					['+491701234567', 'ONLINE', null],
				],
			);
			expect(hints).toEqual([
				expect.objectContaining({
					message: expect.stringContaining(
						`Sinch could not read the WhatsApp account (${failure === 'account_not_found' ? 404 : 409} ${failure}`,
					),
				}),
			]);
		},
	);

	it('falls back to the deprecated per-sender daily limit when the account reports none', async () => {
		sinch.businessDailyLimit = undefined;
		sinch.update(String(support.id), { dailyLimit: 'TIER_10K' });
		const { items } = await run({ operation: 'list', returnAll: true });
		expect(items.map((item) => [item.json.messagingLimit, item.json.messagingLimitText])).toEqual([
			[10000, 'TIER_10K'],
			[null, null],
		]);
	});
});

describe('Sinch OAuth2 token', () => {
	it('trades the key ID and secret for one Bearer token, reused for every item', async () => {
		const { items } = await run({ operation: 'list', returnAll: false, limit: 1 }, { items: 3 });
		expect(items).toHaveLength(3);
		expect(sinch.tokenRequests).toBe(1);
		const [tokenRequest] = sinch.server.requests;
		expect(tokenRequest.body).toBe('grant_type=client_credentials');
		expect(tokenRequest.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(tokenRequest.headers.authorization).toBe(
			`Basic ${Buffer.from(`${KEY_ID}:${KEY_SECRET}`).toString('base64')}`,
		);
		expect(
			apiRequests().every((request) =>
				request.headers.authorization?.startsWith('Bearer sinch-token-'),
			),
		).toBe(true);
	});

	it('fetches a new token when Sinch refuses the old one, and carries on', async () => {
		await run({ operation: 'list', returnAll: true });
		sinch.expireTokens();
		const { items, error } = await run({ operation: 'list', returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(sinch.tokenRequests).toBe(2);
	});

	it('names Sinch and the key when the key secret is wrong, and does not ask again in a loop', async () => {
		const first = await run(
			{ operation: 'list', returnAll: true },
			{ credentials: { keySecret: 'wrong-secret-123' } },
		);
		expect(first.error?.message).toBe('Sinch rejected the credentials (HTTP 401)');
		expect(first.error?.description).toContain(
			'Check the project ID, key ID and key secret in the Sinch credential.',
		);
		expect(first.error?.description).toContain('Settings > Access Keys');
		const second = await run(
			{ operation: 'list', returnAll: true },
			{ credentials: { keySecret: 'wrong-secret-123' } },
		);
		expect(second.error?.description).toContain('Not asked again until');
		expect(sinch.tokenRequests).toBe(1);
		expect(apiRequests()).toHaveLength(0);
	});

	it('says in Sinch’s words when the project ID is not the key’s project', async () => {
		const { error } = await run(
			{ operation: 'list', returnAll: true },
			{ credentials: { projectId: 'another-project' } },
		);
		expect(error?.message).toBe('Sinch rejected the credentials (HTTP 401)');
		expect(error?.description).toContain(
			'Sinch said: code unauthorized_error: Unauthorized error. Verify that projectId is correct.',
		);
	});

	it('refuses a Token URL over plain http to another host before sending the key', async () => {
		const { error } = await run(
			{ operation: 'list', returnAll: true },
			{ credentials: { tokenUrl: notLocalhost(sinch.tokenUrl) } },
		);
		expect(error?.message).toContain('Invalid "Token URL"');
		expect(sinch.server.requests).toHaveLength(0);
	});
});

describe('Sinch errors and retries', () => {
	it('retries a listing Sinch throttled with 429, waiting the Retry-After it sent', async () => {
		sinch.server.injectFaultWhen((r) => r.path.endsWith('/whatsapp/senders'), {
			status: 429,
			headers: { 'Retry-After': '1' },
			body: {
				errorCode: 'too_many_requests',
				message: 'Too many requests.',
				resolution: 'Please try again later.',
			},
			breaksContract: 'Sinch documents no 429 for listing senders',
		});
		const started = Date.now();
		const { items, error } = await run({ operation: 'list', returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(senderPages()).toHaveLength(2);
		expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
	});

	it('reports an unknown sender in Sinch’s words with its resolution', async () => {
		const { error } = await run({
			operation: 'get',
			senderId: byId('00000000-0000-4000-8000-000000000000'),
		});
		expect(error?.message).toBe('Sinch error code sender_not_found: Sender not found.');
		expect(error?.description).toContain('Verify that the parameters are correct.');
	});

	it('refuses a phone number given as the sender ID before any request', async () => {
		// from an expression: the editor's own check of a typed ID does not see it
		const { error } = await run({ operation: 'get', senderId: byId('={{ "+48777777777" }}') });
		expect(error?.message).toContain('Invalid "Sender"');
		expect(sinch.server.requests).toHaveLength(0);
	});
});

describe('Get, register, verify, profile and delete a Sinch sender', () => {
	it('gets one sender with the account’s limit', async () => {
		const { items } = await run({ operation: 'get', senderId: byId(String(sales.id)) });
		expect(items[0].json).toMatchObject({
			provider: 'sinch',
			id: sales.id,
			phoneNumber: '+491701234567',
			status: 'ONLINE',
			qualityRating: 'YELLOW',
			messagingLimit: 1000,
		});
		expect(JSON.stringify(items)).not.toContain('sender-bearer-');
	});

	it('asks Sinch to send the code by voice, with Sinch’s body and nothing else', async () => {
		sinch.update(String(support.id), { state: 'PENDING_VERIFICATION' });
		const { items, error } = await run({
			operation: 'requestCode',
			senderId: byId(String(support.id)),
			codeMethod: 'voice',
			language: 'pl_PL',
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			provider: 'sinch',
			id: support.id,
			method: 'VOICE',
			verificationCodeSent: true,
		});
		const [register] = apiRequests().filter((request) => request.path.endsWith('/register'));
		expect(JSON.parse(register.body)).toEqual({ method: 'VOICE' });
	});

	it('passes on Sinch’s refusal to register an active sender, asked once', async () => {
		const { error } = await run({
			operation: 'requestCode',
			senderId: byId(String(support.id)),
			codeMethod: 'sms',
			language: 'en_US',
		});
		expect(error?.message).toBe(
			'Sinch error code not_allowed_register: Sender not allowed to be registered.',
		);
		expect(error?.description).toContain('Only "PENDING_VERIFICATION" sender can be registered.');
		expect(apiRequests().filter((request) => request.path.endsWith('/register'))).toHaveLength(1);
	});

	it('verifies with the code and shows the sender as Sinch has it afterwards', async () => {
		sinch.update(String(support.id), { state: 'PENDING_VERIFICATION' });
		await run({
			operation: 'requestCode',
			senderId: byId(String(support.id)),
			codeMethod: 'sms',
			language: 'en_US',
		});
		const code = sinch.codes.get(String(support.id))!;
		const { items, error } = await run({
			operation: 'verify',
			senderId: byId(String(support.id)),
			verificationCode: code,
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			id: support.id,
			status: 'PENDING',
			providerStatus: 'IN_PROGRESS',
		});
		const [verify] = apiRequests().filter((request) => request.path.endsWith('/verify'));
		expect(JSON.parse(verify.body)).toEqual({ code });
	});

	it('verifies a number Meta has already verified without a code, sending Sinch an empty body', async () => {
		sinch.update(String(support.id), { state: 'PENDING_VERIFICATION' });
		sinch.verifiedByMeta.add(String(support.id));
		const { items, error } = await run({
			operation: 'verify',
			senderId: byId(String(support.id)),
			verificationCode: '',
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ id: support.id, providerStatus: 'IN_PROGRESS' });
		const [verify] = apiRequests().filter((request) => request.path.endsWith('/verify'));
		expect(JSON.parse(verify.body)).toEqual({});
	});

	it('sends only the website given, so the second website Sinch holds is not deleted', async () => {
		await run({
			operation: 'updateProfile',
			senderId: byId(String(support.id)),
			profileFields: { websites: 'https://acme.example' },
		});
		const [patch] = apiRequests().filter((request) => request.method === 'PATCH');
		expect(JSON.parse(patch.body)).toEqual({
			status: 'SUBMIT',
			details: { websiteOne: 'https://acme.example' },
		});
	});

	it('asks Sinch for a code once, even when Sinch answers 429: the register limit is not lifted by a repeat', async () => {
		sinch.update(String(support.id), { state: 'PENDING_VERIFICATION' });
		sinch.server.injectFaultWhen((request) => request.path.endsWith('/register'), {
			status: 429,
			headers: { 'Retry-After': '1' },
			body: {
				errorCode: 'sender-register-too-many-requests',
				message: 'Sender register too many requests.',
				resolution: 'Register sender request limits reached. Please try again later.',
			},
		});
		const { error } = await run({
			operation: 'requestCode',
			senderId: byId(String(support.id)),
			codeMethod: 'sms',
		});
		expect(error?.message).toBe(
			'Sinch error code sender-register-too-many-requests: Sender register too many requests.',
		);
		expect(apiRequests().filter((request) => request.path.endsWith('/register'))).toHaveLength(1);
	});

	it('passes on a wrong code in Sinch’s words', async () => {
		sinch.update(String(support.id), { state: 'PENDING_VERIFICATION' });
		const { error } = await run({
			operation: 'verify',
			senderId: byId(String(support.id)),
			verificationCode: '000000',
		});
		expect(error?.message).toBe(
			'Sinch error code wrong_otp: Sender verification failed due to wrong OTP.',
		);
	});

	it('reads the business profile from the sender’s details', async () => {
		const { items } = await run({ operation: 'getProfile', senderId: byId(String(support.id)) });
		expect(items[0].json).toEqual({
			provider: 'sinch',
			id: support.id,
			displayName: 'Support',
			vertical: 'PROFESSIONAL_SERVICES',
			about: 'Test about',
		});
	});

	it('submits a profile update with Sinch’s field names and shows it as pending', async () => {
		const { items, error } = await run({
			operation: 'updateProfile',
			senderId: byId(String(support.id)),
			profileFields: {
				about: 'Open 9-17',
				email: 'help@acme.example',
				vertical: 'RETAIL',
				websites: 'https://acme.example, https://shop.acme.example',
			},
		});
		expect(error).toBeUndefined();
		const [patch] = apiRequests().filter((request) => request.method === 'PATCH');
		expect(JSON.parse(patch.body)).toEqual({
			status: 'SUBMIT',
			details: {
				about: 'Open 9-17',
				email: 'help@acme.example',
				vertical: 'SHOPPING_AND_RETAIL',
				websiteOne: 'https://acme.example',
				websiteTwo: 'https://shop.acme.example',
			},
		});
		expect(items[0].json.pendingChanges).toMatchObject({
			status: 'IN_PROGRESS',
			details: { about: 'Open 9-17' },
		});
	});

	it('refuses a second update while the first is under review, in Sinch’s words', async () => {
		await run({
			operation: 'updateProfile',
			senderId: byId(String(support.id)),
			profileFields: { about: 'Open 9-17' },
		});
		const { error } = await run({
			operation: 'updateProfile',
			senderId: byId(String(support.id)),
			profileFields: { about: 'Open 8-18' },
		});
		expect(error?.message).toBe(
			'Sinch error code sender_changes_not_updatable: Sender is not updatable.',
		);
		expect(error?.description).toContain(
			'Updates are only supported by senders changes with status: DRAFT, REJECTED.',
		);
	});

	it('discards the pending changes and shows the profile without them, so a new update goes through', async () => {
		await run({
			operation: 'updateProfile',
			senderId: byId(String(support.id)),
			profileFields: { about: 'Open 9-17' },
		});
		sinch.server.resetRequests();
		const { items, error } = await run({
			operation: 'discardChanges',
			senderId: byId(String(support.id)),
		});
		expect(error).toBeUndefined();
		expect(apiRequests().map((request) => [request.method, request.path])).toEqual([
			['DELETE', `/v1/projects/${PROJECT_ID}/whatsapp/senders/${String(support.id)}/changes`],
			['GET', `/v1/projects/${PROJECT_ID}/whatsapp/senders/${String(support.id)}`],
		]);
		expect(items[0].json).toEqual({
			provider: 'sinch',
			id: support.id,
			displayName: 'Support',
			vertical: 'PROFESSIONAL_SERVICES',
			about: 'Test about',
		});
		const again = await run({
			operation: 'updateProfile',
			senderId: byId(String(support.id)),
			profileFields: { about: 'Open 8-18' },
		});
		expect(again.error).toBeUndefined();
	});

	it.each([
		['Request Code', 'requestCode', 'POST', '/register', { codeMethod: 'sms' }],
		['Verify', 'verify', 'POST', '/verify', { verificationCode: '123456' }],
		[
			'Update Business Profile',
			'updateProfile',
			'PATCH',
			'',
			{ profileFields: { about: 'Open 9-17' } },
		],
		['Delete', 'delete', 'DELETE', '', { confirmDeletion: true }],
	])(
		'%s is not sent again after a 502 that may have come after Sinch acted on it',
		async (_name, operation, method, suffix, parameters) => {
			sinch.update(String(support.id), { state: 'PENDING_VERIFICATION' });
			const path = `/v1/projects/${PROJECT_ID}/whatsapp/senders/${String(support.id)}${suffix}`;
			sinch.server.injectFaultWhen((r) => r.method === method && r.path === path, {
				status: 502,
				body: 'Bad Gateway',
			});
			const { error } = await run({ operation, senderId: byId(String(support.id)), ...parameters });
			expect(error?.message).toContain('502');
			expect(apiRequests().filter((r) => r.method === method && r.path === path)).toHaveLength(1);
		},
	);

	it('deletes only with the confirmation on, once, and the sender is gone', async () => {
		const refused = await run({ operation: 'delete', senderId: byId(String(sales.id)) });
		expect(refused.error?.message).toContain('Confirm Permanent Deletion');
		expect(apiRequests()).toHaveLength(0);
		const { items, error } = await run({
			operation: 'delete',
			senderId: byId(String(sales.id)),
			confirmDeletion: true,
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ deleted: true, id: sales.id });
		expect(apiRequests().filter((request) => request.method === 'DELETE')).toHaveLength(1);
		expect(sinch.senders.map((sender) => sender.id)).toEqual([support.id]);
	});
});

describe('WhatsApp Senders Trigger on Sinch', () => {
	const poll = async (staticData: IDataObject, parameters: IDataObject = {}) =>
		await pollSendersTrigger({
			parameters: { provider: 'sinch', ...parameters },
			credentials: credentials(),
			staticData,
		});

	it('fires once when a sender’s quality drops to RED, and not again on the next poll', async () => {
		const staticData: IDataObject = {};
		expect((await poll(staticData)).items).toEqual([]);
		sinch.update('+48777777777', { qualityRating: 'RED' });
		const { items, error } = await poll(staticData);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([
			expect.objectContaining({
				event: 'qualityChanged',
				provider: 'sinch',
				sender: expect.objectContaining({ phoneNumber: '+48777777777', qualityRating: 'RED' }),
				previous: { qualityRating: 'GREEN' },
				direction: 'downgrade',
			}),
		]);
		expect((await poll(staticData)).items).toEqual([]);
	});

	it('reports a new account limit as one event covering every sender', async () => {
		const staticData: IDataObject = {};
		await poll(staticData);
		sinch.businessDailyLimit = 'TIER_10K';
		const { items } = await poll(staticData);
		expect(
			items.map((item) => [
				item.json.event,
				item.json.senderCount,
				item.json.previous,
				item.json.current,
			]),
		).toEqual([
			[
				'messagingLimitChanged',
				2,
				{ messagingLimit: 1000 },
				{ messagingLimit: 10000, messagingLimitText: 'TIER_10K' },
			],
		]);
	});

	it('gives each sender exactly one status event naming the ban when the account moves to DISABLE, and nothing on the next poll', async () => {
		const staticData: IDataObject = {};
		await poll(staticData, { events: ['statusChanged'] });
		sinch.wabaBanState = 'DISABLE';
		sinch.wabaBanDate = '2026-12-07T08:00:00Z';
		const { items } = await poll(staticData, { events: ['statusChanged'] });
		// changes come by sender id, and Sinch's ids are random here
		const ordered = [support, sales].sort((a, b) => String(a.id).localeCompare(String(b.id)));
		expect(items.map((item) => item.json)).toEqual(
			ordered.map((sender) =>
				expect.objectContaining({
					event: 'statusChanged',
					previous: { status: 'ONLINE' },
					sender: expect.objectContaining({
						id: sender.id,
						status: 'OFFLINE',
						providerStatus: 'ACTIVE/DISABLE',
						offlineReasons: [
							{
								code: 'DISABLE',
								message:
									'The WhatsApp Business Account has been disabled due to administrative or policy enforcement.',
								moreInfo: 'wabaBanDate 2026-12-07T08:00:00Z',
								solution: null,
							},
						],
					}),
				}),
			),
		);
		expect((await poll(staticData, { events: ['statusChanged'] })).items).toEqual([]);
	});

	it('makes the ban one item for the account, naming every sender and the reason, with Group Status Changes on', async () => {
		const staticData: IDataObject = {};
		const parameters = { events: ['statusChanged'], options: { groupStatusChanges: true } };
		await poll(staticData, parameters);
		sinch.wabaBanState = 'DISABLE';
		const { items } = await poll(staticData, parameters);
		expect(items.map((item) => item.json)).toEqual([
			expect.objectContaining({
				event: 'statusChanged',
				scope: 'account',
				senderCount: 2,
				senders: expect.arrayContaining([
					expect.objectContaining({ phoneNumber: '+48777777777' }),
					expect.objectContaining({ phoneNumber: '+491701234567' }),
				]),
				previous: { status: 'ONLINE' },
				current: {
					status: 'OFFLINE',
					providerStatus: 'ACTIVE/DISABLE',
					offlineReasons: [
						expect.objectContaining({
							code: 'DISABLE',
							message: expect.stringContaining('has been disabled'),
						}),
					],
				},
				changes: ['status'],
			}),
		]);
		expect((await poll(staticData, parameters)).items).toEqual([]);
	});

	it('does not compare a poll whose account read failed, so a banned account is not reported back ONLINE and banned again', async () => {
		const staticData: IDataObject = {};
		sinch.wabaBanState = 'DISABLE';
		await poll(staticData, { events: ['statusChanged', 'messagingLimitChanged'] });
		sinch.accountFailure = 'account_data_is_corrupt';
		const unreadable = await poll(staticData, {
			events: ['statusChanged', 'messagingLimitChanged'],
		});
		expect(unreadable.items).toEqual([]);
		expect(unreadable.error?.message).toMatch(
			/^Sinch could not read the WhatsApp account \(409 account_data_is_corrupt/,
		);
		sinch.accountFailure = undefined;
		const readable = await poll(staticData, { events: ['statusChanged', 'messagingLimitChanged'] });
		expect([readable.items, readable.error]).toEqual([[], undefined]);
	});

	it('shows an account scheduled for disabling as LIMITED: still sending, not blocked', async () => {
		sinch.wabaBanState = 'SCHEDULE_FOR_DISABLE';
		const { items } = await run({ operation: 'list', returnAll: true });
		expect(items.map(({ json }) => [json.status, json.providerStatus])).toEqual([
			['LIMITED', 'ACTIVE/SCHEDULE_FOR_DISABLE'],
			['LIMITED', 'ACTIVE/SCHEDULE_FOR_DISABLE'],
		]);
	});

	it('reports TIER_100K → TIER_UNLIMITED → NOT_SET as one limit event each, in Sinch’s words', async () => {
		const staticData: IDataObject = {};
		sinch.businessDailyLimit = 'TIER_100K';
		await poll(staticData);
		const limitEvents = async (word: string) => {
			sinch.businessDailyLimit = word;
			const { items } = await poll(staticData);
			return items.map((item) => [
				item.json.event,
				item.json.senderCount,
				item.json.previous,
				item.json.current,
			]);
		};
		expect(await limitEvents('TIER_UNLIMITED')).toEqual([
			[
				'messagingLimitChanged',
				2,
				{ messagingLimit: 100000 },
				{ messagingLimit: null, messagingLimitText: 'TIER_UNLIMITED' },
			],
		]);
		expect(await limitEvents('NOT_SET')).toEqual([
			[
				'messagingLimitChanged',
				2,
				{ messagingLimit: null, messagingLimitText: 'TIER_UNLIMITED' },
				{ messagingLimit: null, messagingLimitText: 'NOT_SET' },
			],
		]);
		expect(await limitEvents('NOT_SET')).toEqual([]);
	});
});

describe('Sinch credential: Test credential gets its token the way the node does', () => {
	/** n8n's request helper, reduced to what the pre-authentication asks of it, over real HTTP. */
	const helper = {
		helpers: {
			httpRequest: async (options: IHttpRequestOptions) => {
				const response = await fetch(options.url, {
					method: options.method,
					headers: options.headers as Record<string, string>,
					body: options.body as string,
					redirect: 'manual',
				});
				const text = await response.text();
				return {
					statusCode: response.status,
					body: text === '' ? undefined : (JSON.parse(text) as unknown),
				};
			},
		},
	} as unknown as IHttpRequestHelper;
	const preAuthenticate = async (overrides: IDataObject = {}) =>
		await new SinchProvisioningApi().preAuthentication.call(
			helper,
			credentials(overrides).sinchProvisioningApi,
		);

	it('keeps the token Sinch issues for the key', async () => {
		const { accessToken } = await preAuthenticate();
		expect(accessToken).toMatch(/^sinch-token-/);
		expect(
			sinch.server.requests.map((request) => [request.method, request.path, request.body]),
		).toEqual([['POST', '/oauth2/token', 'grant_type=client_credentials']]);
	});

	it('says Sinch refused the key, without the secret', async () => {
		const failure = preAuthenticate({ keySecret: 'wrong-secret-123' });
		await expect(failure).rejects.toThrow(/^Sinch refused the key ID or key secret \(HTTP 401\)/);
		await expect(failure).rejects.not.toThrow(/wrong-secret-123/);
	});

	it('refuses a Token URL over plain http to another host before sending the key', async () => {
		await expect(preAuthenticate({ tokenUrl: notLocalhost(sinch.tokenUrl) })).rejects.toThrow(
			'Invalid "Token URL" in the credential',
		);
		expect(sinch.server.requests).toHaveLength(0);
	});
});
