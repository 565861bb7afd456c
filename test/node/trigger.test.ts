import type { IDataObject } from 'n8n-workflow';

import { pollSendersTrigger, watchedState } from '../harness/n8nHarness';
import { unpackSnapshot } from '../../nodes/WhatsAppSenders/core/snapshot';
import { PlatformSimulator } from '../simulators/platform';
import { TwilioSimulator, twilioSid, type TwilioSender } from '../simulators/twilio';

const ACCOUNT_SID = twilioSid('AC');
const OTHER_ACCOUNT_SID = twilioSid('AC');
const AUTH_TOKEN = 'trigger-test-token';

const twilio = new TwilioSimulator();
let senders: TwilioSender[];
const credentials = (accountSid = ACCOUNT_SID) => ({
	twilioSendersApi: {
		authType: 'authToken',
		accountSid,
		authToken: AUTH_TOKEN,
		baseUrl: twilio.baseUrl,
	},
});
const trigger = (parameters: IDataObject = {}) => ({ provider: 'twilio', ...parameters });
const setQuality = (index: number, rating: string) =>
	twilio.updateSender(ACCOUNT_SID, senders[index].sid, (s) => {
		(s.properties as IDataObject).quality_rating = rating;
	});

beforeAll(async () => {
	await twilio.start();
	twilio.addAccount(ACCOUNT_SID, AUTH_TOKEN);
	twilio.addAccount(OTHER_ACCOUNT_SID, AUTH_TOKEN);
	twilio.addSenders(OTHER_ACCOUNT_SID, { phoneNumber: '+4930000001' });
});
afterAll(() => twilio.stop());
beforeEach(() => {
	twilio.account(ACCOUNT_SID).senders.length = 0;
	senders = twilio.addSenders(
		ACCOUNT_SID,
		{ phoneNumber: '+14155550100', displayName: 'Support', qualityRating: 'HIGH' },
		{
			phoneNumber: '+14155550200',
			displayName: 'Sales',
			qualityRating: 'HIGH',
			messagingLimit: '1K Customers/24hr',
		},
	);
	twilio.server.resetRequests();
});

