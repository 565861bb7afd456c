import { mapPlatformSender } from '../../nodes/WhatsAppSenders/providers/autocallsPlatform/mapper';
import { mapGupshupApp } from '../../nodes/WhatsAppSenders/providers/gupshup/mapper';
import { metaCloudAdapter } from '../../nodes/WhatsAppSenders/providers/metaCloud/adapter';
import { mapMetaPhoneNumber } from '../../nodes/WhatsAppSenders/providers/metaCloud/mapper';
import {
	mapAccountUsage,
	mapNinetyNineNumber,
} from '../../nodes/WhatsAppSenders/providers/ninetyNineDigital/mapper';
import {
	mapSinchSender,
	parseSinchError,
} from '../../nodes/WhatsAppSenders/providers/sinch/mapper';
import { mapTwilioSender } from '../../nodes/WhatsAppSenders/providers/twilio/mapper';
import { contractExamples, responseViolations } from '../support/providerContracts';
import { readReferenceFile } from '../support/referenceFiles';

/**
 * The example answers the providers publish (their contracts' examples and the pages in
 * test/reference/provider-docs), replayed through the mappers. The expected output is written by
 * hand from the provider's words, not from what the mapper happens to return.
 */
type Raw = Record<string, unknown>;

/** The first JSON object in a provider page, after `marker`, read as the page prints it. */
function jsonInDoc(file: string, marker: string): Raw {
	const text = readReferenceFile(`provider-docs/${file}`);
	if (!text.includes(marker)) throw new Error(`no "${marker}" in ${file}`);
	const start = text.indexOf('{', text.indexOf(marker));
	let depth = 0;
	for (let index = start; index < text.length; index++) {
		if (text[index] === '{') depth++;
		if (text[index] === '}' && --depth === 0)
			return JSON.parse(text.slice(start, index + 1)) as Raw;
	}
	throw new Error(`no JSON after "${marker}" in ${file}`);
}

const pick = (sender: Raw) => ({
	id: sender.id,
	phoneNumber: sender.phoneNumber,
	displayName: sender.displayName,
	status: sender.status,
	providerStatus: sender.providerStatus,
	qualityRating: sender.qualityRating,
	messagingLimit: sender.messagingLimit,
	messagingLimitText: sender.messagingLimitText,
});

describe("Twilio's contract examples", () => {
	const fetched = contractExamples('twilio', 'FetchChannelsSender', 200);

	it('whatsapp_fetch: an ONLINE sender, HIGH quality is GREEN, 10K Customers/24hr is 10,000', () => {
		const raw = fetched.whatsapp_fetch as Raw;
		expect(mapTwilioSender(raw)).toEqual({
			provider: 'twilio',
			id: 'XEaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
			// "whatsapp:+999999999XX" is a placeholder, not a number: no number is made up from it
			phoneNumber: null,
			displayName: 'Example Profile Name',
			status: 'ONLINE',
			providerStatus: 'ONLINE',
			qualityRating: 'GREEN',
			messagingLimit: 10000,
			messagingLimitText: '10K Customers/24hr',
			offlineReasons: [],
			raw,
		});
	});

	it("whatsapp_fetch_offline_reasons: an OFFLINE sender keeps Twilio's reason", () => {
		const sender = mapTwilioSender(fetched.whatsapp_fetch_offline_reasons as Raw);
		expect(sender.status).toBe('OFFLINE');
		expect(sender.offlineReasons).toEqual([
			{
				code: '30008',
				message: 'No delivery',
				moreInfo: 'https://www.twilio.com/docs/api/errors/30008',
			},
		]);
	});

	it('whatsapp_create: a new sender is PENDING (CREATING), with no quality or limit yet', () => {
		const created = contractExamples('twilio', 'CreateChannelsSender', 202).whatsapp_create as Raw;
		expect(pick(mapTwilioSender(created) as unknown as Raw)).toMatchObject({
			status: 'PENDING',
			providerStatus: 'CREATING',
			qualityRating: 'UNKNOWN',
			messagingLimit: null,
		});
	});

	it('update: a sender whose code was sent is VERIFYING', () => {
		const updated = contractExamples('twilio', 'UpdateChannelsSender', 202).update as Raw;
		expect(pick(mapTwilioSender(updated) as unknown as Raw)).toMatchObject({
			status: 'VERIFYING',
			providerStatus: 'VERIFYING',
			displayName: 'Example Business',
		});
	});
});

