import type { RecordedRequest } from '../simulators/server';
import { contractViolations } from '../support/providerContracts';

/** The contract check that runs after every test must be able to fail: these exchanges break the contracts. */
function request(
	method: string,
	path: string,
	options: { query?: Record<string, string>; body?: unknown; contentType?: boolean } = {},
): RecordedRequest {
	const headers: RecordedRequest['headers'] = {
		authorization: 'Bearer meta-test-token',
		accept: 'application/json',
	};
	if (options.body !== undefined || options.contentType)
		headers['content-type'] = 'application/json';
	return {
		method,
		path,
		query: options.query ?? {},
		headers,
		body: options.body === undefined ? '' : JSON.stringify(options.body),
		at: 0,
	};
}

const meta = async (...args: Parameters<typeof request>) =>
	await contractViolations('meta', request(...args));

describe("Meta's contract, as the tests apply it", () => {
	it('accepts a request_code the way the package sends it', async () => {
		expect(
			await meta('POST', '/v26.0/1234567890/request_code', {
				body: { code_method: 'SMS', language: 'en_US' },
			}),
		).toEqual([]);
	});

	it.each([
		['a language without its country', { code_method: 'SMS', language: 'en' }, 'language'],
		['a code method outside SMS/VOICE', { code_method: 'EMAIL', language: 'en_US' }, 'code_method'],
	])('refuses a request_code with %s', async (_case, body, field) => {
		expect((await meta('POST', '/v26.0/1234567890/request_code', { body })).join()).toContain(
			field,
		);
	});

	it.each([
		[
			'a vertical that is not in the enum',
			{ messaging_product: 'whatsapp', vertical: 'NOT_A_BIZ' },
			'vertical',
		],
		[
			'a description of 257 characters',
			{ messaging_product: 'whatsapp', description: 'x'.repeat(257) },
			'description',
		],
		[
			'three websites',
			{
				messaging_product: 'whatsapp',
				websites: ['https://a.example', 'https://b.example', 'https://c.example'],
			},
			'websites',
		],
		['no messaging_product', { about: 'Hi' }, 'messaging_product'],
	])('refuses a profile update with %s', async (_case, body, field) => {
		expect(
			(await meta('POST', '/v26.0/1234567890/whatsapp_business_profile', { body })).join(),
		).toContain(field);
	});

	it('refuses a register without a 6-digit PIN', async () => {
		expect(
			(
				await meta('POST', '/v26.0/1234567890/register', {
					body: { messaging_product: 'whatsapp', pin: '12345' },
				})
			).join(),
		).toContain('pin');
	});

	it('refuses a list page over 100', async () => {
		expect(
			(await meta('GET', '/v26.0/1234567890/phone_numbers', { query: { limit: '101' } })).join(),
		).toContain('limit');
	});

	it.each([
		['v23.0', 'id,status,messaging_limit_tier', []],
		['v26.0', 'id,status,whatsapp_business_manager_messaging_limit', []],
		[
			'v26.0',
			'id,messaging_limit_tier,whatsapp_business_manager_messaging_limit',
			['messaging_limit_tier'],
		],
		[
			'v23.0',
			'id,whatsapp_business_manager_messaging_limit',
			['whatsapp_business_manager_messaging_limit'],
		],
		['v26.0', 'id,favourite_colour', ['favourite_colour']],
	])('on Graph %s, fields=%s is refused for %p', async (version, fields, refused) => {
		const violations = await meta('GET', `/${version}/1234567890/phone_numbers`, {
			query: { fields },
		});
		expect(violations.map((violation) => /fields names (\S+),/.exec(violation)?.[1])).toEqual(
			refused,
		);
	});

	it('refuses an endpoint the package is not meant to call', async () => {
		expect(await meta('DELETE', '/v26.0/1234567890')).toEqual([
			'DELETE /v26.0/1234567890: not an operation of the meta contract that the package calls',
		]);
	});

	it.each([
		[
			'a status in no list of Meta',
			{ data: [{ id: '1', display_phone_number: '+1 415-555-0100', status: 'SLEEPING' }] },
			'status',
		],
		[
			'a tier Meta does not have',
			{
				data: [
					{
						id: '1',
						display_phone_number: '+1 415-555-0100',
						status: 'CONNECTED',
						messaging_limit_tier: 'TIER_3K',
					},
				],
			},
			'messaging_limit_tier',
		],
		['no data array', { numbers: [] }, 'data'],
	])('refuses a phone-number list answer with %s', async (_case, body, field) => {
		const violations = await contractViolations(
			'meta',
			request('GET', '/v26.0/1234567890/phone_numbers'),
			{ status: 200, body },
		);
		expect(violations.join()).toContain(field);
	});

	it('refuses an error answer without the envelope Meta documents', async () => {
		const violations = await contractViolations(
			'meta',
			request('GET', '/v26.0/1234567890/phone_numbers'),
			{ status: 400, body: { message: 'Bad request' } },
		);
		expect(violations.join()).toContain('error');
	});
});