describe('WhatsApp Senders Trigger polling through n8n-core', () => {
	it('records a baseline on the first poll and emits nothing', async () => {
		const staticData: IDataObject = {};
		const { items, error } = await pollSendersTrigger({
			parameters: trigger(),
			credentials: credentials(),
			staticData,
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
		const state = staticData['node:WhatsApp Senders Trigger'] as IDataObject;
		expect(Object.keys(unpackSnapshot(state.senders as string))).toHaveLength(2);
	});

	it('keeps its state as one packed string, which n8n stores cheaply', async () => {
		const staticData: IDataObject = {};
		await pollSendersTrigger({ parameters: trigger(), credentials: credentials(), staticData });
		const state = staticData['node:WhatsApp Senders Trigger'] as IDataObject;
		expect(typeof state.senders).toBe('string');
		expect(state.senders).toContain(`${senders[0].sid} OG`);
	});

	it('emits one item when a quality turns RED, then nothing on the next poll', async () => {
		const staticData: IDataObject = {};
		await pollSendersTrigger({ parameters: trigger(), credentials: credentials(), staticData });
		setQuality(0, 'LOW');
		const first = await pollSendersTrigger({
			parameters: trigger(),
			credentials: credentials(),
			staticData,
		});
		expect(first.items.map((item) => item.json)).toEqual([
			expect.objectContaining({
				event: 'qualityChanged',
				provider: 'twilio',
				sender: expect.objectContaining({ phoneNumber: '+14155550100', qualityRating: 'RED' }),
				previous: { qualityRating: 'GREEN' },
				changes: ['qualityRating'],
				direction: 'downgrade',
				detectedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
			}),
		]);
		const second = await pollSendersTrigger({
			parameters: trigger(),
			credentials: credentials(),
			staticData,
		});
		expect(second.items).toEqual([]);
	});

	it('fires only for the ratings chosen in "Only When Quality Becomes"', async () => {
		const staticData: IDataObject = {};
		const parameters = trigger({
			events: ['qualityChanged'],
			filters: { qualityBecomes: ['RED'] },
		});
		await pollSendersTrigger({ parameters, credentials: credentials(), staticData });
		setQuality(0, 'MEDIUM');
		expect(
			(await pollSendersTrigger({ parameters, credentials: credentials(), staticData })).items,
		).toEqual([]);
		setQuality(0, 'LOW');
		const { items } = await pollSendersTrigger({
			parameters,
			credentials: credentials(),
			staticData,
		});
		expect(
			items.map((item) => [item.json.event, (item.json.previous as IDataObject).qualityRating]),
		).toEqual([['qualityChanged', 'YELLOW']]);
	});

	it('watches only the listed senders', async () => {
		const staticData: IDataObject = {};
		const parameters = trigger({ filters: { senders: '+1 415 555 0200' } });
		await pollSendersTrigger({ parameters, credentials: credentials(), staticData });
		setQuality(0, 'LOW');
		setQuality(1, 'LOW');
		const { items } = await pollSendersTrigger({
			parameters,
			credentials: credentials(),
			staticData,
		});
		expect(items.map((item) => (item.json.sender as IDataObject).phoneNumber)).toEqual([
			'+14155550200',
		]);
	});

	it('refuses to poll, naming both providers, when the credential in place belongs to another provider', async () => {
		const sinchCredential = {
			sinchProvisioningApi: {
				projectId: 'p1',
				keyId: 'k1',
				keySecret: 'mismatch-secret',
				baseUrl: twilio.baseUrl,
				tokenUrl: `${twilio.baseUrl}/oauth2/token`,
			},
		};
		const { items, error } = await pollSendersTrigger({
			parameters: trigger(),
			credentials: sinchCredential,
			staticData: {},
		});
		expect(items).toEqual([]);
		expect(error?.message).toBe(
			'This node is set to Twilio, but its credential "sinchProvisioningApi" is a Sinch credential',
		);
		expect(error?.description).toMatch(
			/^Nothing was sent\. Choose a Twilio credential for this node, or set its Provider to Sinch if that is what it should watch\./,
		);
		expect(twilio.server.requests).toHaveLength(0);
	});

	it('reports a new sender and a removed one', async () => {
		const staticData: IDataObject = {};
		await pollSendersTrigger({ parameters: trigger(), credentials: credentials(), staticData });
		const [added] = twilio.addSenders(ACCOUNT_SID, {
			phoneNumber: '+14155550300',
			status: 'CREATING',
		});
		twilio.account(ACCOUNT_SID).senders.splice(1, 1);
		const { items } = await pollSendersTrigger({
			parameters: trigger(),
			credentials: credentials(),
			staticData,
		});
		expect(
			items.map((item) => [item.json.event, (item.json.sender as IDataObject).phoneNumber]),
		).toEqual(
			expect.arrayContaining([
				['senderAdded', '+14155550300'],
				['senderRemoved', '+14155550200'],
			]),
		);
		expect(items.find((item) => item.json.event === 'senderAdded')?.json.sender).toMatchObject({
			id: added.sid,
			status: 'PENDING',
		});
	});

	it('leaves the snapshot untouched when a poll fails on a middle page, and reports the change once afterwards', async () => {
		twilio.addSenders(
			ACCOUNT_SID,
			...Array.from({ length: 2500 }, (_, i) => ({
				phoneNumber: `+4915200${String(i).padStart(5, '0')}`,
			})),
		);
		const staticData: IDataObject = {};
		await pollSendersTrigger({ parameters: trigger(), credentials: credentials(), staticData });
		const before = watchedState(staticData);
		setQuality(0, 'LOW');
		twilio.server.injectFaultWhen((request) => request.query.Page === '1', {
			status: 400,
			body: { code: 20001, message: 'Invalid PageToken', status: 400 },
		});
		const failed = await pollSendersTrigger({
			parameters: trigger(),
			credentials: credentials(),
			staticData,
		});
		expect(failed.error?.message).toBe('Twilio error code 20001: Invalid PageToken');
		expect(watchedState(staticData)).toBe(before);
		const recovered = await pollSendersTrigger({
			parameters: trigger(),
			credentials: credentials(),
			staticData,
		});
		expect(recovered.items.map((item) => item.json.event)).toEqual(['qualityChanged']);
		expect(
			(await pollSendersTrigger({ parameters: trigger(), credentials: credentials(), staticData }))
				.items,
		).toEqual([]);
	});

	it('says the credential is wrong on a 401 and keeps the snapshot', async () => {
		const staticData: IDataObject = {};
		await pollSendersTrigger({ parameters: trigger(), credentials: credentials(), staticData });
		const before = watchedState(staticData);
		const bad = { twilioSendersApi: { ...credentials().twilioSendersApi, authToken: 'wrong' } };
		const { error } = await pollSendersTrigger({
			parameters: trigger(),
			credentials: bad,
			staticData,
		});
		expect(error?.message).toBe('Twilio rejected the credentials (HTTP 401)');
		expect(watchedState(staticData)).toBe(before);
	});

	it('tells a lasting failure once, polls quietly while it lasts, and says Polling Resumed once when it reads the provider again', async () => {
		const staticData: IDataObject = {};
		const parameters = trigger({ events: ['qualityChanged', 'pollingResumed'] });
		await pollSendersTrigger({ parameters, credentials: credentials(), staticData });
		const bad = { twilioSendersApi: { ...credentials().twilioSendersApi, authToken: 'revoked' } };
		const first = await pollSendersTrigger({ parameters, credentials: bad, staticData });
		expect(first.error?.message).toBe('Twilio rejected the credentials (HTTP 401)');
		expect(first.error?.description).toContain('This trigger says this once');
		for (let poll = 0; poll < 3; poll++) {
			const quiet = await pollSendersTrigger({ parameters, credentials: bad, staticData });
			expect([quiet.items, quiet.error]).toEqual([[], undefined]);
		}
		setQuality(0, 'LOW');
		const back = await pollSendersTrigger({ parameters, credentials: credentials(), staticData });
		expect(back.items.map((item) => item.json)).toEqual([
			expect.objectContaining({
				event: 'pollingResumed',
				provider: 'twilio',
				failedPolls: 4,
				lastError: 'Twilio rejected the credentials (HTTP 401)',
				blindSince: expect.stringMatching(/Z$/),
			}),
			expect.objectContaining({ event: 'qualityChanged', previous: { qualityRating: 'GREEN' } }),
		]);
		expect(
			(await pollSendersTrigger({ parameters, credentials: credentials(), staticData })).items,
		).toEqual([]);
	});

	it('tells a new cause of failure again, and says nothing of Polling Resumed when that event is not chosen', async () => {
		const staticData: IDataObject = {};
		await pollSendersTrigger({ parameters: trigger(), credentials: credentials(), staticData });
		const bad = { twilioSendersApi: { ...credentials().twilioSendersApi, authToken: 'revoked' } };
		expect(
			(await pollSendersTrigger({ parameters: trigger(), credentials: bad, staticData })).error,
		).toBeDefined();
		twilio.server.injectFaults({
			status: 400,
			body: { code: 20001, message: 'Invalid PageToken', status: 400 },
		});
		const other = await pollSendersTrigger({
			parameters: trigger(),
			credentials: credentials(),
			staticData,
		});
		expect(other.error?.message).toBe('Twilio error code 20001: Invalid PageToken');
		expect(
			(await pollSendersTrigger({ parameters: trigger(), credentials: credentials(), staticData }))
				.items,
		).toEqual([]);
	});

	it('starts a fresh baseline when the account changes, never mixing two accounts', async () => {
		const staticData: IDataObject = {};
		await pollSendersTrigger({ parameters: trigger(), credentials: credentials(), staticData });
		const { items } = await pollSendersTrigger({
			parameters: trigger(),
			credentials: credentials(OTHER_ACCOUNT_SID),
			staticData,
		});
		expect(items).toEqual([]);
		const state = staticData['node:WhatsApp Senders Trigger'] as IDataObject;
		expect(Object.keys(unpackSnapshot(state.senders as string))).toHaveLength(1);
	});

	it('emits the current state on the first poll when asked to', async () => {
		const { items } = await pollSendersTrigger({
			parameters: trigger({ options: { emitOnFirstPoll: true } }),
			credentials: credentials(),
			staticData: {},
		});
		const emitted = items.map((item) => [
			item.json.event,
			(item.json.sender as IDataObject).phoneNumber,
		]);
		expect(emitted).toHaveLength(2);
		expect(emitted).toEqual(
			expect.arrayContaining([
				['currentState', '+14155550100'],
				['currentState', '+14155550200'],
			]),
		);
	});

	it('"Fetch test event" returns real current data and does not move the baseline', async () => {
		const staticData: IDataObject = {};
		await pollSendersTrigger({ parameters: trigger(), credentials: credentials(), staticData });
		setQuality(0, 'LOW');
		const before = watchedState(staticData);
		const manual = await pollSendersTrigger({
			parameters: trigger(),
			credentials: credentials(),
			staticData,
			mode: 'manual',
		});
		expect(manual.items.map((item) => item.json.event)).toEqual(['qualityChanged']);
		expect(watchedState(staticData)).toBe(before);
		const real = await pollSendersTrigger({
			parameters: trigger(),
			credentials: credentials(),
			staticData,
		});
		expect(real.items.map((item) => item.json.event)).toEqual(['qualityChanged']);
	});

	it('refuses a bad filter before any request', async () => {
		const { error } = await pollSendersTrigger({
			parameters: trigger({ events: [] }),
			credentials: credentials(),
			staticData: {},
		});
		expect(error?.message).toBe('Invalid "Events": choose at least one event');
		expect(twilio.server.requests).toHaveLength(0);
	});
});

/** The keys of an item, and of its objects one level down: what expressions built on it can reach. */
function shapeOf(json: IDataObject): Record<string, string[]> {
	const shape: Record<string, string[]> = { '': Object.keys(json).sort() };
	for (const [key, value] of Object.entries(json)) {
		const inner = Array.isArray(value) ? value[0] : value;
		if (inner !== null && typeof inner === 'object')
			shape[key] = Object.keys(inner as IDataObject).sort();
	}
	return shape;
}

describe('"Fetch Test Event" without a real change shows samples shaped like the real events', () => {
	const byEvent = (items: Array<{ json: IDataObject }>) =>
		Object.fromEntries(items.map((item) => [item.json.event as string, item.json]));

	it('gives one sample per chosen event, with exactly the keys the real event has, and never moves the baseline', async () => {
		const staticData: IDataObject = {};
		twilio.addSenders(ACCOUNT_SID, {
			phoneNumber: '+14155550300',
			displayName: 'Billing',
			qualityRating: 'HIGH',
			messagingLimit: '1K Customers/24hr',
		});
		await pollSendersTrigger({ parameters: trigger(), credentials: credentials(), staticData });
		const before = watchedState(staticData);
		const test = await pollSendersTrigger({
			parameters: trigger(),
			credentials: credentials(),
			staticData,
			mode: 'manual',
		});
		expect(watchedState(staticData)).toBe(before);
		expect(test.items.map((item) => item.json.event)).toEqual([
			'senderAdded',
			'statusChanged',
			'qualityChanged',
			'messagingLimitChanged',
			'senderRemoved',
		]);
		for (const item of test.items) expect(item.json.eventId).toMatch(/^sample-[0-9a-f]{16}$/);

		// the same five kinds for real: one change of each kind, on different senders
		setQuality(0, 'LOW');
		twilio.updateSender(ACCOUNT_SID, senders[1].sid, (s) => {
			(s.properties as IDataObject).messaging_limit = '10K Customers/24hr';
		});
		twilio.updateSender(ACCOUNT_SID, twilio.account(ACCOUNT_SID).senders[2].sid, (s) => {
			s.status = 'OFFLINE';
		});
		twilio.addSenders(ACCOUNT_SID, { phoneNumber: '+14155550400', qualityRating: 'HIGH' });
		const removed = twilio.addSenders(ACCOUNT_SID, {
			phoneNumber: '+14155550500',
			qualityRating: 'HIGH',
		});
		await pollSendersTrigger({ parameters: trigger(), credentials: credentials(), staticData });
		twilio
			.account(ACCOUNT_SID)
			.senders.splice(twilio.account(ACCOUNT_SID).senders.indexOf(removed[0]), 1);
		twilio.addSenders(ACCOUNT_SID, { phoneNumber: '+14155550600', qualityRating: 'HIGH' });
		// status, quality and limit came with the first live poll; the second brings the addition and the removal
		const real = {
			...byEvent(
				(
					await pollSendersTrigger({
						parameters: trigger(),
						credentials: credentials(),
						staticData: JSON.parse(before) as IDataObject,
					})
				).items,
			),
		};
		Object.assign(
			real,
			byEvent(
				(
					await pollSendersTrigger({
						parameters: trigger(),
						credentials: credentials(),
						staticData,
					})
				).items,
			),
		);
		const samples = byEvent(test.items);
		for (const event of Object.keys(samples))
			expect([event, shapeOf(samples[event])]).toEqual([event, shapeOf(real[event])]);
		expect(real.senderRemoved).toBeDefined();
	});

	it('builds each sample from a real sender the filters would pass, with a plausible value before', async () => {
		setQuality(1, 'LOW');
		twilio.updateSender(ACCOUNT_SID, senders[1].sid, (s) => {
			(s.properties as IDataObject).messaging_limit = '10K Customers/24hr';
		});
		const { items } = await pollSendersTrigger({
			parameters: trigger({
				events: ['qualityChanged', 'messagingLimitChanged'],
				filters: { qualityBecomes: ['RED'], qualityDirection: 'downgrade' },
			}),
			credentials: credentials(),
			staticData: {},
			mode: 'manual',
		});
		expect(items.map((item) => item.json)).toEqual([
			expect.objectContaining({
				event: 'qualityChanged',
				sender: expect.objectContaining({ phoneNumber: '+14155550200', qualityRating: 'RED' }),
				previous: { qualityRating: 'YELLOW' },
				changes: ['qualityRating'],
				direction: 'downgrade',
			}),
			expect.objectContaining({
				event: 'messagingLimitChanged',
				scope: 'account',
				// both share the account's limit, as in a real account-wide change
				senderCount: 2,
				senders: expect.arrayContaining([
					{ id: senders[0].sid, phoneNumber: '+14155550100', displayName: 'Support' },
					{ id: senders[1].sid, phoneNumber: '+14155550200', displayName: 'Sales' },
				]),
				previous: { messagingLimit: 2000 },
				current: { messagingLimit: 10000, messagingLimitText: '10K Customers/24hr' },
			}),
		]);
	});

	it('follows "Only Senders" and one item per sender when limit changes are not grouped', async () => {
		const { items } = await pollSendersTrigger({
			parameters: trigger({
				events: ['messagingLimitChanged'],
				filters: { senders: '+14155550200' },
				options: { groupLimitChanges: false },
			}),
			credentials: credentials(),
			staticData: {},
			mode: 'manual',
		});
		expect(items.map((item) => item.json)).toEqual([
			expect.objectContaining({
				event: 'messagingLimitChanged',
				sender: expect.objectContaining({ phoneNumber: '+14155550200', messagingLimit: 1000 }),
				previous: { messagingLimit: 250 },
				changes: ['messagingLimit'],
			}),
		]);
	});

	it('shows the shape with a placeholder sender when the account has none to watch', async () => {
		twilio.account(ACCOUNT_SID).senders.length = 0;
		const { items, error } = await pollSendersTrigger({
			parameters: trigger({ events: ['qualityChanged'] }),
			credentials: credentials(),
			staticData: {},
			mode: 'manual',
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([
			expect.objectContaining({
				eventId: expect.stringMatching(/^sample-/),
				sender: expect.objectContaining({
					id: 'sample',
					displayName: 'Sample sender',
					qualityRating: 'YELLOW',
				}),
				previous: { qualityRating: 'GREEN' },
				direction: 'downgrade',
			}),
		]);
	});
});

describe('Every event has a stable eventId', () => {
	it('is the same when a change is reported again because the state was not stored (n8n died in between)', async () => {
		const staticData: IDataObject = {};
		await pollSendersTrigger({ parameters: trigger(), credentials: credentials(), staticData });
		setQuality(1, 'LOW');
		const beforeCrash = structuredClone(staticData);
		const first = await pollSendersTrigger({
			parameters: trigger(),
			credentials: credentials(),
			staticData,
		});
		const replayed = await pollSendersTrigger({
			parameters: trigger(),
			credentials: credentials(),
			staticData: beforeCrash,
		});
		expect(first.items.map((item) => item.json.eventId)).toEqual(
			replayed.items.map((item) => item.json.eventId),
		);
		expect(first.items[0].json.eventId).toMatch(/^[0-9a-f]{16}$/);
	});

	it('stays the same on replay when another field of the sender changed meanwhile', async () => {
		const staticData: IDataObject = {};
		await pollSendersTrigger({ parameters: trigger(), credentials: credentials(), staticData });
		setQuality(1, 'LOW');
		const beforeCrash = structuredClone(staticData);
		const first = await pollSendersTrigger({
			parameters: trigger({ events: ['qualityChanged'] }),
			credentials: credentials(),
			staticData,
		});
		twilio.updateSender(ACCOUNT_SID, senders[1].sid, (s) => {
			(s.properties as IDataObject).messaging_limit = '10K Customers/24hr';
		});
		const replayed = await pollSendersTrigger({
			parameters: trigger({ events: ['qualityChanged'] }),
			credentials: credentials(),
			staticData: beforeCrash,
		});
		expect(replayed.items.map((item) => item.json.eventId)).toEqual(
			first.items.map((item) => item.json.eventId),
		);
	});

	it('never repeats across two baselines (another credential, a copied workflow) or between a test run and the live poll', async () => {
		const [one, two]: IDataObject[] = [{}, {}];
		await pollSendersTrigger({
			parameters: trigger(),
			credentials: credentials(),
			staticData: one,
		});
		await pollSendersTrigger({
			parameters: trigger(),
			credentials: credentials(),
			staticData: two,
		});
		setQuality(1, 'LOW');
		const test = await pollSendersTrigger({
			parameters: trigger(),
			credentials: credentials(),
			staticData: one,
			mode: 'manual',
		});
		const [fromOne, fromTwo] = [
			await pollSendersTrigger({
				parameters: trigger(),
				credentials: credentials(),
				staticData: one,
			}),
			await pollSendersTrigger({
				parameters: trigger(),
				credentials: credentials(),
				staticData: two,
			}),
		];
		const ids = [test, fromOne, fromTwo].map((poll) => poll.items[0].json.eventId);
		expect(new Set(ids).size).toBe(3);
	});

	it('differs for every other change of the same sender, the same change happening again included', async () => {
		const staticData: IDataObject = {};
		await pollSendersTrigger({ parameters: trigger(), credentials: credentials(), staticData });
		setQuality(1, 'MEDIUM');
		const toYellow = await pollSendersTrigger({
			parameters: trigger(),
			credentials: credentials(),
			staticData,
		});
		setQuality(1, 'LOW');
		const toRed = await pollSendersTrigger({
			parameters: trigger(),
			credentials: credentials(),
			staticData,
		});
		setQuality(1, 'HIGH');
		const backToGreen = await pollSendersTrigger({
			parameters: trigger(),
			credentials: credentials(),
			staticData,
		});
		setQuality(1, 'MEDIUM');
		// the same change as the first, happening again: a new event, not a duplicate
		const toYellowAgain = await pollSendersTrigger({
			parameters: trigger(),
			credentials: credentials(),
			staticData,
		});
		const ids = [toYellow, toRed, backToGreen, toYellowAgain].map(
			(poll) => poll.items[0].json.eventId,
		);
		expect(new Set(ids).size).toBe(4);
	});
});

describe('A messaging-limit change the senders share is one alert', () => {
	const setLimit = (index: number, limit: string) =>
		twilio.updateSender(ACCOUNT_SID, senders[index].sid, (s) => {
			(s.properties as IDataObject).messaging_limit = limit;
		});
	const poll = async (staticData: IDataObject, parameters: IDataObject = {}) =>
		await pollSendersTrigger({
			parameters: trigger(parameters),
			credentials: credentials(),
			staticData,
		});
	let staticData: IDataObject;
	beforeEach(async () => {
		// both senders at 1K, as a business portfolio's numbers are
		setLimit(0, '1K Customers/24hr');
		staticData = {};
		await poll(staticData);
	});

	it('emits one item for the account, listing every sender that moved from 1K to 10K', async () => {
		setLimit(0, '10K Customers/24hr');
		setLimit(1, '10K Customers/24hr');
		const { items } = await poll(staticData);
		expect(items.map((item) => item.json)).toEqual([
			{
				eventId: expect.stringMatching(/^[0-9a-f]{16}$/),
				event: 'messagingLimitChanged',
				provider: 'twilio',
				scope: 'account',
				senderCount: 2,
				senders: [
					{ id: senders[0].sid, phoneNumber: '+14155550100', displayName: 'Support' },
					{ id: senders[1].sid, phoneNumber: '+14155550200', displayName: 'Sales' },
				].sort((a, b) => a.id.localeCompare(b.id)),
				previous: { messagingLimit: 1000 },
				current: { messagingLimit: 10000, messagingLimitText: '10K Customers/24hr' },
				changes: ['messagingLimit'],
				detectedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
			},
		]);
		expect((await poll(staticData)).items).toEqual([]);
	});

	it('emits one item per sender when "Group Messaging Limit Changes" is off', async () => {
		setLimit(0, '10K Customers/24hr');
		setLimit(1, '10K Customers/24hr');
		const { items } = await poll(staticData, { options: { groupLimitChanges: false } });
		expect(
			items.map((item) => [
				item.json.event,
				(item.json.sender as IDataObject).phoneNumber,
				item.json.previous,
			]),
		).toEqual(
			expect.arrayContaining([
				['messagingLimitChanged', '+14155550100', { messagingLimit: 1000 }],
				['messagingLimitChanged', '+14155550200', { messagingLimit: 1000 }],
			]),
		);
		expect(items).toHaveLength(2);
	});

	it('lists only the senders "Only Senders" watches', async () => {
		setLimit(0, '10K Customers/24hr');
		setLimit(1, '10K Customers/24hr');
		const { items } = await poll(staticData, { filters: { senders: '+14155550200' } });
		expect(
			items.map((item) => [
				item.json.senderCount,
				(item.json.senders as IDataObject[]).map((sender) => sender.phoneNumber),
			]),
		).toEqual([[1, ['+14155550200']]]);
	});

	it('makes one item per distinct change when senders moved to different limits', async () => {
		setLimit(0, '10K Customers/24hr');
		setLimit(1, '100K Customers/24hr');
		const { items } = await poll(staticData);
		const limits = items.map(
			(item) =>
				[(item.json.current as IDataObject).messagingLimit, item.json.senderCount] as [
					number,
					number,
				],
		);
		expect(limits.sort((a, b) => a[0] - b[0])).toEqual([
			[10000, 1],
			[100000, 1],
		]);
	});

	it('keeps a quality change of the same poll as its own item for its sender', async () => {
		setLimit(0, '10K Customers/24hr');
		setLimit(1, '10K Customers/24hr');
		setQuality(1, 'LOW');
		const { items } = await poll(staticData);
		expect(
			items.map((item) => [
				item.json.event,
				item.json.senderCount ?? (item.json.sender as IDataObject).phoneNumber,
			]),
		).toEqual([
			['qualityChanged', '+14155550200'],
			['messagingLimitChanged', 2],
		]);
	});

	it('keeps its eventId when n8n died before saving and the next poll reports it again', async () => {
		setLimit(0, '10K Customers/24hr');
		setLimit(1, '10K Customers/24hr');
		const beforeCrash = structuredClone(staticData);
		const first = await poll(staticData);
		const replayed = await poll(beforeCrash);
		expect(replayed.items.map((item) => item.json.eventId)).toEqual(
			first.items.map((item) => item.json.eventId),
		);
	});
});

describe('A provider glitch is not an alert storm', () => {
	const listed = () => twilio.account(ACCOUNT_SID).senders;
	const events = (items: Array<{ json: IDataObject }>) =>
		items.map((item) => [item.json.event, (item.json.sender as IDataObject).phoneNumber]);
	const poll = async (staticData: IDataObject, parameters: IDataObject = {}) =>
		await pollSendersTrigger({
			parameters: trigger(parameters),
			credentials: credentials(),
			staticData,
		});

	it('reports nothing when the provider answers an empty list once, and nothing when the senders are back', async () => {
		const staticData: IDataObject = {};
		await poll(staticData);
		const everyone = listed().splice(0);
		expect((await poll(staticData)).items).toEqual([]);
		listed().push(...everyone);
		expect((await poll(staticData)).items).toEqual([]);
	});

	it('reports each removal once when the next poll confirms the empty list', async () => {
		const staticData: IDataObject = {};
		await poll(staticData);
		listed().splice(0);
		expect((await poll(staticData)).items).toEqual([]);
		expect(events((await poll(staticData)).items).sort()).toEqual([
			['senderRemoved', '+14155550100'],
			['senderRemoved', '+14155550200'],
		]);
		expect((await poll(staticData)).items).toEqual([]);
	});

	it('still reports additions and changes at once in a listing that lost most senders', async () => {
		twilio.addSenders(
			ACCOUNT_SID,
			{ phoneNumber: '+14155550300' },
			{ phoneNumber: '+14155550400' },
		);
		const staticData: IDataObject = {};
		await poll(staticData);
		// three of four missing, one new number, the one left turns RED
		listed().splice(1, 3);
		setQuality(0, 'LOW');
		twilio.addSenders(ACCOUNT_SID, { phoneNumber: '+14155550500' });
		const glitch = await poll(staticData);
		expect(events(glitch.items).sort()).toEqual([
			['qualityChanged', '+14155550100'],
			['senderAdded', '+14155550500'],
		]);
		// the added sender and the RED rating are stored: nothing is reported twice
		expect((await poll(staticData)).items.map((item) => item.json.event)).toEqual([
			'senderRemoved',
			'senderRemoved',
			'senderRemoved',
		]);
	});

	it('reports a removal of half the senders or fewer at once', async () => {
		const staticData: IDataObject = {};
		await poll(staticData);
		listed().splice(1, 1);
		expect(events((await poll(staticData)).items)).toEqual([['senderRemoved', '+14155550200']]);
	});

	it('holds smaller removals too when the user lowers the share', async () => {
		const staticData: IDataObject = {};
		const options = { options: { massRemovalPercent: 30 } };
		await poll(staticData, options);
		listed().splice(1, 1);
		expect((await poll(staticData, options)).items).toEqual([]);
		expect(events((await poll(staticData, options)).items)).toEqual([
			['senderRemoved', '+14155550200'],
		]);
	});
});

describe('WhatsApp Senders Trigger on Autocalls', () => {
	const autocalls = new PlatformSimulator('Autocalls');
	beforeAll(async () => {
		await autocalls.start();
		autocalls.addSenders('trigger-key', { id: 7, phoneNumber: '+33612345678' });
	});
	afterAll(() => autocalls.stop());

	it('sees a sender going offline, because it lists offline senders too', async () => {
		const staticData: IDataObject = {};
		const parameters = {
			provider: 'autocalls',
			events: ['statusChanged'],
			filters: { statusBecomes: ['OFFLINE'] },
		};
		const creds = { autocallsApi: { apiKey: 'trigger-key', baseUrl: autocalls.baseUrl } };
		await pollSendersTrigger({ parameters, credentials: creds, staticData });
		autocalls.updateSender('trigger-key', 7, (s) => {
			s.status = 'offline';
		});
		const { items } = await pollSendersTrigger({ parameters, credentials: creds, staticData });
		expect(items.map((item) => item.json)).toEqual([
			expect.objectContaining({
				event: 'statusChanged',
				provider: 'autocalls',
				previous: { status: 'ONLINE' },
			}),
		]);
		expect(autocalls.server.requests.every((r) => r.query.status === 'all')).toBe(true);
	});

	it('fires "status becomes OFFLINE" when a switched-off sender is then suspended by Meta', async () => {
		autocalls.addSenders('offline-key', { id: 9, phoneNumber: '+33612345670', status: 'offline' });
		const staticData: IDataObject = {};
		const parameters = {
			provider: 'autocalls',
			events: ['statusChanged'],
			filters: { statusBecomes: ['OFFLINE'] },
		};
		const creds = { autocallsApi: { apiKey: 'offline-key', baseUrl: autocalls.baseUrl } };
		await pollSendersTrigger({ parameters, credentials: creds, staticData });
		autocalls.updateSender('offline-key', 9, (s) => {
			s.status = 'suspended';
		});
		const fired = await pollSendersTrigger({ parameters, credentials: creds, staticData });
		expect(fired.items.map((item) => item.json)).toEqual([
			expect.objectContaining({
				event: 'statusChanged',
				previous: { status: 'OFFLINE', providerStatus: 'offline' },
				sender: expect.objectContaining({ status: 'OFFLINE', providerStatus: 'suspended' }),
			}),
		]);
		expect(
			(await pollSendersTrigger({ parameters, credentials: creds, staticData })).items,
		).toHaveLength(0);
	});

	it.each(['suspended', 'failed'])(
		'fires "status becomes OFFLINE" exactly once for a sender that is %s, with the word kept',
		async (platformStatus) => {
			autocalls.addSenders(`${platformStatus}-key`, { id: 8, phoneNumber: '+33612345679' });
			const staticData: IDataObject = {};
			const parameters = {
				provider: 'autocalls',
				events: ['statusChanged'],
				filters: { statusBecomes: ['OFFLINE'] },
			};
			const creds = {
				autocallsApi: { apiKey: `${platformStatus}-key`, baseUrl: autocalls.baseUrl },
			};
			await pollSendersTrigger({ parameters, credentials: creds, staticData });
			autocalls.updateSender(`${platformStatus}-key`, 8, (s) => {
				s.status = platformStatus;
			});
			const fired = await pollSendersTrigger({ parameters, credentials: creds, staticData });
			expect(fired.items.map((item) => item.json)).toEqual([
				expect.objectContaining({
					event: 'statusChanged',
					previous: { status: 'ONLINE' },
					sender: expect.objectContaining({
						status: 'OFFLINE',
						providerStatus: platformStatus,
						offlineReasons: [expect.objectContaining({ code: platformStatus })],
					}),
				}),
			]);
			expect(
				(await pollSendersTrigger({ parameters, credentials: creds, staticData })).items,
			).toHaveLength(0);
		},
	);
});