describe("Meta's contract examples", () => {
	const listed = contractExamples('meta', 'getWhatsAppBusinessAccountPhoneNumbers', 200);
	const fetched = contractExamples('meta', 'getPhoneNumberById', 200);

	it('multiple_phone_numbers: a LINKED live number and a PENDING one waiting for its code', () => {
		const [live, pending] = (listed.multiple_phone_numbers as { data: Raw[] }).data.map((raw) =>
			pick(mapMetaPhoneNumber(raw) as unknown as Raw),
		);
		expect(live).toEqual({
			id: '1906385232743451',
			phoneNumber: '+16315555555',
			displayName: "Jasper's Market",
			status: 'ONLINE',
			providerStatus: 'LINKED',
			qualityRating: 'GREEN',
			messagingLimit: 1000,
			messagingLimitText: 'TIER_1K',
		});
		expect(pending).toEqual({
			id: '1913623884432103',
			phoneNumber: '+16315555556',
			displayName: "Jasper's Ice Cream",
			status: 'PENDING_VERIFICATION',
			providerStatus: 'PENDING',
			qualityRating: 'UNKNOWN',
			messagingLimit: 50,
			messagingLimitText: 'TIER_50',
		});
	});

	it('single_phone_number: the fields Meta always sends are enough', () => {
		const [number] = (listed.single_phone_number as { data: Raw[] }).data;
		expect(pick(mapMetaPhoneNumber(number) as unknown as Raw)).toMatchObject({
			id: '1906385232743451',
			status: 'ONLINE',
			qualityRating: 'GREEN',
			messagingLimit: null,
		});
	});

	it('getPhoneNumberById default_response: without a status asked for, the status is UNKNOWN, not guessed', () => {
		expect(pick(mapMetaPhoneNumber(fetched.default_response as Raw) as unknown as Raw)).toEqual({
			id: '106853218861309',
			phoneNumber: '+15555555555',
			displayName: 'Jaspers Market',
			status: 'UNKNOWN',
			providerStatus: null,
			qualityRating: 'GREEN',
			messagingLimit: null,
			messagingLimitText: null,
		});
	});

	// what each of the contract's error examples means to the node: the user's credentials, a
	// throttle Meta did not process (repeated), a temporary error (repeated for reads only)
	it.each([
		[401, 'invalid_token', { code: '190', credentialsRejected: true }],
		[403, 'insufficient_permissions', { code: '200', credentialsRejected: true }],
		[429, 'rate_limit_exceeded', { code: '4', notProcessed: true, transient: true }],
		[429, 'user_rate_limit', { code: '17', notProcessed: true, transient: true }],
		[429, 'business_rate_limit', { code: '80007', notProcessed: true, transient: true }],
		[500, 'internal_error', { code: '2', notProcessed: undefined, transient: true }],
		[404, 'phone_not_found', { code: '803', notProcessed: undefined, transient: undefined }],
		[400, 'invalid_fields', { code: '100', notProcessed: undefined, transient: undefined }],
	])("getPhoneNumberById's %i example %s reads as %p", (status, example, expected) => {
		const body = contractExamples('meta', 'getPhoneNumberById', status)[example] as {
			error: { message: string };
		};
		const detail = metaCloudAdapter.parseError(status, body, { method: 'GET', path: '/v23.0/1' });
		expect(detail).toMatchObject(expected);
		expect(detail.message).toBe(
			body.error.message +
				((body.error as Raw).error_subcode === undefined
					? ''
					: ` (subcode ${String((body.error as Raw).error_subcode)})`),
		);
		expect(detail.hint).toContain('fbtrace_id AXsgnV2Cm3ZMGF3dF_cfYIn');
	});

	it.each([
		['getWhatsAppBusinessAccountPhoneNumbers', 'multiple_phone_numbers'],
		['getWhatsAppBusinessAccountPhoneNumbers', 'single_phone_number'],
		['getPhoneNumberById', 'comprehensive_response'],
		['getWhatsAppBusinessProfile', 'business_profile_details'],
	])('%s %s passes the contract the simulator is held to', async (operationId, example) => {
		const value = contractExamples('meta', operationId, 200)[example];
		expect(value).toBeDefined();
		// the contract and its exceptions (the ones the simulator is held to) accept Meta's own examples
		expect(await responseViolations('meta', operationId, 200, value)).toBeUndefined();
	});
});

