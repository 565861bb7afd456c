import type { IDataObject } from 'n8n-workflow';

import { pollSendersTrigger, runSendersNode } from '../harness/n8nHarness';
import { parseInfobipError } from '../../nodes/WhatsAppSenders/providers/infobip/mapper';
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

describe('Add an Infobip sender and verify it', () => {
	const WABA = '112233445566778';
	const codeOf = (sender: string) => infobip.registrations.get(sender)?.code;

	beforeEach(() => {
		infobip.businessAccounts.add(WABA);
	});

	it('adds the number by embedded signup, then verifies it with the code Infobip sent, and the number is read', async () => {
		const created = await run({
			operation: 'create',
			phoneNumber: '+447796344199',
			countryCode: '44',
			wabaId: WABA,
			profileName: 'Acme UK',
			verificationMethod: 'voice',
		});
		expect(created.error).toBeUndefined();
		expect(created.items[0].json).toMatchObject({
			id: '+447796344199',
			status: 'PENDING_VERIFICATION',
			providerStatus: 'SUBMITTED_FOR_REGISTRATION',
		});
		const [add] = infobip.server.requests.filter((request) => request.method === 'POST');
		expect([add.path, JSON.parse(add.body)]).toEqual([
			`/whatsapp/1/embedded-signup/registrations/business-account/${WABA}/senders`,
			{
				countryCode: '44',
				phoneNumber: '7796344199',
				displayName: 'Acme UK',
				type: 'EXTERNAL_VOICE',
				locale: 'en_US',
			},
		]);
		const verified = await run({
			operation: 'verify',
			senderId: byId('+447796344199'),
			verificationCode: codeOf('447796344199'),
		});
		expect(verified.error).toBeUndefined();
		expect(verified.items[0].json).toMatchObject({
			id: '+447796344199',
			status: 'ONLINE',
			providerStatus: 'CONNECTED',
		});
	});

	it('asks Infobip for the code again in the language given', async () => {
		await run({
			operation: 'create',
			phoneNumber: '+447796344199',
			countryCode: '44',
			wabaId: WABA,
			profileName: 'Acme UK',
		});
		const first = codeOf('447796344199');
		const { items, error } = await run({
			operation: 'requestCode',
			senderId: byId('+447796344199'),
			codeMethod: 'sms',
			language: 'en_GB',
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({
			provider: 'infobip',
			id: '+447796344199',
			type: 'EXTERNAL_SMS',
			locale: 'en_GB',
			requested: true,
		});
		expect(codeOf('447796344199')).not.toBe(first);
	});

	it('passes on a wrong code in Infobip’s words, sent once', async () => {
		await run({
			operation: 'create',
			phoneNumber: '+447796344199',
			countryCode: '44',
			wabaId: WABA,
			profileName: 'Acme UK',
		});
		const { error } = await run({
			operation: 'verify',
			senderId: byId('+447796344199'),
			verificationCode: '000000',
		});
		expect(error?.message).toBe('Infobip error code BAD_REQUEST: Invalid verification code.');
		expect(
			infobip.server.requests.filter((request) => request.path.endsWith('/verification')),
		).toHaveLength(1);
	});

	it('says an unknown business account in Infobip’s words', async () => {
		infobip.businessAccounts.delete(WABA);
		const { error } = await run({
			operation: 'create',
			phoneNumber: '+447796344198',
			countryCode: '44',
			wabaId: WABA,
			profileName: 'Acme UK',
		});
		expect(error?.message).toBe('Infobip error code NOT_FOUND: Business account not found.');
	});

	it.each([
		[
			'its older body',
			{
				requestError: {
					serviceException: {
						messageId: 'BAD_REQUEST',
						text: 'Bad request',
						validationErrors: { locale: ['must not be blank'] },
					},
				},
			},
		],
		[
			'its API error body',
			{
				errorCode: 'E400',
				description: 'Bad request',
				action: 'Check the request.',
				violations: [{ property: 'locale', violation: 'must not be blank' }],
			},
		],
	])('names the field Infobip refused, from %s', (_case, body) => {
		expect(parseInfobipError(400, body).hint).toContain(
			'Infobip refused: locale: must not be blank.',
		);
	});

	it('refuses a country code the number does not start with before any request', async () => {
		const { error } = await run({
			operation: 'create',
			phoneNumber: '+447796344199',
			countryCode: '1',
			wabaId: WABA,
			profileName: 'Acme UK',
		});
		expect(error?.message).toContain('"Country Code"');
		expect(infobip.server.requests).toHaveLength(0);
	});
});

describe('The business profile of an Infobip number', () => {
	beforeEach(() => THREE());

	it('reads the profile in Infobip’s words', async () => {
		infobip.businessInfo.set('447796344125', {
			about: 'Hello',
			vertical: 'RETAIL_OTHER',
			websites: [],
		});
		const { items, error } = await run({
			operation: 'getProfile',
			senderId: byId('+447796344125'),
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({
			provider: 'infobip',
			id: '+447796344125',
			about: 'Hello',
			vertical: 'RETAIL_OTHER',
			websites: [],
		});
	});

	it('sends only the fields set, the vertical in Infobip’s word, and outputs the profile read again', async () => {
		const { items, error } = await run({
			operation: 'updateProfile',
			senderId: byId('+447796344125'),
			profileFields: { about: 'Open 9-17', vertical: 'RETAIL', websites: 'https://acme.example' },
		});
		expect(error).toBeUndefined();
		const [patch] = infobip.server.requests.filter((request) => request.method === 'PATCH');
		expect([patch.path, JSON.parse(patch.body)]).toEqual([
			'/whatsapp/1/senders/447796344125/business-info',
			{ about: 'Open 9-17', websites: ['https://acme.example'], vertical: 'SHOPPING_AND_RETAIL' },
		]);
		expect(items[0].json).toMatchObject({
			about: 'Open 9-17',
			vertical: 'SHOPPING_AND_RETAIL',
			websites: ['https://acme.example'],
		});
	});

	it('refuses an about text longer than Infobip’s 130 characters before any request', async () => {
		const { error } = await run({
			operation: 'updateProfile',
			senderId: byId('+447796344125'),
			profileFields: { about: 'a'.repeat(131) },
		});
		expect(error?.message).toContain('"About"');
		expect(error?.message).toContain('at most 130 characters');
		expect(infobip.server.requests).toHaveLength(0);
	});
});
