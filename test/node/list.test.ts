import { TwilioSimulator, twilioSid } from '../simulators/twilio';
import { runSendersNode } from '../harness/n8nHarness';

const ACCOUNT_SID = twilioSid('AC');
const AUTH_TOKEN = 'twilio-auth-token-canary';

describe('List senders on Twilio', () => {
	const twilio = new TwilioSimulator();
	const credentials = () => ({
		twilioSendersApi: { authType: 'authToken', accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, baseUrl: twilio.baseUrl },
	});

	beforeAll(async () => {
		await twilio.start();
		twilio.addAccount(ACCOUNT_SID, AUTH_TOKEN);
		twilio.addSenders(ACCOUNT_SID, {
			phoneNumber: '+14155550100',
			displayName: 'Acme Support',
			qualityRating: 'MEDIUM',
			messagingLimit: '10K Customers/24hr',
		});
	});
	afterAll(() => twilio.stop());

	it('outputs one normalized item per sender', async () => {
		const { items, error } = await runSendersNode({
			parameters: { provider: 'twilio', resource: 'sender', operation: 'list', returnAll: true },
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			provider: 'twilio',
			phoneNumber: '+14155550100',
			displayName: 'Acme Support',
			status: 'ONLINE',
			qualityRating: 'YELLOW',
			messagingLimit: 10000,
		});
	});
});

