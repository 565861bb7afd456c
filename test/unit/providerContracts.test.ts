import type { RecordedRequest } from '../simulators/server';
import { contractViolations } from '../support/providerContracts';

/** The contract check that runs after every test must be able to fail: these exchanges break the contracts. */
function request(method: string, path: string, options: { query?: Record<string, string>; body?: unknown; contentType?: boolean } = {}): RecordedRequest {
	const headers: RecordedRequest['headers'] = { authorization: 'Bearer meta-test-token', accept: 'application/json' };
	if (options.body !== undefined || options.contentType) headers['content-type'] = 'application/json';
	return { method, path, query: options.query ?? {}, headers, body: options.body === undefined ? '' : JSON.stringify(options.body), at: 0 };
}

const meta = async (...args: Parameters<typeof request>) => await contractViolations('meta', request(...args));

describe("Meta's contract, as the tests apply it", () => {
	it('accepts a request_code the way the package sends it', async () => {
		expect(await meta('POST', '/v26.0/1234567890/request_code', { body: { code_method: 'SMS', language: 'en_US' } })).toEqual([]);
	});

	it.each([
		['a language without its country', { code_method: 'SMS', language: 'en' }, 'language'],
		['a code method outside SMS/VOICE', { code_method: 'EMAIL', language: 'en_US' }, 'code_method'],
	])('refuses a request_code with %s', async (_case, body, field) => {
		expect((await meta('POST', '/v26.0/1234567890/request_code', { body })).join()).toContain(field);
	});

	it.each([
		['a vertical that is not in the enum', { messaging_product: 'whatsapp', vertical: 'NOT_A_BIZ' }, 'vertical'],
		['a description of 257 characters', { messaging_product: 'whatsapp', description: 'x'.repeat(257) }, 'description'],
		['three websites', { messaging_product: 'whatsapp', websites: ['https://a.example', 'https://b.example', 'https://c.example'] }, 'websites'],
		['no messaging_product', { about: 'Hi' }, 'messaging_product'],
	])('refuses a profile update with %s', async (_case, body, field) => {
		expect((await meta('POST', '/v26.0/1234567890/whatsapp_business_profile', { body })).join()).toContain(field);
	});

	it('refuses a register without a 6-digit PIN', async () => {
		expect((await meta('POST', '/v26.0/1234567890/register', { body: { messaging_product: 'whatsapp', pin: '12345' } })).join()).toContain('pin');
	});

	it('refuses a list page over 100', async () => {
		expect((await meta('GET', '/v26.0/1234567890/phone_numbers', { query: { limit: '101' } })).join()).toContain('limit');
	});

	it.each([
		['v23.0', 'id,status,messaging_limit_tier', []],
		['v26.0', 'id,status,whatsapp_business_manager_messaging_limit', []],
		['v26.0', 'id,messaging_limit_tier,whatsapp_business_manager_messaging_limit', ['messaging_limit_tier']],
		['v23.0', 'id,whatsapp_business_manager_messaging_limit', ['whatsapp_business_manager_messaging_limit']],
		['v26.0', 'id,favourite_colour', ['favourite_colour']],
	])('on Graph %s, fields=%s is refused for %p', async (version, fields, refused) => {
		const violations = await meta('GET', `/${version}/1234567890/phone_numbers`, { query: { fields } });
		expect(violations.map((violation) => /fields names (\S+),/.exec(violation)?.[1])).toEqual(refused);
	});

	it('refuses an endpoint the package is not meant to call', async () => {
		expect(await meta('DELETE', '/v26.0/1234567890')).toEqual(['DELETE /v26.0/1234567890: not an operation of the meta contract that the package calls']);
	});

	it.each([
		['a status in no list of Meta', { data: [{ id: '1', display_phone_number: '+1 415-555-0100', status: 'SLEEPING' }] }, 'status'],
		['a tier Meta does not have', { data: [{ id: '1', display_phone_number: '+1 415-555-0100', status: 'CONNECTED', messaging_limit_tier: 'TIER_3K' }] }, 'messaging_limit_tier'],
		['no data array', { numbers: [] }, 'data'],
	])('refuses a phone-number list answer with %s', async (_case, body, field) => {
		const violations = await contractViolations('meta', request('GET', '/v26.0/1234567890/phone_numbers'), { status: 200, body });
		expect(violations.join()).toContain(field);
	});

	it('refuses an error answer without the envelope Meta documents', async () => {
		const violations = await contractViolations('meta', request('GET', '/v26.0/1234567890/phone_numbers'), { status: 400, body: { message: 'Bad request' } });
		expect(violations.join()).toContain('error');
	});
});

