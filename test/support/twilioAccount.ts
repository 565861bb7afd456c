import { TwilioSimulator, twilioSid } from '../simulators/twilio';

/**
 * A running Twilio simulator with one account, started and stopped around a test file,
 * its senders and request log cleared before each test; plus the credential and the
 * resource-locator value the node tests need.
 */
export function useTwilioAccount(authToken: string) {
	const twilio = new TwilioSimulator();
	const accountSid = twilioSid('AC');
	beforeAll(async () => {
		await twilio.start();
		twilio.addAccount(accountSid, authToken);
	});
	afterAll(() => twilio.stop());
	beforeEach(() => {
		twilio.account(accountSid).senders.length = 0;
		twilio.server.resetRequests();
		twilio.server.clearFaults();
	});
	return {
		twilio,
		accountSid,
		credentials: () => ({
			twilioSendersApi: { authType: 'authToken', accountSid, authToken, baseUrl: twilio.baseUrl },
		}),
	};
}

/** The Sender resource locator "By ID". */
export const senderById = (value: string) => ({ __rl: true, mode: 'id', value });
