import { rmSync } from 'node:fs';

import { type HttpSimulator, notLocalhost } from '../simulators/server';
import { GupshupSimulator } from '../simulators/gupshup';
import { InfobipSimulator } from '../simulators/infobip';
import { SinchSimulator } from '../simulators/sinch';
import { SlackSink } from '../simulators/slackSink';
import { YCloudSimulator } from '../simulators/yCloud';
import {
	type OwnerSession,
	repoll,
	type RunningN8n,
	startN8nWithWorkflows,
	testCredential,
	waitFor,
} from '../support/n8n';
import {
	callProductionWebhook,
	ONLY_WHEN_ACTIVATED,
	triggerToSlackWorkflow,
	webhookListWorkflow,
} from '../support/workflows';

/**
 * The providers added after the first five, each in one real n8n (`n8n start`, the package
 * installed as a community package) against its simulator: "Test credential" with the right
 * and a wrong secret, every documented operation through a webhook workflow, and the trigger
 * posting exactly one Slack message when a number's quality turns RED, and none after.
 */

interface Operation {
	/** What the test calls it. */
	name: string;
	parameters: Record<string, unknown>;
	/** What the operation's items must contain. */
	expected: Array<Record<string, unknown>>;
	/** Fields no item may have. */
	absent?: string[];
}

interface ProviderCase {
	provider: string;
	displayName: string;
	credentialType: string;
	simulator: HttpSimulator;
	/** Fills the simulator with two GREEN numbers; the second is the one whose quality drops. */
	seed(): void;
	goodCredential(): Record<string, unknown>;
	wrongCredential(): Record<string, unknown>;
	/** The message "Test credential" shows for the wrong secret (n8n 2.41 shows the credential's own). */
	refusal: RegExp;
	dropQuality(): void;
	/** The second number, as the Slack message names it. */
	droppingNumber: string;
	/** Requests that read the senders (a poll's). */
	listRequests(): number;
	operations: Operation[];
}

const ycloud = new YCloudSimulator('e2e-ycloud-key');
const SINCH_PROJECT = 'ea026751-3edf-40a9-ad93-1b382bd60a78';
const sinch = new SinchSimulator(SINCH_PROJECT, 'e2e-sinch-key-id', 'e2e-sinch-key-secret');
const SINCH_IDS = {
	stockholm: '0c1f6a3e-2b7d-4e59-9a41-5d2e8f7b6c01',
	warsaw: '0c1f6a3e-2b7d-4e59-9a41-5d2e8f7b6c02',
	pending: '0c1f6a3e-2b7d-4e59-9a41-5d2e8f7b6c03',
};
const sinchSender = (id: string) => ({ __rl: true, mode: 'id', value: id });
const gupshup = new GupshupSimulator('partner@acme.example', 'e2e-gupshup-secret');
const GUPSHUP_APPS = {
	mumbai: '6b1f2a3c-4d5e-4f60-8a71-92b3c4d5e6f1',
	delhi: '6b1f2a3c-4d5e-4f60-8a71-92b3c4d5e6f2',
};

const infobip = new InfobipSimulator('e2e-infobip-key');
/** Three numbers named in the credential; the third is not on the Infobip account. */
const INFOBIP_NAMED = '+447796344125\n+447796344126\n+447700900123';