describe("Twilio's contract, as the tests apply it", () => {
	const sid = `XE${'a'.repeat(32)}`;

	it('refuses an Update answered 200: the contract answers 202 Accepted', async () => {
		const violations = await contractViolations(
			'twilio',
			request('POST', `/v2/Channels/Senders/${sid}`, { body: { profile: { about: 'Hi' } } }),
			{ status: 200, body: { sid } },
		);
		expect(violations).toEqual([
			`POST /v2/Channels/Senders/${sid} (UpdateChannelsSender) response 200: the contract describes only 202`,
		]);
	});

	it('refuses a sender whose status is not in the enum', async () => {
		const violations = await contractViolations(
			'twilio',
			request('GET', `/v2/Channels/Senders/${sid}`),
			{ status: 200, body: { sid, status: 'SLEEPING' } },
		);
		expect(violations.join()).toContain('status');
	});

	it('leaves an error status the contract does not describe unchecked (Twilio documents no error bodies)', async () => {
		expect(
			await contractViolations('twilio', request('GET', `/v2/Channels/Senders/${sid}`), {
				status: 404,
				body: { code: 20404 },
			}),
		).toEqual([]);
	});
});

describe("YCloud's contract, as the tests apply it", () => {
	const number = '/v2/whatsapp/phoneNumbers/102290129340398/%2B16315551111';
	const ycloud = async (...args: Parameters<typeof request>) =>
		await contractViolations('ycloud', request(...args));

	it('accepts the listing the way the package sends it', async () => {
		expect(
			await ycloud('GET', '/v2/whatsapp/phoneNumbers', {
				query: { page: '1', limit: '100', includeTotal: 'true' },
			}),
		).toEqual([]);
	});

	it('refuses a page of 101 numbers', async () => {
		expect(
			(
				await ycloud('GET', '/v2/whatsapp/phoneNumbers', { query: { page: '1', limit: '101' } })
			).join(),
		).toContain('limit');
	});

	it.each([
		['an empty about', { about: '' }, 'about'],
		[
			'three websites',
			{ websites: ['https://a.example', 'https://b.example', 'https://c.example'] },
			'websites',
		],
		['a vertical outside the enum', { vertical: 'NOT_A_BIZ' }, 'vertical'],
	])('refuses a profile update with %s', async (_case, body, field) => {
		expect((await ycloud('PATCH', `${number}/profile`, { body })).join()).toContain(field);
	});

	it('accepts an empty vertical, which YCloud describes beside its enum', async () => {
		expect(await ycloud('PATCH', `${number}/profile`, { body: { vertical: '' } })).toEqual([]);
	});

	it('refuses a display name of two characters', async () => {
		expect(
			(await ycloud('PATCH', `${number}/displayName`, { body: { newName: 'Ab' } })).join(),
		).toContain('newName');
	});

	it('refuses an endpoint the package is not meant to call', async () => {
		expect(await ycloud('POST', `${number}/register`)).toEqual([
			`POST ${number}/register: not an operation of the ycloud contract that the package calls`,
		]);
	});

	it('refuses a phone-number answer whose status is not in the enum', async () => {
		const violations = await contractViolations('ycloud', request('GET', number), {
			status: 200,
			body: { phoneNumber: '+16315551111', status: 'SLEEPING' },
		});
		expect(violations.join()).toContain('status');
	});

	it("refuses a not-found answer without YCloud's error envelope", async () => {
		const violations = await contractViolations('ycloud', request('GET', number), {
			status: 404,
			body: { message: 'Not found' },
		});
		expect(violations.join()).toContain('error');
	});
});