describe('The Autocalls and Famulor documentation example', () => {
	it.each([
		['autocalls', 'autocalls-whatsapp-senders-api.txt'],
		['famulor', 'famulor-whatsapp-senders-api.txt'],
	])(
		'%s: two online GREEN senders, one limited to 10,000 a day, one unlimited',
		(provider, file) => {
			const { data } = jsonInDoc(file, 'YOUR_API_KEY') as { data: Raw[] };
			expect(data.map((raw) => pick(mapPlatformSender(provider, raw) as unknown as Raw))).toEqual([
				{
					id: '12',
					phoneNumber: '+14155551234',
					displayName: 'Acme Corp Support',
					status: 'ONLINE',
					providerStatus: 'online',
					qualityRating: 'GREEN',
					messagingLimit: 10000,
					messagingLimitText: '10,000 / 24hr',
				},
				{
					id: '15',
					phoneNumber: '+442071234567',
					displayName: 'Acme Corp Sales',
					status: 'ONLINE',
					providerStatus: 'online',
					qualityRating: 'GREEN',
					messagingLimit: null,
					messagingLimitText: 'Unlimited',
				},
			]);
		},
	);
});

describe("99digital's Get WhatsApp Numbers example", () => {
	const answer = jsonInDoc('99digital-get-whatsapp-numbers.txt', 'Response:') as Raw & {
		list: Raw[];
	};

	it('both onboarded numbers are ONLINE; only the first has an Online inbox; no API key is output', () => {
		const senders = answer.list.map((raw) => mapNinetyNineNumber(raw));
		expect(
			senders.map((sender) => [
				sender.id,
				sender.phoneNumber,
				sender.displayName,
				sender.status,
				sender.qualityRating,
				sender.onlineInbox,
			]),
		).toEqual([
			[
				'972501234567',
				'+972501234567',
				'The WhatsApp Display name',
				'ONLINE',
				'UNKNOWN',
				{ attached: true, accountId: '1', inboxId: '2' },
			],
			[
				'972507654321',
				'+972507654321',
				'The WhatsApp Display name',
				'ONLINE',
				'UNKNOWN',
				{ attached: false, accountId: null, inboxId: null },
			],
		]);
		expect(JSON.stringify(senders)).not.toContain('the-api-key-for-the-service');
	});

	it("gives the account's monthly totals", () => {
		expect(mapAccountUsage(answer)).toEqual({
			provider: '99digital',
			totalWhatsApp: 2,
			totalConversationsThisMonth: 10,
			totalMarketingThisMonth: 4,
			totalServiceThisMonth: 5,
			totalIncomingThisMonth: 1,
		});
	});
});

describe("Gupshup's Get Waba Info and Get Partner Apps examples", () => {
	// https://partner-docs.gupshup.io/reference/get_partner-account-api-partnerapps (first app of the sample)
	const app: Raw = {
		id: '00065097-93ff-4c22-bfa4-845f01b7de3b',
		name: 'BotTch20',
		customerId: '4000001311',
		live: false,
		partnerId: 6,
		createdOn: 1624339843605,
		modifiedOn: 1651130376253,
		partnerCreated: false,
		cxpEnabled: false,
		partnerUsage: true,
		stopped: false,
		healthy: true,
		cap: 0.0,
	};

	it('the "if canSendMessage is LIMITED" answer is a LIMITED number, GREEN, 1,000 a day, with Gupshup’s additional info as the reason', () => {
		// https://partner-docs.gupshup.io/reference/getwabahealth, status codes table, first 200 row
		const answer = JSON.parse(
			'{ "wabaInfo":{"accountStatus": "ACTIVE","dockerStatus": "CONNECTED","messagingLimit": "TIER_1K","mmLiteStatus" :"ELIGIBLE","ownershipType":"CLIENT_OWNED","phone": "917835039205","phoneQuality": "GREEN", "wabaId": "116676371511027", "canSendMessage": "LIMITED", "additionalInfo": [ "Your display name has not been approved yet. Your message limit will increase after the display name is approved." ] }, "status": "success" }',
		) as { wabaInfo: Raw };
		expect(pick(mapGupshupApp(String(app.id), app, answer.wabaInfo) as unknown as Raw)).toEqual({
			id: '00065097-93ff-4c22-bfa4-845f01b7de3b',
			phoneNumber: '+917835039205',
			// no verifiedName in this example: the app's name
			displayName: 'BotTch20',
			status: 'LIMITED',
			providerStatus: 'CONNECTED/ACTIVE/LIMITED',
			qualityRating: 'GREEN',
			messagingLimit: 1000,
			messagingLimitText: 'TIER_1K',
		});
		expect(mapGupshupApp(String(app.id), app, answer.wabaInfo).offlineReasons).toEqual([
			{
				code: 'LIMITED',
				message:
					'Your display name has not been approved yet. Your message limit will increase after the display name is approved.',
				moreInfo: null,
				solution: null,
			},
		]);
	});

	it('the "if canSendMessage is AVAILABLE" answer of the older page reads the same way', () => {
		// https://docs.gupshup.io/reference/getwabainfo, status codes table, second 200 row
		const answer = JSON.parse(
			'{ "wabaInfo": { "accountStatus": "ACTIVE", "dockerStatus": "CONNECTED", "messagingLimit": "TIER_1K", "phone": "918375031069", "phoneQuality": "GREEN", "wabaId": "216141188246170", "canSendMessage": "AVAILABLE" }, "status": "success" }',
		) as { wabaInfo: Raw };
		const sender = mapGupshupApp(
			'018358b5-5ac1-44af-bbfe-36ac4e9f01cc',
			undefined,
			answer.wabaInfo,
		);
		expect(pick(sender as unknown as Raw)).toEqual({
			id: '018358b5-5ac1-44af-bbfe-36ac4e9f01cc',
			phoneNumber: '+918375031069',
			displayName: null,
			status: 'ONLINE',
			providerStatus: 'CONNECTED/ACTIVE/AVAILABLE',
			qualityRating: 'GREEN',
			messagingLimit: 1000,
			messagingLimitText: 'TIER_1K',
		});
		expect(sender.raw).toEqual({ app: null, wabaInfo: answer.wabaInfo });
	});
});

