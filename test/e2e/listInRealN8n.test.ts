import { rmSync } from 'node:fs';

import { GupshupSimulator } from '../simulators/gupshup';
import { MetaSimulator } from '../simulators/meta';
import { NinetyNineDigitalSimulator } from '../simulators/ninetyNineDigital';
import { PlatformSimulator } from '../simulators/platform';
import { SinchSimulator } from '../simulators/sinch';
import { TwilioSimulator, twilioSid } from '../simulators/twilio';
import { YCloudSimulator } from '../simulators/yCloud';
import {
	executeWorkflow,
	importIntoN8n,
	installPackage,
	newUserFolder,
	nodeOutput,
	PACKAGE_NAME,
	type RunOutput,
} from '../support/n8n';

/**
 * A real n8n (the pinned version under test/.n8n) with this package installed from its
 * `npm pack` tarball as a community package, running Manual Trigger → WhatsApp Senders
 * List branches against the simulators over real HTTP, through `n8n execute`.
 */

const ACCOUNT_SID = twilioSid('AC');
const AUTH_TOKEN = 'e2e-twilio-token';
const AUTOCALLS_KEY = 'e2e-autocalls-key';
const FAMULOR_KEY = 'e2e-famulor-key';
const TWILIO_SENDERS = 1234;
const META_TOKEN = 'e2e-meta-system-user-token';
const META_WABA = '102290129340398';
const META_NUMBERS = 150;
const DIGITAL_ID = 'e2e-partner';
const DIGITAL_SECRET = 'e2e-partner-secret';
const YCLOUD_NUMBERS = 230;
const SINCH_PROJECT = 'e2e-sinch-project';
const SINCH_SENDERS = 130;
const GUPSHUP_APPS = 3;

const twilio = new TwilioSimulator();
const autocalls = new PlatformSimulator('Autocalls');
const famulor = new PlatformSimulator('Famulor');
const meta = new MetaSimulator(META_TOKEN, META_WABA);
const digital = new NinetyNineDigitalSimulator(DIGITAL_ID, DIGITAL_SECRET);
const ycloud = new YCloudSimulator('e2e-ycloud-key');
const sinch = new SinchSimulator(SINCH_PROJECT, 'e2e-sinch-key-id', 'e2e-sinch-key-secret');
const gupshup = new GupshupSimulator('partner@acme.example', 'e2e-gupshup-secret');
let userFolder: string;
let run: RunOutput;
let onboardingRun: RunOutput;

function listNode(
	name: string,
	provider: string,
	credentialType: string,
	credentialId: string,
	parameters: object,
	y: number,
) {
	return {
		id: name.replace(/\W/g, '').toLowerCase(),
		name,
		type: `${PACKAGE_NAME}.whatsAppSenders`,
		typeVersion: 1,
		position: [300, y],
		parameters: { provider, resource: 'sender', operation: 'list', ...parameters },
		credentials: { [credentialType]: { id: credentialId, name: credentialId } },
	};
}

