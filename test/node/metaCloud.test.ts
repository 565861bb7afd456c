import { pollSendersTrigger, runSendersNode, searchSendersList } from '../harness/n8nHarness';
import { META_VERIFICATION_CODE, MetaSimulator, metaError } from '../simulators/meta';
import { contractExamples } from '../support/providerContracts';
import { senderById as byId } from '../support/twilioAccount';

const ACCESS_TOKEN = 'meta-test-system-user-token';
const WABA_ID = '102290129340398';
let meta: MetaSimulator;

beforeEach(async () => {
	meta = new MetaSimulator(ACCESS_TOKEN, WABA_ID);
	await meta.start();
});
afterEach(() => meta.stop());

const credentials = (overrides: Record<string, string> = {}) => ({
	metaWhatsAppCloudApi: {
		accessToken: ACCESS_TOKEN,
		wabaId: WABA_ID,
		graphApiVersion: 'v26.0',
		baseUrl: meta.baseUrl,
		...overrides,
	},
});

const run = async (parameters: Record<string, unknown>, overrides?: Record<string, string>) =>
	await runSendersNode({
		parameters: { provider: 'metaCloud', resource: 'sender', ...parameters },
		credentials: credentials(overrides),
	});

const bodyOf = (path: string) =>
	JSON.parse(meta.server.requests.find((request) => request.path === path)!.body) as Record<
		string,
		unknown
	>;