/**
 * Sinch's "List all senders in project" example answer, as its reference page prints it
 * (https://developers.sinch.com/docs/provisioning-api/api-reference/provisioning-api/tag/WhatsApp-Senders/):
 * an ACTIVE sender, and a just-created one that has only pending `changes`.
 */
describe("Sinch's List senders example", () => {
	const sender = {
		id: 'cf11794a-6a5e-4a12-b103-da79bd378bf1',
		state: 'ACTIVE',
		details: {
			displayName: 'Test name',
			description: 'Test description',
			vertical: 'PROFESSIONAL_SERVICES',
			email: 'test@test.com',
			address: 'Test address',
			about: 'Test about',
		},
		created: '2023-01-19T13:11:08.204Z',
		modified: '2023-01-19T13:11:08.204Z',
		region: 'EU',
		metaLocalStorage: 'DE',
		conversationApiApp: '4CF9CE97504C4A468F4610919D17ECC1',
		conversationApiAppDetails: {
			id: '4CF9CE97504C4A468F4610919D17ECC1',
			projectId: 'ea026751-3edf-40a9-ad93-1b382bd60a78',
			region: 'EU',
		},
		maxTps: 10,
		qualityRating: 'GREEN',
		dailyLimit: 'NOT_SET',
		bearerToken: 'aaaaAAAA.bbbbBBBB.ccccCCCC',
		cloudApi: true,
		countryCode: '48',
		phoneNumber: '777777777',
		numberProvider: 'CUSTOMER',
		businessManager: 'SINCH_UK',
		compatibleRegions: ['eu', 'us'],
	};
	const created: Raw = { ...sender, changes: { status: 'IN_PROGRESS', details: sender.details } };
	delete created.state;
	delete created.details;

	it('the active sender is ONLINE at +48777777777 with GREEN quality; its bearer token is left out', () => {
		const mapped = mapSinchSender(sender);
		expect(pick(mapped as unknown as Raw)).toEqual({
			id: 'cf11794a-6a5e-4a12-b103-da79bd378bf1',
			phoneNumber: '+48777777777',
			displayName: 'Test name',
			status: 'ONLINE',
			providerStatus: 'ACTIVE',
			qualityRating: 'GREEN',
			messagingLimit: null,
			messagingLimitText: 'NOT_SET',
		});
		expect(JSON.stringify(mapped)).not.toContain('aaaaAAAA');
	});

	it("the account's businessDailyLimit wins over the sender's deprecated dailyLimit", () => {
		expect(mapSinchSender(sender, { businessDailyLimit: 'TIER_1K' })).toMatchObject({
			messagingLimit: 1000,
			messagingLimitText: 'TIER_1K',
		});
	});

	it('the just-created sender, without a state, is PENDING under its pending changes’ name', () => {
		expect(mapSinchSender(created)).toMatchObject({
			status: 'PENDING',
			providerStatus: 'IN_PROGRESS',
			displayName: 'Test name',
		});
	});

	it("reads Sinch's invalid_page_token error in its own words", () => {
		expect(
			parseSinchError(400, {
				errorCode: 'invalid_page_token',
				message: 'Invalid page token.',
				resolution:
					'The page token to use is provided in the previous query response, for new queries simply leave this field undefined.',
			}),
		).toEqual({
			code: 'invalid_page_token',
			message: 'Invalid page token.',
			hint: 'The page token to use is provided in the previous query response, for new queries simply leave this field undefined.',
			tokenExpired: undefined,
		});
	});
});
