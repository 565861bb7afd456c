import { runSendersNode, searchSendersList } from '../harness/n8nHarness';
import { MetaSimulator } from '../simulators/meta';
import { senderById as byId } from '../support/twilioAccount';

/**
 * Version 2 (new nodes): the resource is the provider; there is no `provider` parameter. A node
 * as the node panel or an AI builder leaves it (resource + operation) runs the
 * chosen provider's operation; version 1 parameters still run on version 1.
 */

const ACCESS_TOKEN = 'meta-test-system-user-token';
const WABA_ID = '102290129340398';
let meta: MetaSimulator;

beforeEach(async () => {
	meta = new MetaSimulator(ACCESS_TOKEN, WABA_ID);
	await meta.start();
});
afterEach(() => meta.stop());

const credentials = () => ({
	metaWhatsAppCloudApi: {
		accessToken: ACCESS_TOKEN,
		wabaId: WABA_ID,
		graphApiVersion: 'v26.0',
		baseUrl: meta.baseUrl,
	},
});

describe('WhatsApp Senders version 2', () => {
	it('runs a Meta-only operation from resource + operation alone', async () => {
		const [number] = meta.addNumbers({
			phoneNumber: '+14155550100',
			status: 'PENDING',
			codeVerificationStatus: 'NOT_VERIFIED',
		});
		const { items, error } = await runSendersNode({
			typeVersion: 2,
			parameters: {
				resource: 'metaCloud',
				operation: 'requestCode',
				senderId: byId(number.id),
				codeMethod: 'sms',
				language: 'en_US',
			},
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({
			provider: 'metaCloud',
			id: number.id,
			codeRequested: true,
			codeMethod: 'SMS',
			language: 'en_US',
		});
	});

	it('lists with the fields of version 1 (Return All, Limit)', async () => {
		meta.addNumbers({ phoneNumber: '+14155550100' }, { phoneNumber: '+14155550101' });
		const { items, error } = await runSendersNode({
			typeVersion: 2,
			parameters: { resource: 'metaCloud', operation: 'list', returnAll: false, limit: 1 },
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ provider: 'metaCloud', phoneNumber: '+14155550100' });
	});

	it("searches the chosen provider's senders for the Sender list", async () => {
		meta.addNumbers({ phoneNumber: '+14155550100', verifiedName: 'Acme' });
		const found = await searchSendersList({
			typeVersion: 2,
			parameters: { resource: 'metaCloud', operation: 'get' },
			credentials: credentials(),
		});
		expect(found.results.map((result) => result.name)).toEqual([
			expect.stringContaining('+14155550100'),
		]);
	});

	it('goes by the resource even if a `provider` value is left in the parameters', async () => {
		meta.addNumbers({ phoneNumber: '+14155550100' });
		const { items, error } = await runSendersNode({
			typeVersion: 2,
			parameters: { resource: 'metaCloud', provider: 'twilio', operation: 'list', returnAll: true },
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ provider: 'metaCloud' });
	});

	it.each([1, 2])(
		'version %i refuses to run, naming both providers, when its credential belongs to another provider',
		async (typeVersion) => {
			const { items, error } = await runSendersNode({
				typeVersion,
				parameters: {
					...(typeVersion === 1
						? { provider: 'twilio', resource: 'sender' }
						: { resource: 'twilio' }),
					operation: 'list',
					returnAll: true,
				},
				credentials: credentials(),
			});
			expect(items).toEqual([]);
			expect(error?.message).toBe(
				'This node is set to Twilio, but its credential "metaWhatsAppCloudApi" is a Meta WhatsApp Cloud API credential',
			);
			expect(meta.server.requests).toHaveLength(0);
		},
	);

	it('still runs version 1 parameters on version 1', async () => {
		meta.addNumbers({ phoneNumber: '+14155550100' });
		const { items, error } = await runSendersNode({
			parameters: { provider: 'metaCloud', resource: 'sender', operation: 'list', returnAll: true },
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
	});
});
