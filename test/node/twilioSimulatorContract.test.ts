import { contractViolations } from '../support/providerContracts';
import { TwilioSimulator, twilioSid } from '../simulators/twilio';

/**
 * The simulator must refuse what Twilio refuses, or the node tests prove little. The first
 * cases are checked against Twilio's own OpenAPI contract (test/support/providerContracts.ts);
 * the contract leaves the others open, so those are the simulator's own rules, written by
 * hand. These requests break the rules on purpose, so the after-each contract check is off
 * for this simulator.
 */
const ACCOUNT_SID = twilioSid('AC');
const AUTH_TOKEN = 'contract-test-token';
const twilio = new TwilioSimulator();
twilio.contract = undefined;

const AUTHORIZATION = `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`;
const SENDERS = '/v2/Channels/Senders';

/** Sends a request to the simulator: its answer, and what Twilio's contract finds wrong with the request. */
async function send(
	method: 'GET' | 'POST',
	pathAndQuery: string,
	body?: unknown,
	contentType = 'application/json',
) {
	const response = await fetch(`${twilio.baseUrl}${pathAndQuery}`, {
		method,
		headers: {
			Authorization: AUTHORIZATION,
			...(body !== undefined && { 'Content-Type': contentType }),
		},
		body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
	});
	const answer = {
		status: response.status,
		body: (await response.json()) as Record<string, unknown>,
	};
	const request = twilio.server.requests[twilio.server.requests.length - 1];
	return {
		...answer,
		request,
		contractRefuses: (await contractViolations('twilio', request)).join('\n'),
	};
}

beforeAll(async () => {
	await twilio.start();
	twilio.addAccount(ACCOUNT_SID, AUTH_TOKEN);
});
afterAll(() => twilio.stop());

describe("Twilio simulator refuses what Twilio's contract refuses", () => {
	it.each([
		['a create with no sender_id', 'POST', SENDERS, {}, 400, "required property 'sender_id'"],
		[
			'a create with a verification method outside sms/voice',
			'POST',
			SENDERS,
			{ sender_id: 'whatsapp:+14155550100', configuration: { verification_method: 'email' } },
			400,
			'verification_method',
		],
		[
			'a create with a webhook method outside POST/PUT',
			'POST',
			SENDERS,
			{ sender_id: 'whatsapp:+14155550100', webhook: { callback_method: 'GET' } },
			400,
			'callback_method',
		],
		['a list without Channel', 'GET', SENDERS, undefined, 400, "required property 'Channel'"],
		[
			'a list page over 1000',
			'GET',
			`${SENDERS}?Channel=whatsapp&PageSize=1001`,
			undefined,
			400,
			'PageSize must be <= 1000',
		],
	] as const)(
		'refuses %s, and the contract refuses it for the same reason',
		async (_case, method, path, body, status, reason) => {
			const answer = await send(method, path, body);
			expect(answer.status).toBe(status);
			expect(answer.contractRefuses).toContain(reason);
			// the simulator names the same field
			expect(String(answer.body.message)).toContain(
				reason.replace(/^required property '(\w+)'$/, '$1').split(' ')[0],
			);
		},
	);

	it('refuses a create whose body is not JSON, and the contract refuses it too', async () => {
		const answer = await send(
			'POST',
			SENDERS,
			'sender_id=whatsapp:+1',
			'application/x-www-form-urlencoded',
		);
		expect(answer.status).toBe(415);
		expect(answer.contractRefuses).toContain('is not valid JSON');
	});

	it('accepts a create that follows the contract, answering 202 CREATING as the contract describes', async () => {
		const answer = await send('POST', SENDERS, {
			sender_id: 'whatsapp:+14155550100',
			configuration: { waba_id: '123456', verification_method: 'voice' },
			profile: {
				name: 'Acme',
				vertical: 'Automotive',
				emails: [{ email: 'a@acme.example', label: 'Email' }],
			},
		});
		expect(answer.status).toBe(202);
		expect(answer.body).toMatchObject({ status: 'CREATING', sender_id: 'whatsapp:+14155550100' });
		expect(
			await contractViolations('twilio', answer.request, {
				status: answer.status,
				body: answer.body,
			}),
		).toEqual([]);
	});
});

describe('Twilio simulator, where the contract is silent: rules written by hand', () => {
	// sender_id is free text in the contract, but Twilio's docs give it as whatsapp:<E.164> and
	// 63100 as a validation error; the contract lists the verticals only in words. Unknown fields
	// and emails that are not an array are refused so that a field the node misspells fails the
	// node tests instead of being dropped unnoticed. Should the contract ever refuse one of
	// these, the case belongs in the describe above.
	it.each([
		['a sender_id without the whatsapp: prefix', { sender_id: '+14155550100' }, 63100],
		[
			'an unknown top-level field',
			{ sender_id: 'whatsapp:+14155550100', channel: 'whatsapp' },
			20001,
		],
		[
			'an unknown profile field',
			{ sender_id: 'whatsapp:+14155550100', profile: { slogan: 'x' } },
			20001,
		],
		[
			'a vertical outside the list',
			{ sender_id: 'whatsapp:+14155550100', profile: { vertical: 'Crypto' } },
			63100,
		],
		[
			'emails that are not an array',
			{ sender_id: 'whatsapp:+14155550100', profile: { emails: 'a@b.example' } },
			20001,
		],
	])('refuses a create with %s, which the contract lets through', async (_case, body, code) => {
		const answer = await send('POST', SENDERS, body);
		expect(answer.status).toBe(400);
		expect(answer.body).toMatchObject({
			code,
			status: 400,
			more_info: `https://www.twilio.com/docs/errors/${code}`,
		});
		expect(answer.contractRefuses).toBe('');
	});
});