beforeAll(async () => {
	await Promise.all([
		twilio.start(),
		autocalls.start(),
		famulor.start(),
		meta.start(),
		digital.start(),
		ycloud.start(),
		sinch.start(),
		gupshup.start(),
	]);
	ycloud.addNumbers(
		...Array.from({ length: YCLOUD_NUMBERS }, (_, i) => ({
			phoneNumber: `+6581${String(i).padStart(6, '0')}`,
			qualityRating: i === 5 ? 'YELLOW' : 'GREEN',
		})),
	);
	sinch.addSenders(
		...Array.from({ length: SINCH_SENDERS }, (_, i) => ({
			countryCode: '46',
			phoneNumber: `70${String(i).padStart(7, '0')}`,
			qualityRating: i === 9 ? 'RED' : 'GREEN',
		})),
	);
	gupshup.addNumbers(
		...Array.from({ length: GUPSHUP_APPS }, (_, i) => ({
			phone: `9198765432${i}0`,
			verifiedName: `Acme India ${i}`,
			phoneQuality: i === 1 ? 'YELLOW' : 'GREEN',
		})),
	);
	meta.addNumbers(
		...Array.from({ length: META_NUMBERS }, (_, i) => ({
			phoneNumber: `+1628555${String(i).padStart(4, '0')}`,
			qualityRating: i === 3 ? 'RED' : 'GREEN',
		})),
	);
	digital.addNumbers(
		{ phoneDigits: '972501234567', displayName: 'Acme IL' },
		{ phoneDigits: '972507654321', inbox: false },
	);
	twilio.addAccount(ACCOUNT_SID, AUTH_TOKEN);
	twilio.addSenders(
		ACCOUNT_SID,
		...Array.from({ length: TWILIO_SENDERS }, (_, i) => ({
			phoneNumber: `+1415555${String(i).padStart(4, '0')}`,
			qualityRating: i === 7 ? 'LOW' : 'HIGH',
		})),
	);
	autocalls.addSenders(
		AUTOCALLS_KEY,
		{ phoneNumber: '+14155551234', displayName: 'Acme Support' },
		{ phoneNumber: '+442071234567', status: 'offline', qualityRating: 'RED', messagingLimit: null },
	);
	famulor.addSenders(FAMULOR_KEY, {
		phoneNumber: '+4930123456',
		displayName: 'Famulor Vertrieb',
		qualityRating: 'YELLOW',
	});

	userFolder = newUserFolder();
	await installPackage(userFolder);
	await importIntoN8n(userFolder, 'credentials', [
		{
			id: 'twilioCred000001',
			name: 'Twilio e2e',
			type: 'twilioSendersApi',
			data: {
				authType: 'authToken',
				accountSid: ACCOUNT_SID,
				authToken: AUTH_TOKEN,
				baseUrl: twilio.baseUrl,
			},
		},
		{
			id: 'twilioBadCred001',
			name: 'Twilio wrong token',
			type: 'twilioSendersApi',
			data: {
				authType: 'authToken',
				accountSid: ACCOUNT_SID,
				authToken: 'wrong',
				baseUrl: twilio.baseUrl,
			},
		},
		{
			id: 'autocallsCred001',
			name: 'Autocalls e2e',
			type: 'autocallsApi',
			data: { apiKey: AUTOCALLS_KEY, baseUrl: autocalls.baseUrl },
		},
		{
			id: 'famulorCred00001',
			name: 'Famulor e2e',
			type: 'famulorApi',
			data: { apiKey: FAMULOR_KEY, baseUrl: famulor.baseUrl },
		},
		{
			id: 'metaCred00000001',
			name: 'Meta e2e',
			type: 'metaWhatsAppCloudApi',
			data: {
				accessToken: META_TOKEN,
				wabaId: META_WABA,
				graphApiVersion: 'v26.0',
				baseUrl: meta.baseUrl,
			},
		},
		{
			id: 'digitalCred00001',
			name: '99digital e2e',
			type: 'ninetyNineDigitalApi',
			data: {
				clientId: DIGITAL_ID,
				clientSecret: DIGITAL_SECRET,
				baseUrl: digital.baseUrl,
				accessToken: '',
			},
		},
		{
			id: 'ycloudCred000001',
			name: 'YCloud e2e',
			type: 'yCloudApi',
			data: { apiKey: 'e2e-ycloud-key', baseUrl: ycloud.baseUrl },
		},
		{
			id: 'sinchCred0000001',
			name: 'Sinch e2e',
			type: 'sinchProvisioningApi',
			data: {
				projectId: SINCH_PROJECT,
				keyId: 'e2e-sinch-key-id',
				keySecret: 'e2e-sinch-key-secret',
				baseUrl: sinch.baseUrl,
				tokenUrl: sinch.tokenUrl,
			},
		},
		{
			id: 'gupshupCred00001',
			name: 'Gupshup e2e',
			type: 'gupshupPartnerApi',
			data: {
				email: 'partner@acme.example',
				clientSecret: 'e2e-gupshup-secret',
				baseUrl: gupshup.baseUrl,
			},
		},
	]);
	const nodes = [
		{
			id: 'trigger',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		listNode(
			'Twilio List',
			'twilio',
			'twilioSendersApi',
			'twilioCred000001',
			{ returnAll: true },
			0,
		),
		listNode(
			'Autocalls List',
			'autocalls',
			'autocallsApi',
			'autocallsCred001',
			{ returnAll: true, filters: { status: 'all' } },
			200,
		),
		listNode(
			'Famulor List',
			'famulor',
			'famulorApi',
			'famulorCred00001',
			{ returnAll: false, limit: 5 },
			400,
		),
		listNode(
			'Meta List',
			'metaCloud',
			'metaWhatsAppCloudApi',
			'metaCred00000001',
			{ returnAll: true },
			1000,
		),
		listNode(
			'99digital List',
			'99digital',
			'ninetyNineDigitalApi',
			'digitalCred00001',
			{ returnAll: true },
			1200,
		),
		listNode('YCloud List', 'ycloud', 'yCloudApi', 'ycloudCred000001', { returnAll: true }, 1400),
		listNode(
			'Sinch List',
			'sinch',
			'sinchProvisioningApi',
			'sinchCred0000001',
			{ returnAll: true },
			1600,
		),
		listNode(
			'Gupshup List',
			'gupshup',
			'gupshupPartnerApi',
			'gupshupCred00001',
			{ returnAll: true },
			1800,
		),
		{
			...listNode(
				'Twilio Wrong Token',
				'twilio',
				'twilioSendersApi',
				'twilioBadCred001',
				{ returnAll: true },
				600,
			),
			onError: 'continueRegularOutput',
		},
	];
	const targets = nodes.slice(1).map((node) => ({ node: node.name, type: 'main', index: 0 }));
	await importIntoN8n(userFolder, 'workflow', [
		{
			id: 'e2eListSenders01',
			name: 'List senders e2e',
			active: false,
			nodes,
			connections: { Start: { main: [targets] } },
			settings: { executionOrder: 'v1' },
		},
	]);
	const onboarding = ['Create', 'Verify', 'Get', 'Update Profile', 'Delete'];
	const byExpression = { __rl: true, mode: 'id', value: "={{ $('Create').item.json.id }}" };
	const lifecycleNode = (name: string, x: number, parameters: object) => ({
		...listNode(name, 'twilio', 'twilioSendersApi', 'twilioCred000001', {}, 800),
		position: [x, 800],
		parameters: { provider: 'twilio', resource: 'sender', ...parameters },
	});
	await importIntoN8n(userFolder, 'workflow', [
		{
			id: 'e2eOnboarding001',
			name: 'Onboarding e2e',
			active: false,
			settings: { executionOrder: 'v1' },
			nodes: [
				{
					id: 'start',
					name: 'Start',
					type: 'n8n-nodes-base.manualTrigger',
					typeVersion: 1,
					position: [0, 800],
					parameters: {},
				},
				lifecycleNode('Create', 200, {
					operation: 'create',
					phoneNumber: '+14155559999',
					wabaId: '1234567890',
					profileName: 'Onboarded Client',
					verificationMethod: 'sms',
				}),
				lifecycleNode('Verify', 400, {
					operation: 'verify',
					senderId: byExpression,
					verificationCode: '123456',
				}),
				lifecycleNode('Get', 600, { operation: 'get', senderId: byExpression }),
				lifecycleNode('Update Profile', 800, {
					operation: 'update',
					senderId: byExpression,
					updateFields: { about: 'Onboarded by n8n' },
				}),
				lifecycleNode('Delete', 1000, { operation: 'delete', senderId: byExpression }),
			],
			connections: Object.fromEntries(
				['Start', ...onboarding.slice(0, -1)].map((from, i) => [
					from,
					{ main: [[{ node: onboarding[i], type: 'main', index: 0 }]] },
				]),
			),
		},
	]);
	twilio.server.resetRequests();
	run = await executeWorkflow(userFolder, 'e2eListSenders01');
	onboardingRun = await executeWorkflow(userFolder, 'e2eOnboarding001');
}, 240_000);

afterAll(async () => {
	await Promise.all([
		twilio.stop(),
		autocalls.stop(),
		famulor.stop(),
		meta.stop(),
		digital.stop(),
		ycloud.stop(),
		sinch.stop(),
		gupshup.stop(),
	]);
	if (userFolder) rmSync(userFolder, { recursive: true, force: true });
});

describe('WhatsApp Senders List in a real n8n', () => {
	it('lists every Twilio sender across pages of 1,000', () => {
		const senders = nodeOutput(run, 'Twilio List');
		expect(senders).toHaveLength(TWILIO_SENDERS);
		expect(new Set(senders.map((s) => s.id)).size).toBe(TWILIO_SENDERS);
		const listRequests = twilio.server.requests.filter(
			(r) =>
				r.method === 'GET' &&
				r.path === '/v2/Channels/Senders' &&
				r.headers.authorization?.includes(
					Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64'),
				),
		);
		expect(listRequests.map((r) => r.query.PageSize)).toEqual(['1000', '1000']);
		expect(listRequests.every((r) => r.query.Channel === 'whatsapp')).toBe(true);
	});

	it('maps Twilio quality LOW to RED', () => {
		const red = nodeOutput(run, 'Twilio List').filter((s) => s.qualityRating === 'RED');
		expect(red).toHaveLength(1);
		expect(red[0]).toMatchObject({
			provider: 'twilio',
			phoneNumber: '+14155550007',
			messagingLimit: 10000,
		});
	});

	it('lists Autocalls senders including offline ones when the Status filter is All', () => {
		expect(nodeOutput(run, 'Autocalls List')).toEqual([
			expect.objectContaining({
				provider: 'autocalls',
				phoneNumber: '+14155551234',
				status: 'ONLINE',
				displayName: 'Acme Support',
			}),
			expect.objectContaining({
				provider: 'autocalls',
				phoneNumber: '+442071234567',
				status: 'OFFLINE',
				qualityRating: 'RED',
				messagingLimit: null,
				messagingLimitText: 'Unlimited',
			}),
		]);
	});

	it('lists Famulor senders with the Famulor credential', () => {
		expect(nodeOutput(run, 'Famulor List')).toEqual([
			expect.objectContaining({
				provider: 'famulor',
				phoneNumber: '+4930123456',
				qualityRating: 'YELLOW',
				id: '1',
			}),
		]);
	});

	it('lists Meta numbers across cursor pages of 100', () => {
		const numbers = nodeOutput(run, 'Meta List');
		expect(numbers).toHaveLength(META_NUMBERS);
		expect(numbers[3]).toMatchObject({
			provider: 'metaCloud',
			phoneNumber: '+16285550003',
			qualityRating: 'RED',
			status: 'ONLINE',
			messagingLimit: 2000,
		});
		expect(
			meta.server.requests
				.filter((r) => r.path.endsWith('/phone_numbers'))
				.map((r) => r.query.limit),
		).toEqual(['100', '100']);
	});

	it('lists 99digital numbers with a token it fetched itself, without their API keys', () => {
		expect(nodeOutput(run, '99digital List')).toEqual([
			expect.objectContaining({
				provider: '99digital',
				phoneNumber: '+972501234567',
				status: 'ONLINE',
				displayName: 'Acme IL',
			}),
			expect.objectContaining({
				provider: '99digital',
				phoneNumber: '+972507654321',
				status: 'ONLINE',
				onlineInbox: { attached: false, accountId: null, inboxId: null },
			}),
		]);
		expect(digital.tokenRequests).toBe(1);
		expect(JSON.stringify(nodeOutput(run, '99digital List'))).not.toContain('number-key-');
	});

	it('lists YCloud numbers across pages of 100', () => {
		const numbers = nodeOutput(run, 'YCloud List');
		expect(numbers).toHaveLength(YCLOUD_NUMBERS);
		expect(numbers[5]).toMatchObject({
			provider: 'ycloud',
			id: '102290129340398/+6581000005',
			phoneNumber: '+6581000005',
			qualityRating: 'YELLOW',
			status: 'ONLINE',
		});
		// the account's WABAs first (their ban state and restrictions), then the numbers
		expect(ycloud.server.requests.map((r) => [r.path, r.query.page, r.query.limit])).toEqual([
			['/v2/whatsapp/businessAccounts', '1', '100'],
			['/v2/whatsapp/phoneNumbers', '1', '100'],
			['/v2/whatsapp/phoneNumbers', '2', '100'],
			['/v2/whatsapp/phoneNumbers', '3', '100'],
		]);
	});

	it('lists Sinch senders across token pages of 100 with an OAuth2 token it fetched itself', () => {
		const senders = nodeOutput(run, 'Sinch List');
		expect(senders).toHaveLength(SINCH_SENDERS);
		expect(senders[9]).toMatchObject({
			provider: 'sinch',
			phoneNumber: '+46700000009',
			qualityRating: 'RED',
			messagingLimit: 1000,
		});
		expect(
			sinch.server.requests.filter((r) => r.path.endsWith('/senders')).map((r) => r.query.pageSize),
		).toEqual(['100', '100']);
		expect(sinch.tokenRequests).toBe(1);
		expect(JSON.stringify(senders)).not.toContain('sender-bearer-');
	});

	it('lists Gupshup apps with their numbers, quality and limit', () => {
		expect(
			nodeOutput(run, 'Gupshup List').map((app) => [
				app.provider,
				app.phoneNumber,
				app.displayName,
				app.qualityRating,
			]),
		).toEqual([
			['gupshup', '+919876543200', 'Acme India 0', 'GREEN'],
			['gupshup', '+919876543210', 'Acme India 1', 'YELLOW'],
			['gupshup', '+919876543220', 'Acme India 2', 'GREEN'],
		]);
	});

	it('turns a wrong Twilio token into an error item naming Twilio when Continue On Fail is on', () => {
		const [item] = nodeOutput(run, 'Twilio Wrong Token');
		expect(item.error).toBe('Twilio rejected the credentials (HTTP 401)');
		expect(String(item.description)).toContain('Account SID and Auth Token');
		expect(JSON.stringify(item)).not.toContain('wrong');
	});
});

describe('Onboarding a Twilio number in a real n8n', () => {
	it('creates, verifies, sees it ONLINE, updates its profile and deletes it', () => {
		expect(nodeOutput(onboardingRun, 'Create')).toEqual([
			expect.objectContaining({
				phoneNumber: '+14155559999',
				providerStatus: 'CREATING',
				displayName: 'Onboarded Client',
			}),
		]);
		expect(nodeOutput(onboardingRun, 'Verify')).toEqual([
			expect.objectContaining({ status: 'VERIFYING' }),
		]);
		expect(nodeOutput(onboardingRun, 'Get')).toEqual([
			expect.objectContaining({ status: 'ONLINE', qualityRating: 'GREEN' }),
		]);
		expect(nodeOutput(onboardingRun, 'Update Profile')).toEqual([
			expect.objectContaining({
				providerStatus: 'ONLINE:UPDATING',
				raw: expect.objectContaining({
					profile: expect.objectContaining({ about: 'Onboarded by n8n' }),
				}),
			}),
		]);
		const [deleted] = nodeOutput(onboardingRun, 'Delete');
		expect(deleted).toEqual({ deleted: true, id: nodeOutput(onboardingRun, 'Create')[0].id });
		expect(twilio.account(ACCOUNT_SID).senders.some((s) => s.sid === deleted.id)).toBe(false);
	});
});