const CASES: ProviderCase[] = [
	{
		provider: 'ycloud',
		displayName: 'YCloud',
		credentialType: 'yCloudApi',
		simulator: ycloud,
		seed: () => {
			ycloud.addNumbers(
				{
					phoneNumber: '+6581234567',
					verifiedName: 'Acme SG',
					whatsappBusinessManagerMessagingLimit: 'TIER_10K',
				},
				{
					phoneNumber: '+6587654321',
					verifiedName: 'Acme SG Sales',
					whatsappBusinessManagerMessagingLimit: 'TIER_10K',
				},
			);
		},
		goodCredential: () => ({ apiKey: 'e2e-ycloud-key', baseUrl: ycloud.baseUrl }),
		wrongCredential: () => ({ apiKey: 'wrong', baseUrl: ycloud.baseUrl }),
		refusal: /YCloud refused the API key \(401\)|Authorization failed/,
		dropQuality: () => ycloud.update('+6587654321', { qualityRating: 'RED' }),
		droppingNumber: '+6587654321',
		listRequests: () =>
			ycloud.server.requests.filter((r) => r.path === '/v2/whatsapp/phoneNumbers').length,
		operations: [
			{
				name: 'List',
				parameters: { operation: 'list', returnAll: true },
				expected: [
					{
						id: '102290129340398/+6581234567',
						phoneNumber: '+6581234567',
						displayName: 'Acme SG',
						status: 'ONLINE',
						qualityRating: 'GREEN',
						messagingLimit: 10000,
					},
					{
						id: '102290129340398/+6587654321',
						phoneNumber: '+6587654321',
						displayName: 'Acme SG Sales',
						status: 'ONLINE',
						qualityRating: 'GREEN',
						messagingLimit: 10000,
					},
				],
			},
			{
				name: 'Get',
				parameters: {
					operation: 'get',
					senderId: { __rl: true, mode: 'id', value: '102290129340398/+6581234567' },
				},
				expected: [
					{ id: '102290129340398/+6581234567', phoneNumber: '+6581234567', provider: 'ycloud' },
				],
			},
			{
				name: 'Get Business Profile',
				parameters: {
					operation: 'getProfile',
					senderId: { __rl: true, mode: 'id', value: '102290129340398/+6581234567' },
				},
				expected: [{ provider: 'ycloud', id: '102290129340398/+6581234567', about: 'Hello' }],
			},
			{
				name: 'Update Business Profile',
				parameters: {
					operation: 'updateProfile',
					senderId: { __rl: true, mode: 'id', value: '102290129340398/+6581234567' },
					profileFields: { about: 'Open 9–18 SGT', vertical: 'RETAIL' },
				},
				expected: [
					{
						provider: 'ycloud',
						id: '102290129340398/+6581234567',
						about: 'Open 9–18 SGT',
						vertical: 'RETAIL',
					},
				],
			},
			{
				name: 'Update Display Name',
				parameters: {
					operation: 'updateDisplayName',
					senderId: { __rl: true, mode: 'id', value: '102290129340398/+6581234567' },
					displayName: 'Acme Singapore',
				},
				expected: [
					{
						provider: 'ycloud',
						id: '102290129340398/+6581234567',
						newName: 'Acme Singapore',
						newNameStatus: 'PENDING_REVIEW',
					},
				],
			},
		],
	},
	{
		provider: 'sinch',
		displayName: 'Sinch',
		credentialType: 'sinchProvisioningApi',
		simulator: sinch,
		seed: () => {
			sinch.businessDailyLimit = 'TIER_10K';
			sinch.codeToSend = '482913';
			sinch.addSenders(
				{
					id: SINCH_IDS.stockholm,
					countryCode: '46',
					phoneNumber: '701234567',
					displayName: 'Acme Sverige',
				},
				{
					id: SINCH_IDS.warsaw,
					countryCode: '48',
					phoneNumber: '777777777',
					displayName: 'Acme Polska',
				},
				{
					id: SINCH_IDS.pending,
					countryCode: '48',
					phoneNumber: '600100200',
					displayName: 'Acme Kraków',
					state: 'PENDING_VERIFICATION',
				},
			);
		},
		goodCredential: () => ({
			projectId: SINCH_PROJECT,
			keyId: 'e2e-sinch-key-id',
			keySecret: 'e2e-sinch-key-secret',
			baseUrl: sinch.baseUrl,
			tokenUrl: sinch.tokenUrl,
		}),
		wrongCredential: () => ({
			projectId: SINCH_PROJECT,
			keyId: 'e2e-sinch-key-id',
			keySecret: 'wrong',
			baseUrl: sinch.baseUrl,
			tokenUrl: sinch.tokenUrl,
		}),
		refusal: /Sinch refused the key ID or key secret|Authorization failed/,
		dropQuality: () => sinch.update(SINCH_IDS.warsaw, { qualityRating: 'RED' }),
		droppingNumber: '+48777777777',
		listRequests: () =>
			sinch.server.requests.filter(
				(r) => r.path === `/v1/projects/${SINCH_PROJECT}/whatsapp/senders`,
			).length,
		operations: [
			{
				name: 'List',
				parameters: { operation: 'list', returnAll: true },
				expected: [
					{
						id: SINCH_IDS.stockholm,
						phoneNumber: '+46701234567',
						displayName: 'Acme Sverige',
						status: 'ONLINE',
						qualityRating: 'GREEN',
						messagingLimit: 10000,
					},
					{
						id: SINCH_IDS.warsaw,
						phoneNumber: '+48777777777',
						displayName: 'Acme Polska',
						status: 'ONLINE',
						qualityRating: 'GREEN',
						messagingLimit: 10000,
					},
					{ id: SINCH_IDS.pending, phoneNumber: '+48600100200', status: 'PENDING_VERIFICATION' },
				],
			},
			{
				name: 'Get',
				parameters: { operation: 'get', senderId: sinchSender(SINCH_IDS.stockholm) },
				expected: [{ id: SINCH_IDS.stockholm, phoneNumber: '+46701234567' }],
			},
			{
				name: 'Request Code',
				parameters: {
					operation: 'requestCode',
					senderId: sinchSender(SINCH_IDS.pending),
					codeMethod: 'sms',
				},
				expected: [
					{ provider: 'sinch', id: SINCH_IDS.pending, method: 'SMS', verificationCodeSent: true },
				],
			},
			{
				name: 'Verify',
				parameters: {
					operation: 'verify',
					senderId: sinchSender(SINCH_IDS.pending),
					verificationCode: '482913',
				},
				// Sinch finishes the setup on its own after the code: the sender is IN_PROGRESS
				expected: [{ id: SINCH_IDS.pending, status: 'PENDING', providerStatus: 'IN_PROGRESS' }],
			},
			{
				name: 'Delete',
				parameters: {
					operation: 'delete',
					senderId: sinchSender(SINCH_IDS.pending),
					confirmDeletion: true,
				},
				expected: [{ deleted: true, id: SINCH_IDS.pending }],
			},
			{
				name: 'Get Business Profile',
				parameters: { operation: 'getProfile', senderId: sinchSender(SINCH_IDS.stockholm) },
				expected: [{ provider: 'sinch', id: SINCH_IDS.stockholm, displayName: 'Acme Sverige' }],
			},
			{
				name: 'Update Business Profile',
				parameters: {
					operation: 'updateProfile',
					senderId: sinchSender(SINCH_IDS.stockholm),
					profileFields: { about: 'Öppet 9–17' },
				},
				expected: [
					{
						provider: 'sinch',
						id: SINCH_IDS.stockholm,
						pendingChanges: { details: { about: 'Öppet 9–17' } },
					},
				],
			},
			{
				name: 'Discard Pending Changes',
				parameters: { operation: 'discardChanges', senderId: sinchSender(SINCH_IDS.stockholm) },
				expected: [{ provider: 'sinch', id: SINCH_IDS.stockholm, displayName: 'Acme Sverige' }],
				// the pending about text of the update before is gone
				absent: ['pendingChanges'],
			},
		],
	},
	{
		provider: 'gupshup',
		displayName: 'Gupshup',
		credentialType: 'gupshupPartnerApi',
		simulator: gupshup,
		seed: () => {
			gupshup.addNumbers(
				{
					id: GUPSHUP_APPS.mumbai,
					phone: '919876543210',
					appName: 'AcmeMumbai',
					verifiedName: 'Acme Mumbai',
					messagingLimit: 'TIER_10K',
				},
				{
					id: GUPSHUP_APPS.delhi,
					phone: '919812345678',
					appName: 'AcmeDelhi',
					verifiedName: 'Acme Delhi',
					messagingLimit: 'TIER_10K',
				},
			);
		},
		goodCredential: () => ({
			email: 'partner@acme.example',
			clientSecret: 'e2e-gupshup-secret',
			baseUrl: gupshup.baseUrl,
		}),
		wrongCredential: () => ({
			email: 'partner@acme.example',
			clientSecret: 'wrong',
			baseUrl: gupshup.baseUrl,
		}),
		refusal: /Gupshup refused the email or client secret|Authorization failed/,
		dropQuality: () => gupshup.update('919812345678', { phoneQuality: 'RED' }),
		droppingNumber: '+919812345678',
		listRequests: () =>
			gupshup.server.requests.filter((r) => r.path === '/partner/account/api/partnerApps').length,
		operations: [
			{
				name: 'List',
				parameters: { operation: 'list', returnAll: true },
				expected: [
					{
						id: GUPSHUP_APPS.mumbai,
						phoneNumber: '+919876543210',
						displayName: 'Acme Mumbai',
						status: 'ONLINE',
						qualityRating: 'GREEN',
						messagingLimit: 10000,
					},
					{
						id: GUPSHUP_APPS.delhi,
						phoneNumber: '+919812345678',
						displayName: 'Acme Delhi',
						status: 'ONLINE',
						qualityRating: 'GREEN',
						messagingLimit: 10000,
					},
				],
			},
			{
				name: 'Get',
				parameters: {
					operation: 'get',
					senderId: { __rl: true, mode: 'id', value: GUPSHUP_APPS.delhi },
				},
				expected: [{ id: GUPSHUP_APPS.delhi, phoneNumber: '+919812345678' }],
			},
			{
				name: 'Get Business Profile',
				parameters: {
					operation: 'getProfile',
					senderId: { __rl: true, mode: 'id', value: GUPSHUP_APPS.delhi },
				},
				expected: [
					{
						provider: 'gupshup',
						id: GUPSHUP_APPS.delhi,
						desc: 'Garden supplies',
						vertical: 'RETAIL',
					},
				],
			},
			{
				name: 'Update Business Profile',
				parameters: {
					operation: 'updateProfile',
					senderId: { __rl: true, mode: 'id', value: GUPSHUP_APPS.delhi },
					profileFields: { about: 'Open 9–18 IST', description: 'Seeds and tools' },
				},
				expected: [
					{
						provider: 'gupshup',
						id: GUPSHUP_APPS.delhi,
						about: 'Open 9–18 IST',
						desc: 'Seeds and tools',
						vertical: 'RETAIL',
					},
				],
			},
		],
	},
	{
		provider: 'infobip',
		displayName: 'Infobip',
		credentialType: 'infobipApi',
		simulator: infobip,
		seed: () => {
			infobip.addSenders({ sender: '447796344125' }, { sender: '447796344126' });
			infobip.businessAccounts.add('112233445566778');
			infobip.firstCode = '482913';
		},
		goodCredential: () => ({
			apiKey: 'e2e-infobip-key',
			baseUrl: infobip.baseUrl,
			senders: INFOBIP_NAMED,
		}),
		wrongCredential: () => ({ apiKey: 'wrong', baseUrl: infobip.baseUrl, senders: INFOBIP_NAMED }),
		refusal: /Infobip refused the API key|Authorization failed/,
		dropQuality: () => infobip.update('447796344126', { qualityRating: 'LOW' }),
		droppingNumber: '+447796344126',
		listRequests: () =>
			infobip.server.requests.filter((r) => r.path === '/whatsapp/1/senders/quality').length,
		operations: [
			{
				name: 'List',
				parameters: { operation: 'list', returnAll: true },
				expected: [
					{ id: '+447796344125', status: 'ONLINE', qualityRating: 'GREEN', messagingLimit: 10000 },
					{ id: '+447796344126', status: 'ONLINE', qualityRating: 'GREEN', messagingLimit: 10000 },
					{ id: '+447700900123', status: 'NOT_FOUND', qualityRating: 'UNKNOWN' },
				],
			},
			{
				name: 'Get',
				parameters: {
					operation: 'get',
					senderId: { __rl: true, mode: 'id', value: '+447796344126' },
				},
				expected: [{ id: '+447796344126', phoneNumber: '+447796344126', status: 'ONLINE' }],
			},
			{
				name: 'Add Sender',
				parameters: {
					operation: 'create',
					phoneNumber: '+447796344199',
					countryCode: '44',
					wabaId: '112233445566778',
					profileName: 'Acme UK',
				},
				expected: [{ id: '+447796344199', status: 'PENDING_VERIFICATION' }],
			},
			{
				name: 'Verify',
				parameters: {
					operation: 'verify',
					senderId: { __rl: true, mode: 'id', value: '+447796344199' },
					verificationCode: '482913',
				},
				expected: [{ id: '+447796344199', status: 'ONLINE', providerStatus: 'CONNECTED' }],
			},
			{
				name: 'Update Business Profile',
				parameters: {
					operation: 'updateProfile',
					senderId: { __rl: true, mode: 'id', value: '+447796344125' },
					profileFields: { about: 'Open 9–17 GMT', vertical: 'RETAIL' },
				},
				expected: [
					{
						provider: 'infobip',
						id: '+447796344125',
						about: 'Open 9–17 GMT',
						vertical: 'SHOPPING_AND_RETAIL',
					},
				],
			},
		],
	},
];