describe("Twilio's contract, as the tests apply it", () => {
	const sid = `XE${'a'.repeat(32)}`;

	it('refuses an Update answered 200: the contract answers 202 Accepted', async () => {
		const violations = await contractViolations('twilio', request('POST', `/v2/Channels/Senders/${sid}`, { body: { profile: { about: 'Hi' } } }), { status: 200, body: { sid } });
		expect(violations).toEqual([`POST /v2/Channels/Senders/${sid} (UpdateChannelsSender) response 200: the contract describes only 202`]);
	});

	it('refuses a sender whose status is not in the enum', async () => {
		const violations = await contractViolations('twilio', request('GET', `/v2/Channels/Senders/${sid}`), { status: 200, body: { sid, status: 'SLEEPING' } });
		expect(violations.join()).toContain('status');
	});

	it('leaves an error status the contract does not describe unchecked (Twilio documents no error bodies)', async () => {
		expect(await contractViolations('twilio', request('GET', `/v2/Channels/Senders/${sid}`), { status: 404, body: { code: 20404 } })).toEqual([]);
	});
});

describe("YCloud's contract, as the tests apply it", () => {
	const number = '/v2/whatsapp/phoneNumbers/102290129340398/%2B16315551111';
	const ycloud = async (...args: Parameters<typeof request>) => await contractViolations('ycloud', request(...args));

	it('accepts the listing the way the package sends it', async () => {
		expect(await ycloud('GET', '/v2/whatsapp/phoneNumbers', { query: { page: '1', limit: '100', includeTotal: 'true' } })).toEqual([]);
	});

	it('refuses a page of 101 numbers', async () => {
		expect((await ycloud('GET', '/v2/whatsapp/phoneNumbers', { query: { page: '1', limit: '101' } })).join()).toContain('limit');
	});

	it.each([
		['an empty about', { about: '' }, 'about'],
		['three websites', { websites: ['https://a.example', 'https://b.example', 'https://c.example'] }, 'websites'],
		['a vertical outside the enum', { vertical: 'NOT_A_BIZ' }, 'vertical'],
	])('refuses a profile update with %s', async (_case, body, field) => {
		expect((await ycloud('PATCH', `${number}/profile`, { body })).join()).toContain(field);
	});

	it('accepts an empty vertical, which YCloud describes beside its enum', async () => {
		expect(await ycloud('PATCH', `${number}/profile`, { body: { vertical: '' } })).toEqual([]);
	});

	it('refuses a display name of two characters', async () => {
		expect((await ycloud('PATCH', `${number}/displayName`, { body: { newName: 'Ab' } })).join()).toContain('newName');
	});

	it('refuses an endpoint the package is not meant to call', async () => {
		expect(await ycloud('POST', `${number}/register`)).toEqual([`POST ${number}/register: not an operation of the ycloud contract that the package calls`]);
	});

	it('refuses a phone-number answer whose status is not in the enum', async () => {
		const violations = await contractViolations('ycloud', request('GET', number), { status: 200, body: { phoneNumber: '+16315551111', status: 'SLEEPING' } });
		expect(violations.join()).toContain('status');
	});

	it("refuses a not-found answer without YCloud's error envelope", async () => {
		const violations = await contractViolations('ycloud', request('GET', number), { status: 404, body: { message: 'Not found' } });
		expect(violations.join()).toContain('error');
	});
});
