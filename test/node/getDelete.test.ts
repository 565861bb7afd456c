import { runSendersNode, searchSendersList } from '../harness/n8nHarness';
import { twilioSid, type TwilioSender } from '../simulators/twilio';
import { senderById as byId, useTwilioAccount } from '../support/twilioAccount';

const { twilio, accountSid: ACCOUNT_SID, credentials } = useTwilioAccount('get-delete-test-token');
let senders: TwilioSender[];

beforeEach(() => {
	senders = twilio.addSenders(
		ACCOUNT_SID,
		{
			phoneNumber: '+14155550100',
			displayName: 'Acme Support',
			status: 'OFFLINE',
			offlineReasons: [{ code: '63111', message: 'WABA not found' }],
		},
		{ phoneNumber: '+4930123456', displayName: 'Acme Berlin' },
	);
});

describe('Get a Twilio sender', () => {
	it('returns the normalized sender with its offline reasons', async () => {
		const { items, error } = await runSendersNode({
			parameters: {
				provider: 'twilio',
				resource: 'sender',
				operation: 'get',
				senderId: byId(senders[0].sid),
			},
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([
			expect.objectContaining({
				id: senders[0].sid,
				phoneNumber: '+14155550100',
				status: 'OFFLINE',
				offlineReasons: [{ code: '63111', message: 'WABA not found', moreInfo: null }],
			}),
		]);
	});

	it('takes the sender from its resource URL', async () => {
		const { items } = await runSendersNode({
			parameters: {
				provider: 'twilio',
				resource: 'sender',
				operation: 'get',
				senderId: {
					__rl: true,
					mode: 'url',
					value: `https://messaging.twilio.com/v2/Channels/Senders/${senders[1].sid}`,
				},
			},
			credentials: credentials(),
		});
		expect(items[0].json).toMatchObject({ id: senders[1].sid, displayName: 'Acme Berlin' });
	});

	it("says Twilio's 404 in Twilio's words", async () => {
		const missing = twilioSid('XE');
		const { error } = await runSendersNode({
			parameters: {
				provider: 'twilio',
				resource: 'sender',
				operation: 'get',
				senderId: byId(missing),
			},
			credentials: credentials(),
		});
		expect(error?.message).toBe(
			`Twilio error code 20404: The requested resource /v2/Channels/Senders/${missing} was not found`,
		);
	});

	it.each([
		[
			'={{ $json.missing ?? "" }}',
			'Invalid "Sender" in item 0: is empty; choose a sender from the list or give its ID',
		],
		[
			'={{ "XE123" }}',
			'Invalid "Sender" in item 0: "XE123" is not a Twilio sender ID (like XE0123456789abcdef0123456789abcdef)',
		],
		[
			'={{ "+14155550100" }}',
			'Invalid "Sender" in item 0: "+14155550100" is not a Twilio sender ID (like XE0123456789abcdef0123456789abcdef)',
		],
		[
			'={{ "XE0123456789abcdef0123456789abcdeg" }}',
			'Invalid "Sender" in item 0: "XE0123456789abcdef0123456789abcdeg" is not a Twilio sender ID (like XE0123456789abcdef0123456789abcdef)',
		],
	])('refuses the sender ID from the expression %p before any request', async (value, message) => {
		const { error } = await runSendersNode({
			parameters: {
				provider: 'twilio',
				resource: 'sender',
				operation: 'get',
				senderId: byId(value),
			},
			credentials: credentials(),
		});
		expect(error?.message).toBe(message);
		expect(twilio.server.requests).toHaveLength(0);
	});

	it('lets n8n itself flag a typed sender ID of the wrong form, so nothing runs', async () => {
		await expect(
			runSendersNode({
				parameters: {
					provider: 'twilio',
					resource: 'sender',
					operation: 'get',
					senderId: byId('XE123'),
				},
				credentials: credentials(),
			}),
		).rejects.toThrow('The workflow has issues');
		expect(twilio.server.requests).toHaveLength(0);
	});

	it('is not offered for Autocalls, whose API has no such endpoint', async () => {
		const { error } = await runSendersNode({
			parameters: {
				provider: 'autocalls',
				resource: 'sender',
				operation: 'get',
				senderId: byId('12'),
			},
			credentials: { autocallsApi: { apiKey: 'k', baseUrl: 'http://127.0.0.1:9/api' } },
		});
		expect(error?.message).toBe(
			'Invalid "Operation" in item 0: Autocalls does not support "get"; it supports: list',
		);
	});
});

describe('Delete a Twilio sender', () => {
	it('deletes it and says so; a Get afterwards is a 404', async () => {
		const { items } = await runSendersNode({
			parameters: {
				provider: 'twilio',
				resource: 'sender',
				operation: 'delete',
				senderId: byId(senders[0].sid),
			},
			credentials: credentials(),
		});
		expect(items.map((item) => item.json)).toEqual([{ deleted: true, id: senders[0].sid }]);
		expect(twilio.server.requests.map((r) => r.method)).toEqual(['DELETE']);
		const after = await runSendersNode({
			parameters: {
				provider: 'twilio',
				resource: 'sender',
				operation: 'get',
				senderId: byId(senders[0].sid),
			},
			credentials: credentials(),
		});
		expect(after.error?.message).toContain('20404');
	});
});

describe('Sender list search', () => {
	it('offers every sender as "number · name · status", filtered by what the user types', async () => {
		const all = await searchSendersList({
			parameters: { provider: 'twilio' },
			credentials: credentials(),
		});
		expect(all.results).toHaveLength(2);
		const found = await searchSendersList({
			parameters: { provider: 'twilio' },
			credentials: credentials(),
			filter: 'berlin',
		});
		expect(found.results).toEqual([
			{ name: '+4930123456 · Acme Berlin · ONLINE', value: senders[1].sid },
		]);
		const byNumber = await searchSendersList({
			parameters: { provider: 'twilio' },
			credentials: credentials(),
			filter: '+1 415 555',
		});
		expect(byNumber.results.map((r) => r.value)).toEqual([senders[0].sid]);
	});
});