const slack = new SlackSink();
let userFolder: string;
let n8n: RunningN8n;
let apiKey: string;
let session: OwnerSession;

const credentialRef = (c: ProviderCase) => ({
	[c.credentialType]: {
		id: `${c.provider}E2eCred`.padEnd(16, '0').slice(0, 16),
		name: `${c.displayName} e2e`,
	},
});
const triggerId = (c: ProviderCase) => `${c.provider}QualAlert`.padEnd(16, '0').slice(0, 16);
const webhookPath = (c: ProviderCase, operation: Operation) =>
	`${c.provider}-${operation.parameters.operation}`;
const webhookId = (index: number) => `5f0c2a1e-8d1c-4c55-9d2e-${String(index).padStart(12, '0')}`;

beforeAll(async () => {
	await Promise.all([slack.start(), ...CASES.map((c) => c.simulator.start())]);
	for (const c of CASES) c.seed();
	const workflows = CASES.flatMap((c, caseIndex) => [
		triggerToSlackWorkflow({
			id: triggerId(c),
			name: `${c.displayName} quality alert`,
			triggerName: 'Quality turns RED',
			triggerParameters: {
				pollTimes: ONLY_WHEN_ACTIVATED,
				provider: c.provider,
				events: ['qualityChanged'],
				filters: { qualityBecomes: ['RED'] },
			},
			credentials: credentialRef(c),
			slackUrl: slack.url,
			text: '"WhatsApp quality " + $json.previous.qualityRating + " → " + $json.sender.qualityRating + " for " + $json.sender.phoneNumber + " (" + $json.provider + ")"',
		}),
		...c.operations.map((operation, index) =>
			webhookListWorkflow({
				id: `${c.provider}Op${index}`.padEnd(16, '0').slice(0, 16),
				name: `${c.displayName} ${operation.name}`,
				path: webhookPath(c, operation),
				webhookId: webhookId(caseIndex * 100 + index),
				credentials: credentialRef(c),
				parameters: { provider: c.provider, resource: 'sender', ...operation.parameters },
			}),
		),
	]);
	const credentials = CASES.map((c) => {
		const [type, { id, name }] = Object.entries(credentialRef(c))[0];
		return { id, name, type, data: c.goodCredential() };
	});
	({ userFolder, n8n, apiKey, session } = await startN8nWithWorkflows(credentials, workflows));
	// activation polls at once: that poll records each trigger's baseline
	await waitFor(() => CASES.every((c) => c.listRequests() >= 1), 30_000, 'the baseline polls');
}, 240_000);

