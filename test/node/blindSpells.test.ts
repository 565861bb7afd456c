import type { IDataObject } from 'n8n-workflow';

import { pollSendersTrigger } from '../harness/n8nHarness';
import { TwilioSimulator, twilioSid } from '../simulators/twilio';

/**
 * Which failures are one blind spell, told once: n8n's `sleep` is shortened here, so polls
 * that exhaust their retries (an outage answering 502s, then 503s) take no real time.
 */

jest.mock('n8n-workflow', () => {
	const actual = jest.requireActual('n8n-workflow');
	return { ...actual, sleep: async () => await actual.sleep(1) };
});

const ACCOUNT_SID = twilioSid('AC');
const AUTH_TOKEN = 'blind-spell-token';
const twilio = new TwilioSimulator();
const credentials = () => ({
	twilioSendersApi: {
		authType: 'authToken',
		accountSid: ACCOUNT_SID,
		authToken: AUTH_TOKEN,
		baseUrl: twilio.baseUrl,
	},
});
const failing = (status: number) =>
	Array.from({ length: 5 }, () => ({
		status,
		body: { code: 20500, message: 'Service unavailable', status },
	}));

beforeAll(async () => {
	await twilio.start();
	twilio.addAccount(ACCOUNT_SID, AUTH_TOKEN);
	twilio.addSenders(ACCOUNT_SID, { phoneNumber: '+14155550100' });
});
afterAll(() => twilio.stop());

describe('blind spells', () => {
	it('tells an outage once, also when it answers 502 on one poll and 503 on the next', async () => {
		const staticData: IDataObject = {};
		const poll = async () =>
			await pollSendersTrigger({
				parameters: { provider: 'twilio' },
				credentials: credentials(),
				staticData,
			});
		await poll();
		twilio.server.injectFaults(...failing(502));
		expect((await poll()).error?.message).toMatch(/^Twilio error/);
		twilio.server.injectFaults(...failing(503));
		const second = await poll();
		expect([second.items, second.error]).toEqual([[], undefined]);
	});

	it('tells a pause even after a failure of the same status and code: it says when polling resumes', async () => {
		const staticData: IDataObject = {};
		const poll = async () =>
			await pollSendersTrigger({
				parameters: { provider: 'twilio' },
				credentials: credentials(),
				staticData,
			});
		await poll();
		const tooMany = {
			status: 429,
			body: { code: 20429, message: 'Too Many Requests', status: 429 },
		};
		twilio.server.injectFaults(...Array.from({ length: 5 }, () => tooMany));
		expect((await poll()).error?.message).toBe('Twilio error code 20429: Too Many Requests');
		twilio.server.injectFaults({ ...tooMany, headers: { 'Retry-After': '3600' } });
		expect((await poll()).error?.message).toMatch(
			/^Twilio asked for no requests until \S+Z: polling resumes then$/,
		);
	});

	it("keeps the pause a new account asks for during the old account's blind spell: the next poll sends nothing", async () => {
		const otherSid = twilioSid('AC');
		twilio.addAccount(otherSid, AUTH_TOKEN);
		const staticData: IDataObject = {};
		const poll = async (accountSid: string) =>
			await pollSendersTrigger({
				parameters: { provider: 'twilio' },
				credentials: { twilioSendersApi: { ...credentials().twilioSendersApi, accountSid } },
				staticData,
			});
		await poll(ACCOUNT_SID);
		twilio.server.injectFaults(...failing(503));
		expect((await poll(ACCOUNT_SID)).error?.message).toMatch(/^Twilio error/);
		// the credential now names another account, which answers with an hour's Retry-After
		twilio.server.injectFaults({
			status: 429,
			body: { code: 20429, message: 'Too Many Requests', status: 429 },
			headers: { 'Retry-After': '3600' },
		});
		expect((await poll(otherSid)).error?.message).toMatch(/asked for no requests until/);
		twilio.server.resetRequests();
		const next = await poll(otherSid);
		expect([next.items, next.error, twilio.server.requests.length]).toEqual([[], undefined, 0]);
	});
});