describe("Sinch's contract, as the tests apply it", () => {
	const project = '/v1/projects/ea026751-3edf-40a9-ad93-1b382bd60a78/whatsapp';
	const sender = `${project}/senders/cf11794a-6a5e-4a12-b103-da79bd378bf1`;
	const sinch = async (...args: Parameters<typeof request>) =>
		await contractViolations('sinch', request(...args));
	const answer = async (
		method: string,
		path: string,
		status: number,
		body: unknown,
		options: Parameters<typeof request>[2] = {},
	) => await contractViolations('sinch', request(method, path, options), { status, body });
	/** A sender as Sinch's WhatsappSenderDto requires it, the properties the excerpt leaves out given as the list example shows them. */
	const listed = {
		id: 'cf11794a-6a5e-4a12-b103-da79bd378bf1',
		state: 'ACTIVE',
		region: 'EU',
		metaLocalStorage: 'DE',
		cloudApi: true,
		businessManager: 'SINCH_UK',
		compatibleRegions: ['eu'],
	};
	const account = {
		isEmbeddedSignup: false,
		businessManager: 'SINCH_UK',
		wabaMaxPriceOnboarded: false,
		compatibleRegions: ['eu'],
	};

	it.each([
		['the account read', 'GET', project, {}],
		[
			'a listing page',
			'GET',
			`${project}/senders`,
			{ query: { pageSize: '100', pageToken: 'eyJvZmZzZXQiOjEwMH0' } },
		],
		['a sender read', 'GET', sender, {}],
		[
			'a profile update',
			'PATCH',
			sender,
			{
				body: {
					status: 'SUBMIT',
					details: {
						about: 'Open 9-17',
						email: 'help@acme.example',
						vertical: 'SHOPPING_AND_RETAIL',
						websiteOne: 'https://acme.example',
					},
				},
			},
		],
		['a register by voice', 'POST', `${sender}/register`, { body: { method: 'VOICE' } }],
		['a verify with a code', 'POST', `${sender}/verify`, { body: { code: '123456' } }],
		[
			'a verify without a code (a number Meta has verified)',
			'POST',
			`${sender}/verify`,
			{ body: {} },
		],
		['a delete', 'DELETE', sender, {}],
		['a discard of pending changes', 'DELETE', `${sender}/changes`, {}],
	] as const)('accepts %s the way the package sends it', async (_case, method, path, options) => {
		expect(await sinch(method, path, options)).toEqual([]);
	});

	it.each([
		['a page of 101 senders', { pageSize: '101' }, 'pageSize'],
		['a page of 0 senders', { pageSize: '0' }, 'pageSize'],
		['a state filter outside the enum', { filterStates: 'SLEEPING' }, 'filterStates'],
	])('refuses a listing with %s', async (_case, query, field) => {
		expect((await sinch('GET', `${project}/senders`, { query })).join()).toContain(field);
	});

	it.each([
		['a method outside SMS/VOICE', { method: 'EMAIL' }, 'method'],
		['no method', {}, 'method'],
	])('refuses a register with %s', async (_case, body, field) => {
		expect((await sinch('POST', `${sender}/register`, { body })).join()).toContain(field);
	});

	it.each([
		['5 characters', '12345'],
		['7 characters', '1234567'],
		['a space', '123 56'],
	])(
		'refuses a verify code of %s (the otp format: "exactly 6 characters with no spaces")',
		async (_case, code) => {
			expect((await sinch('POST', `${sender}/verify`, { body: { code } })).join()).toContain(
				'code',
			);
		},
	);

	it.each([
		["Meta's vertical code", { vertical: 'RETAIL' }, 'vertical'],
		['an about of 140 characters', { about: 'x'.repeat(140) }, 'about'],
		['an empty about', { about: '' }, 'about'],
		['a description of 513 characters', { description: 'x'.repeat(513) }, 'description'],
		['an address of 257 characters', { address: 'x'.repeat(257) }, 'address'],
		['an email that is not one', { email: 'help at acme' }, 'email'],
		['a website that is not a URL', { websiteOne: 'acme dot example' }, 'websiteOne'],
		['a display name of 129 characters', { displayName: 'x'.repeat(129) }, 'displayName'],
	])('refuses a profile update with %s', async (_case, details, field) => {
		expect(
			(await sinch('PATCH', sender, { body: { status: 'SUBMIT', details } })).join(),
		).toContain(field);
	});

	it('refuses an update status other than DRAFT or SUBMIT', async () => {
		expect(
			(
				await sinch('PATCH', sender, { body: { status: 'PUBLISH', details: { about: 'Hi' } } })
			).join(),
		).toContain('status');
	});

	it('accepts a profile field sent as null, which Sinch reads as "delete it"', async () => {
		expect(
			await sinch('PATCH', sender, { body: { details: { websiteTwo: null, description: null } } }),
		).toEqual([]);
	});

	it('refuses an endpoint the package does not call (create)', async () => {
		expect(await sinch('POST', `${project}/senders`, { body: {} })).toEqual([
			`POST ${project}/senders: not an operation of the sinch contract that the package calls`,
		]);
	});

	it("leaves the token endpoint unchecked: it is auth.sinch.com's, which the excerpts do not describe", async () => {
		expect(await sinch('POST', '/oauth2/token', { body: 'grant_type=client_credentials' })).toEqual(
			[],
		);
	});

	it('accepts answers that follow the excerpts', async () => {
		expect(
			await answer('GET', `${project}/senders`, 200, {
				totalSize: 1,
				pageSize: 100,
				senders: [listed],
			}),
		).toEqual([]);
		expect(
			await answer('GET', project, 200, {
				...account,
				state: 'ONBOARDED',
				businessDailyLimit: 'NOT_SET',
				wabaBanState: 'DISABLE',
			}),
		).toEqual([]);
		expect(await answer('DELETE', sender, 204, undefined)).toEqual([]);
	});

	it.each([
		['a sender state outside the enum', { ...listed, state: 'SLEEPING' }, 'state'],
		['a quality rating outside the enum', { ...listed, qualityRating: 'BLUE' }, 'qualityRating'],
		[
			'pending changes with a status outside the enum',
			{ ...listed, changes: { status: 'SUBMIT' } },
			'status',
		],
		['pending changes without a status', { ...listed, changes: { errorReason: 'x' } }, 'status'],
		['no region', { ...listed, region: undefined }, 'region'],
		['no compatibleRegions', { ...listed, compatibleRegions: undefined }, 'compatibleRegions'],
	])('refuses a listing answer with %s', async (_case, listedSender, field) => {
		expect(
			(
				await answer('GET', `${project}/senders`, 200, {
					totalSize: 1,
					pageSize: 100,
					senders: [JSON.parse(JSON.stringify(listedSender))],
				})
			).join(),
		).toContain(field);
	});

	it('refuses a listing answer without totalSize', async () => {
		expect(
			(await answer('GET', `${project}/senders`, 200, { pageSize: 100, senders: [] })).join(),
		).toContain('totalSize');
	});

	it.each([
		[
			"Meta's TIER_NOT_SET as the daily limit (Sinch's word is NOT_SET)",
			{ ...account, businessDailyLimit: 'TIER_NOT_SET' },
			'businessDailyLimit',
		],
		['a ban state outside the enum', { ...account, wabaBanState: 'BANNED' }, 'wabaBanState'],
		[
			'no wabaMaxPriceOnboarded',
			{ ...account, wabaMaxPriceOnboarded: undefined },
			'wabaMaxPriceOnboarded',
		],
	])('refuses an account answer with %s', async (_case, body, field) => {
		expect((await answer('GET', project, 200, JSON.parse(JSON.stringify(body)))).join()).toContain(
			field,
		);
	});

	it('refuses a register answer without verificationCodeSent', async () => {
		const violations = await answer(
			'POST',
			`${sender}/register`,
			200,
			{ id: listed.id, method: 'SMS', accepted: '2026-12-07T08:00:00Z' },
			{ body: { method: 'SMS' } },
		);
		expect(violations.join()).toContain('verificationCodeSent');
	});

	it('refuses a verify answered 200: the excerpt describes only 204 and 409', async () => {
		const violations = await answer(
			'POST',
			`${sender}/verify`,
			200,
			{},
			{ body: { code: '123456' } },
		);
		expect(violations).toEqual([
			`POST ${sender}/verify (WhatsappSendersController_verify_v1) response 200: the contract describes only 204, 409`,
		]);
	});

	it.each([
		[
			'no errorCode',
			{ message: 'Sender not found.', resolution: 'Verify that the parameters are correct.' },
			'errorCode',
		],
		[
			'no resolution',
			{ errorCode: 'sender_not_found', message: 'Sender not found.' },
			'resolution',
		],
	])('refuses an error answer with %s', async (_case, body, field) => {
		expect((await answer('GET', sender, 404, body)).join()).toContain(field);
	});

	it('refuses a 429 on register without the PAPI error body', async () => {
		expect(
			(
				await answer(
					'POST',
					`${sender}/register`,
					429,
					{ message: 'Too many requests' },
					{ body: { method: 'SMS' } },
				)
			).join(),
		).toContain('errorCode');
	});

	it('leaves the answers to a discard of pending changes unchecked: the excerpt gives that operation no responses', async () => {
		expect(await answer('DELETE', `${sender}/changes`, 200, { anything: true })).toEqual([]);
		expect(await answer('DELETE', `${sender}/changes`, 204, undefined)).toEqual([]);
	});
});