afterAll(async () => {
	await n8n?.stop();
	await Promise.all([slack.stop(), ...CASES.map((c) => c.simulator.stop())]);
	if (userFolder) rmSync(userFolder, { recursive: true, force: true });
});

describe.each(CASES)('$displayName in a real n8n', (c) => {
	it("Test credential passes with the right secret and fails with a wrong one, in the provider's words", async () => {
		const good = await testCredential(n8n.url, session, {
			name: `${c.displayName} test`,
			type: c.credentialType,
			data: c.goodCredential(),
		});
		expect(good).toMatchObject({ status: 'OK' });
		const bad = await testCredential(n8n.url, session, {
			name: `${c.displayName} wrong`,
			type: c.credentialType,
			data: c.wrongCredential(),
		});
		expect(bad.status).toBe('Error');
		expect(bad.message).toMatch(c.refusal);
	});

	it('Test credential refuses a Base URL (and Token URL) over plain http to another host, and the provider receives nothing', async () => {
		const good = c.goodCredential();
		const data = Object.fromEntries(
			Object.entries(good).map(([field, value]) => [
				field,
				/Url$/.test(field) ? notLocalhost(String(value)) : value,
			]),
		);
		c.simulator.server.resetRequests();
		const result = await testCredential(n8n.url, session, {
			name: `${c.displayName} http`,
			type: c.credentialType,
			data,
		});
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(
			/^Invalid "(Base|Token) URL" in the credential: must start with https:\/\/ \(http:\/\/ is accepted only for localhost\), got http:\/\/[^ ]+\. Nothing was sent\.$/,
		);
		expect(c.simulator.server.requests).toHaveLength(0);
	});

	it.each(c.operations.map((operation) => [operation.name, operation] as const))(
		'%s answers through a workflow',
		async (_name, operation) => {
			const response = await callProductionWebhook(n8n.url, webhookPath(c, operation));
			expect(response.status).toBe(200);
			const items = JSON.parse(response.body) as Array<Record<string, unknown>>;
			expect(items).toHaveLength(operation.expected.length);
			operation.expected.forEach((expected, index) => expect(items[index]).toMatchObject(expected));
			for (const field of operation.absent ?? [])
				expect(items.map((item) => field in item)).not.toContain(true);
		},
	);

	it('posts exactly one Slack message naming the number when its quality turns RED, and none on the next poll', async () => {
		const ours = () =>
			slack.messages.filter((message) => String(message.text).endsWith(`(${c.provider})`));
		expect(ours()).toEqual([]);
		c.dropQuality();
		const polled = c.listRequests();
		await repoll(n8n.url, apiKey, triggerId(c));
		await waitFor(() => ours().length >= 1, 30_000, 'the Slack message');
		expect(ours()).toEqual([
			{ text: `WhatsApp quality GREEN → RED for ${c.droppingNumber} (${c.provider})` },
		]);
		await repoll(n8n.url, apiKey, triggerId(c));
		await waitFor(() => c.listRequests() > polled + 1, 30_000, 'the next poll');
		await new Promise((resolve) => setTimeout(resolve, 3000));
		expect(ours()).toHaveLength(1);
	}, 90_000);
});

describe('Infobip’s Test credential in a real n8n', () => {
	it('fails when Infobip returns none of the named numbers, saying so', async () => {
		const result = await testCredential(n8n.url, session, {
			name: 'Infobip numbers of another account',
			type: 'infobipApi',
			data: {
				apiKey: 'e2e-infobip-key',
				baseUrl: infobip.baseUrl,
				senders: '+447700900123, 447700900124',
			},
		});
		expect(result).toEqual({
			status: 'Error',
			message:
				'Infobip returned none of the WhatsApp Sender Numbers for this account: only senders associated with the account are answered. Check the numbers.',
		});
		const [asked] = infobip.server.requests.filter(
			(r) => r.query.senders === '447700900123,447700900124',
		);
		expect(asked.headers.authorization).toBe('App e2e-infobip-key');
	});
});