describe('List Meta phone numbers', () => {
	it('normalizes quality, status and the messaging limit', async () => {
		meta.addNumbers(
			{
				id: '1111111111',
				phoneNumber: '+14155550100',
				verifiedName: 'Acme',
				qualityRating: 'YELLOW',
				messagingLimit: 'TIER_10K',
			},
			{
				id: '2222222222',
				phoneNumber: '+972501234567',
				status: 'FLAGGED',
				messagingLimit: 'TIER_2K',
			},
			{
				id: '3333333333',
				phoneNumber: '+4930123456',
				status: 'BANNED',
				qualityRating: 'RED',
				messagingLimit: 'TIER_UNLIMITED',
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
			['1111111111', '+14155550100', 'ONLINE', 'YELLOW', 10000, 'TIER_10K'],
			['2222222222', '+972501234567', 'ONLINE', 'GREEN', 2000, 'TIER_2K'],
			['3333333333', '+4930123456', 'OFFLINE', 'RED', null, 'TIER_UNLIMITED'],
		]);
		expect(items[0].json).toMatchObject({
			provider: 'metaCloud',
			displayName: 'Acme',
			providerStatus: 'CONNECTED',
		});
		expect(items[2].json.offlineReasons).toEqual([
			{ code: 'BANNED', message: expect.stringContaining('banned'), moreInfo: null },
		]);
	});

	it.each([
		['v23.0', 'messaging_limit_tier'],
		['v22.0', 'messaging_limit_tier'],
		['v24.0', 'whatsapp_business_manager_messaging_limit'],
		['v26.0', 'whatsapp_business_manager_messaging_limit'],
	])(
		'lists on Graph %s, reading the messaging limit from %s only',
		async (graphApiVersion, limitField) => {
			meta.addNumbers({ phoneNumber: '+14155550100', messagingLimit: 'TIER_2K' });
			const { items, error } = await run(
				{ operation: 'list', returnAll: true },
				{ graphApiVersion },
			);
			expect(error).toBeUndefined();
			expect(items[0].json).toMatchObject({
				messagingLimit: 2000,
				messagingLimitText: 'TIER_2K',
				raw: { [limitField]: 'TIER_2K' },
			});
			const fields = meta.server.requests[0].query.fields.split(',');
			expect(fields.filter((field) => field.includes('limit'))).toEqual([limitField]);
		},
	);

	it("gets a number on Graph v23.0 and v26.0 with each version's limit field", async () => {
		const [number] = meta.addNumbers({ phoneNumber: '+14155550100', messagingLimit: 'TIER_10K' });
		for (const graphApiVersion of ['v23.0', 'v26.0']) {
			const { items, error } = await run(
				{ operation: 'get', senderId: byId(number.id) },
				{ graphApiVersion },
			);
			expect(error).toBeUndefined();
			expect(items[0].json.messagingLimit).toBe(10000);
		}
	});

	it('asks only for the mapped fields and follows the cursor at 100 a page, on the Base URL', async () => {
		meta.addNumbers(
			...Array.from({ length: 230 }, (_, i) => ({ phoneNumber: `+1415555${String(1000 + i)}` })),
		);
		const { items } = await run({ operation: 'list', returnAll: true });
		expect(items).toHaveLength(230);
		expect(new Set(items.map((item) => item.json.id)).size).toBe(230);
		expect(meta.server.requests).toHaveLength(3);
		expect(meta.server.requests.map((request) => request.query.limit)).toEqual([
			'100',
			'100',
			'100',
		]);
		expect(meta.server.requests[0].query.fields).toBe(
			'id,display_phone_number,verified_name,quality_rating,status,name_status,code_verification_status,whatsapp_business_manager_messaging_limit,health_status',
		);
		expect(meta.server.requests[0].path).toBe(`/v26.0/${WABA_ID}/phone_numbers`);
	});

	it('asks for no more than the Limit', async () => {
		meta.addNumbers(
			...Array.from({ length: 30 }, (_, i) => ({ phoneNumber: `+1415555${String(2000 + i)}` })),
		);
		const { items } = await run({ operation: 'list', returnAll: false, limit: 7 });
		expect(items).toHaveLength(7);
		expect(meta.server.requests.map((request) => request.query.limit)).toEqual(['7']);
	});

	it('uses the Graph API version of the credential', async () => {
		meta.addNumbers({ phoneNumber: '+14155550100' });
		await run({ operation: 'list', returnAll: true }, { graphApiVersion: 'v25.0' });
		expect(meta.server.requests[0].path).toBe(`/v25.0/${WABA_ID}/phone_numbers`);
	});

	it('refuses a malformed WABA ID or version from the credential before any request', async () => {
		const badWaba = await run({ operation: 'list', returnAll: true }, { wabaId: '12/../me' });
		expect(badWaba.error?.message).toBe(
			'Invalid "WhatsApp Business Account ID" in item 0: in the Meta credential must be the numeric WABA ID from WhatsApp Manager',
		);
		const badVersion = await run({ operation: 'list', returnAll: true }, { graphApiVersion: '26' });
		expect(badVersion.error?.message).toBe(
			'Invalid "Graph API Version" in item 0: "26" in the Meta credential must look like v26.0',
		);
		expect(meta.server.requests).toHaveLength(0);
	});

	it("says an invalid token in Meta's words and names the credential", async () => {
		const { error } = await run(
			{ operation: 'list', returnAll: true },
			{ accessToken: 'EAAG-wrong-token-7731' },
		);
		expect(error?.message).toBe('Meta WhatsApp Cloud API rejected the credentials (HTTP 401)');
		expect(error?.description).toContain('code 190: Invalid OAuth access token');
		expect(error?.description).toContain('create a new system-user token');
		expect(JSON.stringify(error)).not.toContain('EAAG-wrong-token-7731');
	});

	it('retries a WABA rate limit that Meta answers with HTTP 400, then succeeds', async () => {
		meta.addNumbers({ phoneNumber: '+14155550100' });
		meta.server.injectFaults({
			status: 400,
			body: metaError(80007, 'Rate limit hit for WhatsApp Business Account'),
		});
		const { items, error } = await run({ operation: 'list', returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(meta.server.requests).toHaveLength(2);
	});

	it("does not retry an invalid parameter, and shows Meta's details of it", async () => {
		meta.server.injectFaults({
			status: 400,
			body: metaError(
				100,
				'(#100) Invalid parameter',
				'OAuthException',
				undefined,
				'Param limit must be a number',
			),
		});
		const { error } = await run({ operation: 'list', returnAll: true });
		expect(error?.message).toBe('Meta WhatsApp Cloud API error code 100: (#100) Invalid parameter');
		expect(error?.description).toContain('Param limit must be a number');
		expect(error?.description).toContain('fbtrace_id AbCdEfGhIjK');
		expect(meta.server.requests).toHaveLength(1);
	});

	it('never repeats a POST that Meta answers with a transient error: it may have taken effect', async () => {
		const [number] = meta.addNumbers({
			phoneNumber: '+14155550100',
			status: 'PENDING',
			codeVerificationStatus: 'NOT_VERIFIED',
		});
		meta.server.injectFaults({
			status: 500,
			body: {
				error: {
					...metaError(2, 'An unexpected error has occurred. Please retry your request later.')
						.error,
					is_transient: true,
				},
			},
		});
		const { error } = await run({
			operation: 'requestCode',
			senderId: byId(number.id),
			codeMethod: 'sms',
			language: 'en_US',
		});
		expect(error?.message).toBe(
			'Meta WhatsApp Cloud API error code 2: An unexpected error has occurred. Please retry your request later.',
		);
		expect(
			meta.server.requests.filter((request) => request.path.endsWith('/request_code')),
		).toHaveLength(1);
	});

	it('repeats a read that Meta marks as transient (is_transient), whatever the code', async () => {
		meta.addNumbers({ phoneNumber: '+14155550100' });
		meta.server.injectFaults({
			status: 500,
			body: {
				error: {
					...metaError(2, 'An unexpected error has occurred. Please retry your request later.')
						.error,
					is_transient: true,
				},
			},
		});
		const { items, error } = await run({ operation: 'list', returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(meta.server.requests).toHaveLength(2);
	});
});

describe('A Meta number from start to finish', () => {
	it('is added, gets a code, is verified, registered, profiled and deregistered', async () => {
		const created = await run({
			operation: 'create',
			phoneNumber: '+1 (415) 555-0177',
			countryCode: '1',
			profileName: 'Acme Care',
		});
		expect(created.error).toBeUndefined();
		expect(bodyOf(`/v26.0/${WABA_ID}/phone_numbers`)).toEqual({
			cc: '1',
			phone_number: '4155550177',
			verified_name: 'Acme Care',
		});
		const id = created.items[0].json.id as string;
		// read back from Meta, not made up: the add answers only the id
		expect(created.items[0].json).toMatchObject({
			provider: 'metaCloud',
			phoneNumber: '+14155550177',
			status: 'PENDING_VERIFICATION',
			providerStatus: 'PENDING',
		});
		expect(meta.server.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			`POST /v26.0/${WABA_ID}/phone_numbers`,
			`GET /v26.0/${id}`,
		]);

		const code = await run({
			operation: 'requestCode',
			senderId: byId(id),
			codeMethod: 'voice',
			language: 'de_DE',
		});
		expect(code.items[0].json).toEqual({
			provider: 'metaCloud',
			id,
			codeRequested: true,
			codeMethod: 'VOICE',
			language: 'de_DE',
		});
		expect(bodyOf(`/v26.0/${id}/request_code`)).toEqual({
			code_method: 'VOICE',
			language: 'de_DE',
		});

		const wrong = await run({
			operation: 'verify',
			senderId: byId(id),
			verificationCode: '000000',
		});
		expect(wrong.error?.message).toBe(
			'Meta WhatsApp Cloud API error code 136025: Verify code error',
		);
		expect(wrong.error?.description).toContain('ask for a new one with Request Code');

		const verified = await run({
			operation: 'verify',
			senderId: byId(id),
			verificationCode: META_VERIFICATION_CODE,
		});
		expect(verified.items[0].json).toMatchObject({
			id,
			status: 'PENDING',
			raw: expect.objectContaining({ code_verification_status: 'VERIFIED' }),
		});

		const registered = await run({ operation: 'register', senderId: byId(id), pin: '246810' });
		expect(registered.items[0].json).toMatchObject({
			id,
			status: 'ONLINE',
			providerStatus: 'CONNECTED',
		});
		expect(bodyOf(`/v26.0/${id}/register`)).toEqual({
			messaging_product: 'whatsapp',
			pin: '246810',
		});

		const updated = await run({
			operation: 'updateProfile',
			senderId: byId(id),
			profileFields: {
				about: 'We answer in minutes',
				vertical: 'ONLINE_GAMBLING',
				websites: 'https://acme.example, https://acme.example/care',
				profilePictureHandle: '4::aW1hZ2UvanBlZw==:ARb',
			},
		});
		expect(updated.error).toBeUndefined();
		expect(
			meta.server.requests
				.filter((r) => r.method === 'POST' && r.path.endsWith('whatsapp_business_profile'))
				.map((r) => JSON.parse(r.body)),
		).toEqual([
			{
				messaging_product: 'whatsapp',
				about: 'We answer in minutes',
				vertical: 'ONLINE_GAMBLING',
				websites: ['https://acme.example', 'https://acme.example/care'],
				profile_picture_handle: '4::aW1hZ2UvanBlZw==:ARb',
			},
		]);
		expect(updated.items[0].json).toMatchObject({
			id,
			about: 'We answer in minutes',
			vertical: 'ONLINE_GAMBLING',
		});

		const profile = await run({ operation: 'getProfile', senderId: byId(id) });
		expect(profile.items[0].json).toMatchObject({
			provider: 'metaCloud',
			id,
			about: 'We answer in minutes',
		});

		const deregistered = await run({ operation: 'deregister', senderId: byId(id) });
		expect(deregistered.items[0].json).toMatchObject({
			id,
			status: 'OFFLINE',
			providerStatus: 'DISCONNECTED',
		});
	});

	it("reads the business profile in the contract's shape (business_profile inside data) and in the bare shape of Meta's pages", async () => {
		const [number] = meta.addNumbers({ phoneNumber: '+14155550100' });
		const example = contractExamples('meta', 'getWhatsAppBusinessProfile', 200)
			.business_profile_details as { data: Array<{ business_profile: Record<string, unknown> }> };
		const bare = { data: [example.data[0].business_profile] };
		for (const answer of [example, bare]) {
			meta.server.injectFaultWhen(
				(request) => request.path.endsWith('/whatsapp_business_profile'),
				{ status: 200, body: answer },
			);
			const { items, error } = await run({ operation: 'getProfile', senderId: byId(number.id) });
			expect(error).toBeUndefined();
			expect(items[0].json).toEqual({
				provider: 'metaCloud',
				id: number.id,
				messaging_product: 'whatsapp',
				about: 'Welcome to our business! We provide excellent service.',
				address: '123 Business Street, City, State 12345',
				description: 'We are a leading provider of quality products and services.',
				email: 'contact@business.com',
				profile_picture_url: 'https://pps.whatsapp.net/v/profile_picture_url',
				websites: ['https://www.business.com', 'https://www.facebook.com/business'],
				vertical: 'RESTAURANT',
			});
		}
	});

	it('says a PIN mismatch in words the user can act on', async () => {
		const [number] = meta.addNumbers({ phoneNumber: '+14155550100', status: 'DISCONNECTED' });
		await run({ operation: 'register', senderId: byId(number.id), pin: '111111' });
		const { error } = await run({
			operation: 'register',
			senderId: byId(number.id),
			pin: '222222',
		});
		expect(error?.message).toBe(
			'Meta WhatsApp Cloud API error code 133005: Two step verification PIN Mismatch',
		);
		expect(error?.description).toContain('Reset it in WhatsApp Manager');
	});

	it('gets one number by its ID', async () => {
		const [number] = meta.addNumbers({
			phoneNumber: '+14155550100',
			verifiedName: 'Acme',
			qualityRating: 'RED',
		});
		const { items } = await run({ operation: 'get', senderId: byId(number.id) });
		expect(items[0].json).toMatchObject({
			id: number.id,
			displayName: 'Acme',
			qualityRating: 'RED',
		});
	});

	it('offers the numbers in the Sender list', async () => {
		meta.addNumbers({ id: '4444444444', phoneNumber: '+14155550100', verifiedName: 'Acme' });
		const found = await searchSendersList({
			parameters: { provider: 'metaCloud', operation: 'get' },
			credentials: credentials(),
		});
		expect(found.results).toEqual([{ name: '+14155550100 · Acme · ONLINE', value: '4444444444' }]);
	});

	it.each([
		[
			{ operation: 'create', phoneNumber: '+14155550177', countryCode: '44', profileName: 'Acme' },
			'Invalid "Country Code" in item 0: must be the start of the phone number (+14155550177)',
		],
		[
			{
				operation: 'create',
				phoneNumber: '+14155550177',
				countryCode: '={{ "" }}',
				profileName: 'Acme',
			},
			'Invalid "Country Code" in item 0: must be the 1 to 3 digit country calling code, e.g. 1 or 972',
		],
		[
			{
				operation: 'create',
				phoneNumber: '+14155550177',
				countryCode: '1',
				profileName: '={{ " " }}',
			},
			'Invalid "Profile Name" in item 0: is required: it is the display name Meta reviews',
		],
		[
			{ operation: 'get', senderId: byId('={{ "XE0123456789abcdef0123456789abcdef" }}') },
			'Invalid "Sender" in item 0: "XE0123456789abcdef0123456789abcdef" is not a Meta WhatsApp Cloud API sender ID (like 106540352242922)',
		],
		[
			{ operation: 'register', senderId: byId('1111111111'), pin: '12345' },
			'Invalid "PIN" in item 0: must be 6 digits',
		],
		[
			{
				operation: 'requestCode',
				senderId: byId('1111111111'),
				codeMethod: 'sms',
				language: 'english',
			},
			'Invalid "Language" in item 0: must be a locale code of language and country, such as en_US, de_DE or pt_BR',
		],
		[
			{ operation: 'requestCode', senderId: byId('1111111111'), codeMethod: 'sms', language: 'de' },
			'Invalid "Language" in item 0: must be a locale code of language and country, such as en_US, de_DE or pt_BR',
		],
		[
			{
				operation: 'updateProfile',
				senderId: byId('1111111111'),
				profileFields: { description: 'x'.repeat(257) },
			},
			'Invalid "Description" in item 0: must be at most 256 characters',
		],
		[
			{
				operation: 'updateProfile',
				senderId: byId('1111111111'),
				profileFields: { vertical: 'NOT_A_BIZ' },
			},
			`Invalid "Vertical" in item 0: must be one of: OTHER, AUTO, BEAUTY, APPAREL, EDU, ENTERTAIN, EVENT_PLAN, FINANCE, GROCERY, GOVT, HOTEL, HEALTH, NONPROFIT, PROF_SERVICES, RETAIL, TRAVEL, RESTAURANT, ALCOHOL, ONLINE_GAMBLING, PHYSICAL_GAMBLING, OTC_DRUGS`,
		],
		[
			{ operation: 'create', phoneNumber: '+14155550177', countryCode: '1', profileName: 'A' },
			'Invalid "Profile Name" in item 0: must be at least 2 characters',
		],
		[
			{ operation: 'verify', senderId: byId('1111111111'), verificationCode: '12 34' },
			'Invalid "Verification Code" in item 0: must be the 6-digit code sent by SMS or voice call',
		],
		[
			{ operation: 'updateProfile', senderId: byId('1111111111'), profileFields: {} },
			'Invalid "Update Fields" in item 0: is empty; add at least one profile field to change',
		],
		[
			{
				operation: 'updateProfile',
				senderId: byId('1111111111'),
				profileFields: { about: 'x'.repeat(140) },
			},
			'Invalid "About" in item 0: must be at most 139 characters',
		],
		[
			{
				operation: 'updateProfile',
				senderId: byId('1111111111'),
				profileFields: { email: 'not-an-email' },
			},
			'Invalid "Email" in item 0: is not an email address',
		],
		[
			{ operation: 'update', senderId: byId('1111111111') },
			'Invalid "Operation" in item 0: Meta WhatsApp Cloud API does not support "update"; it supports: list, get, create, requestCode, verify, register, getProfile, updateProfile, deregister',
		],
	])('refuses %p before any request', async (parameters, message) => {
		const { error } = await run(parameters);
		expect(error?.message).toBe(message);
		expect(meta.server.requests).toHaveLength(0);
	});
});

describe('The trigger on Meta numbers', () => {
	it('fires once when a quality rating drops, with the previous rating', async () => {
		const [number] = meta.addNumbers({ phoneNumber: '+14155550100', qualityRating: 'GREEN' });
		const staticData = {};
		const parameters = { provider: 'metaCloud', events: ['qualityChanged'] };
		const baseline = await pollSendersTrigger({
			parameters,
			credentials: credentials(),
			staticData,
		});
		expect(baseline.items).toHaveLength(0);
		meta.updateNumber(number.id, (n) => (n.quality_rating = 'RED'));
		const fired = await pollSendersTrigger({ parameters, credentials: credentials(), staticData });
		expect(fired.items.map((item) => item.json)).toEqual([
			expect.objectContaining({
				event: 'qualityChanged',
				provider: 'metaCloud',
				direction: 'downgrade',
				sender: expect.objectContaining({ id: number.id, qualityRating: 'RED' }),
				previous: expect.objectContaining({ qualityRating: 'GREEN' }),
			}),
		]);
		const again = await pollSendersTrigger({ parameters, credentials: credentials(), staticData });
		expect(again.items).toHaveLength(0);
	});

	it('reports each number once as OFFLINE, with Meta’s reason and possible solution, when its WABA’s health_status turns BLOCKED', async () => {
		const numbers = meta.addNumbers(
			{ phoneNumber: '+14155550100' },
			{ phoneNumber: '+14155550200' },
		);
		const staticData = {};
		const parameters = { provider: 'metaCloud', events: ['statusChanged'] };
		await pollSendersTrigger({ parameters, credentials: credentials(), staticData });
		meta.wabaHealth = {
			canSendMessage: 'BLOCKED',
			errors: [
				{
					error_code: 141006,
					error_description: 'The WhatsApp Business Account is disabled.',
					possible_solution: 'Request a review of the account in WhatsApp Manager.',
				},
			],
		};
		const fired = await pollSendersTrigger({ parameters, credentials: credentials(), staticData });
		expect(fired.items.map((item) => item.json)).toEqual(
			numbers.map((number) =>
				expect.objectContaining({
					event: 'statusChanged',
					previous: { status: 'ONLINE' },
					sender: expect.objectContaining({
						id: number.id,
						status: 'OFFLINE',
						providerStatus: 'CONNECTED/BLOCKED',
						offlineReasons: [
							{
								code: '141006',
								message: `WhatsApp Business Account ${WABA_ID}: The WhatsApp Business Account is disabled.`,
								moreInfo: null,
								solution: 'Request a review of the account in WhatsApp Manager.',
							},
						],
					}),
				}),
			),
		);
		expect(
			(await pollSendersTrigger({ parameters, credentials: credentials(), staticData })).items,
		).toHaveLength(0);
		expect(meta.server.requests.every((request) => request.path.endsWith('/phone_numbers'))).toBe(
			true,
		);
	});

	it('tells a number whose sending is only LIMITED apart from a blocked one', async () => {
		meta.addNumbers({ phoneNumber: '+14155550100' });
		meta.wabaHealth = {
			canSendMessage: 'LIMITED',
			errors: [
				{
					error_code: 141010,
					error_description: 'The business is not verified.',
					possible_solution: 'Verify the business in Business Manager.',
				},
			],
		};
		const { items } = await run({ operation: 'list', returnAll: true });
		expect(items.map(({ json }) => [json.status, json.providerStatus])).toEqual([
			['LIMITED', 'CONNECTED/LIMITED'],
		]);
	});
});
