import { contractViolations } from '../support/providerContracts';
import type { RecordedRequest } from '../simulators/server';
import { TwilioSimulator, twilioSid } from '../simulators/twilio';

/**
 * The simulator must refuse what Twilio's OpenAPI contract refuses, or the node tests prove
 * little. These requests break the contract on purpose, so the after-each contract check is
 * off for this simulator; each case asserts that the contract itself refuses the request too.
 */
const ACCOUNT_SID = twilioSid('AC');
const AUTH_TOKEN = 'contract-test-token';
const twilio = new TwilioSimulator();
twilio.contract = undefined;

const AUTHORIZATION = `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`;

async function contractRefusesLast(): Promise<string[]> {
	const request: RecordedRequest = twilio.server.requests[twilio.server.requests.length - 1];
	return await contractViolations('twilio', request);
}

async function post(path: string, body: unknown, contentType = 'application/json') {
	const response = await fetch(`${twilio.baseUrl}${path}`, {
		method: 'POST',
		headers: { 'Content-Type': contentType, Authorization: AUTHORIZATION },
		body: typeof body === 'string' ? body : JSON.stringify(body),
	});
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

beforeAll(async () => {
	await twilio.start();
	twilio.addAccount(ACCOUNT_SID, AUTH_TOKEN);
});
afterAll(() => twilio.stop());

describe('Twilio simulator follows the contract', () => {
	it.each([
		['no sender_id', {}, 400, 20001],
		['a verification method outside sms/voice', { sender_id: 'whatsapp:+14155550100', configuration: { verification_method: 'email' } }, 400, 20001],
		['a webhook method outside POST/PUT', { sender_id: 'whatsapp:+14155550100', webhook: { callback_method: 'GET' } }, 400, 20001],
	])('refuses a create with %s, as the contract does', async (_case, body, status, code) => {
		const response = await post('/v2/Channels/Senders', body);
		expect(response.status).toBe(status);
		expect(response.body).toMatchObject({ code, status, more_info: `https://www.twilio.com/docs/errors/${code}` });
		expect(await contractRefusesLast()).not.toEqual([]);
	});

	// the contract leaves these open (sender_id is free text, profile has no additionalProperties: false,
	// vertical and emails are described in words); Twilio's docs and error codes say they fail
	it.each([
		['a sender_id without the whatsapp: prefix', { sender_id: '+14155550100' }, 400, 63100],
		['an unknown top-level field', { sender_id: 'whatsapp:+14155550100', channel: 'whatsapp' }, 400, 20001],
		['an unknown profile field', { sender_id: 'whatsapp:+14155550100', profile: { slogan: 'x' } }, 400, 20001],
		['a vertical outside the list', { sender_id: 'whatsapp:+14155550100', profile: { vertical: 'Crypto' } }, 400, 63100],
		['emails that are not an array', { sender_id: 'whatsapp:+14155550100', profile: { emails: 'a@b.example' } }, 400, 20001],
	])('refuses a create with %s, as Twilio documents', async (_case, body, status, code) => {
		const response = await post('/v2/Channels/Senders', body);
		expect(response.status).toBe(status);
		expect(response.body).toMatchObject({ code, status, more_info: `https://www.twilio.com/docs/errors/${code}` });
	});

	it('refuses a body that is not JSON, as the contract does', async () => {
		expect((await post('/v2/Channels/Senders', 'sender_id=whatsapp:+1', 'application/x-www-form-urlencoded')).status).toBe(415);
		expect(await contractRefusesLast()).not.toEqual([]);
	});

	it('refuses a list without Channel and a PageSize over 1000, as the contract does', async () => {
		const noChannel = await fetch(`${twilio.baseUrl}/v2/Channels/Senders`, { headers: { Authorization: AUTHORIZATION } });
		expect(await contractRefusesLast()).not.toEqual([]);
		const tooBig = await fetch(`${twilio.baseUrl}/v2/Channels/Senders?Channel=whatsapp&PageSize=1001`, { headers: { Authorization: AUTHORIZATION } });
		expect(await contractRefusesLast()).not.toEqual([]);
		expect([noChannel.status, tooBig.status]).toEqual([400, 400]);
	});

	it('accepts a create that follows the contract, answering 202 CREATING as the contract describes', async () => {
		const response = await post('/v2/Channels/Senders', {
			sender_id: 'whatsapp:+14155550100',
			configuration: { waba_id: '123456', verification_method: 'voice' },
			profile: { name: 'Acme', vertical: 'Automotive', emails: [{ email: 'a@acme.example', label: 'Email' }] },
		});
		expect(response.status).toBe(202);
		expect(response.body).toMatchObject({ status: 'CREATING', sender_id: 'whatsapp:+14155550100' });
		const request = twilio.server.requests[twilio.server.requests.length - 1];
		expect(await contractViolations('twilio', request, { status: 202, body: response.body })).toEqual([]);
	});
});
