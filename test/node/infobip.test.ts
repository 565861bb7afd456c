import type { IDataObject } from 'n8n-workflow';

import { pollSendersTrigger, runSendersNode } from '../harness/n8nHarness';
import { InfobipSimulator } from '../simulators/infobip';
import { senderById as byId } from '../support/twilioAccount';

const API_KEY = 'infobip-test-key-3b8e1f27';
let infobip: InfobipSimulator;

beforeEach(async () => {
	infobip = new InfobipSimulator(API_KEY);
	await infobip.start();
});
afterEach(() => infobip.stop());

const credentials = (senders: string, apiKey = API_KEY) => ({
	infobipApi: { apiKey, baseUrl: infobip.baseUrl, senders },
});

const run = async (
	parameters: Record<string, unknown>,
	senders = '+447796344125\n+447796344126\n+447796344127',
) =>
	await runSendersNode({
		parameters: { provider: 'infobip', resource: 'sender', ...parameters },
		credentials: credentials(senders),
	});

const qualityRequests = () =>
	infobip.server.requests.filter((request) => request.path === '/whatsapp/1/senders/quality');

const THREE = () =>
	infobip.addSenders(
		{
			sender: '447796344125',
			qualityRating: 'HIGH',
			status: 'CONNECTED',
			currentLimit: 'LIMIT_10K',
		},
		{
			sender: '447796344126',
			qualityRating: 'MEDIUM',
			status: 'FLAGGED',
			currentLimit: 'LIMIT_2K',
		},
		{
			sender: '447796344127',
			qualityRating: 'LOW',
			status: 'RESTRICTED',
			currentLimit: 'UNLIMITED',
		},
	);

describe('List the Infobip numbers named in the credential', () => {
	it('reads their quality, status and limit in one request, with the key as "App <key>"', async () => {
		THREE();
		const { items, error } = await run({ operation: 'list', returnAll: true });
		expect(error).toBeUndefined();
		expect(
			items.map(({ json }) => [
				json.id,
				json.status,
				json.providerStatus,
				json.qualityRating,
				json.messagingLimit,
				json.messagingLimitText,
			]),
		).toEqual([
			['+447796344125', 'ONLINE', 'CONNECTED', 'GREEN', 10_000, 'LIMIT_10K'],
			['+447796344126', 'ONLINE', 'FLAGGED', 'YELLOW', 2_000, 'LIMIT_2K'],
			['+447796344127', 'OFFLINE', 'RESTRICTED', 'RED', null, 'UNLIMITED'],
		]);
		expect(
			qualityRequests().map((request) => [request.query.senders, request.headers.authorization]),
		).toEqual([['447796344125,447796344126,447796344127', `App ${API_KEY}`]]);
	});

	it('shows a named number Infobip does not return as NOT_FOUND, saying why, never as a healthy sender', async () => {
		infobip.addSenders({ sender: '447796344125' });
		const { items } = await run(
			{ operation: 'list', returnAll: true },
			'+447796344125, 447700900123',
		);
		expect(items[1].json).toMatchObject({
			id: '+447700900123',
			status: 'NOT_FOUND',
			qualityRating: 'UNKNOWN',
			offlineReasons: [
				expect.objectContaining({
					code: 'NOT_ON_ACCOUNT',
					message: expect.stringContaining('only for senders associated with this account'),
				}),
			],
		});
	});

	it('asks for 100 numbers at a time', async () => {
		const numbers = Array.from({ length: 250 }, (_, index) => `4477963${String(40000 + index)}`);
		infobip.addSenders(...numbers.map((sender) => ({ sender })));
		const { items } = await run({ operation: 'list', returnAll: true }, numbers.join('\n'));
		expect(items).toHaveLength(250);
		expect(
			qualityRequests().map((request) => String(request.query.senders).split(',').length),
		).toEqual([100, 100, 50]);
	});

	it.each([
		[
			'a number with letters',
			'+44779634412O',
			'"+44779634412O" in the Infobip credential is not a phone number in E.164',
		],
		['no number at all', ' \n ', 'is empty in the Infobip credential'],
	])('refuses %s before any request, naming the field', async (_case, senders, problem) => {
		const { error } = await run({ operation: 'list', returnAll: true }, senders);
		expect(error?.message).toContain('"WhatsApp Sender Numbers"');
		expect(error?.message).toContain(problem);
		expect(infobip.server.requests).toHaveLength(0);
	});

	it('says a refused key in Infobip’s words', async () => {
		const { error } = await runSendersNode({
			parameters: { provider: 'infobip', resource: 'sender', operation: 'list', returnAll: true },
			credentials: credentials('+447796344125', 'wrong-key'),
		});
		expect(error?.message).toBe('Infobip rejected the credentials (HTTP 401)');
		expect(error?.description).toContain('Invalid login details');
	});
});

describe('Get one Infobip number', () => {
	it('reads the number, named in the credential or not', async () => {
		THREE();
		const { items } = await run(
			{ operation: 'get', senderId: byId('+447796344127') },
			'+447796344125',
		);
		expect(items[0].json).toMatchObject({
			id: '+447796344127',
			status: 'OFFLINE',
			qualityRating: 'RED',
		});
	});

	it('says a number is not on this account instead of inventing one', async () => {
		const { error } = await run({ operation: 'get', senderId: byId('+447700900123') });
		expect(error?.message).toBe('Infobip has no WhatsApp sender +447700900123 on this account');
	});
});

describe('The trigger on Infobip numbers', () => {
	const poll = async (
		staticData: IDataObject,
		senders = '+447796344125\n+447796344126\n+447796344127',
		events?: string[],
	) =>
		await pollSendersTrigger({
			parameters: { provider: 'infobip', ...(events && { events }) },
			credentials: credentials(senders),
			staticData,
		});

	it('fires once when a number turns RED, with its previous rating', async () => {
		THREE();
		const staticData: IDataObject = {};
		expect((await poll(staticData)).items).toEqual([]);
		infobip.update('447796344125', { qualityRating: 'LOW' });
		const fired = await poll(staticData);
		expect(
			fired.items.map(({ json }) => [
				json.event,
				(json.sender as IDataObject).id,
				(json.previous as IDataObject).qualityRating,
				(json.sender as IDataObject).qualityRating,
			]),
		).toEqual([['qualityChanged', '+447796344125', 'GREEN', 'RED']]);
		expect((await poll(staticData)).items).toEqual([]);
	});

	it('reports a number Infobip stops returning as a status change to NOT_FOUND, not as a removal', async () => {
		THREE();
		const staticData: IDataObject = {};
		await poll(staticData, undefined, ['statusChanged', 'senderRemoved']);
		infobip.removeSender('447796344126');
		const fired = await poll(staticData, undefined, ['statusChanged', 'senderRemoved']);
		expect(
			fired.items.map(({ json }) => [
				json.event,
				(json.sender as IDataObject).id,
				(json.sender as IDataObject).status,
			]),
		).toEqual([['statusChanged', '+447796344126', 'NOT_FOUND']]);
	});

	it('reports a number taken out of the credential as removed', async () => {
		THREE();
		const staticData: IDataObject = {};
		await poll(staticData, undefined, ['statusChanged', 'senderRemoved']);
		const fired = await poll(staticData, '+447796344125\n+447796344127', [
			'statusChanged',
			'senderRemoved',
		]);
		expect(fired.items.map(({ json }) => [json.event, (json.sender as IDataObject).id])).toEqual([
			['senderRemoved', '+447796344126'],
		]);
	});
});
