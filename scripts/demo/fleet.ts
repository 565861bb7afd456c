/**
 * The demo's world: a simulator per provider holding a small, realistic fleet of senders,
 * a Slack-compatible sink, the n8n credentials that point at them, and the scripted
 * scenario of what happens to the fleet over the first minutes.
 */
import { GupshupSimulator } from '../../test/simulators/gupshup';
import { InfobipSimulator } from '../../test/simulators/infobip';
import { MetaSimulator } from '../../test/simulators/meta';
import { NinetyNineDigitalSimulator } from '../../test/simulators/ninetyNineDigital';
import { PlatformSimulator } from '../../test/simulators/platform';
import { SinchSimulator } from '../../test/simulators/sinch';
import { SlackSink } from '../../test/simulators/slackSink';
import { TwilioSimulator } from '../../test/simulators/twilio';
import { YCloudSimulator } from '../../test/simulators/yCloud';

const TWILIO_ACCOUNT_SID = 'AC0000000000000000000000000000demo';
const TWILIO_AUTH_TOKEN = 'demo-twilio-auth-token';
const META_ACCESS_TOKEN = 'demo-meta-system-user-token';
const META_WABA_ID = '102290129340398';
const AUTOCALLS_KEY = 'demo-autocalls-api-key';
const FAMULOR_KEY = 'demo-famulor-api-key';
const NINETY_NINE_CLIENT_ID = 'demo-99digital-client';
const NINETY_NINE_SECRET = 'demo-99digital-secret';
const YCLOUD_API_KEY = 'demo-ycloud-api-key';
const GUPSHUP_EMAIL = 'partner@acme.example';
const GUPSHUP_CLIENT_SECRET = 'demo-gupshup-client-secret';
const SINCH_PROJECT_ID = 'demo-sinch-project';
const INFOBIP_API_KEY = 'demo-infobip-api-key';
/** The numbers the Infobip credential names: the third is not on the Infobip account (NOT_FOUND). */
const INFOBIP_NUMBERS = '+447796344125\n+447796344126\n+447700900123';
const SINCH_KEY_ID = 'demo-sinch-key-id';
const SINCH_KEY_SECRET = 'demo-sinch-key-secret';

/** The client the onboarding example brings live during the demo. */
/** The demo's credential secrets: its tests check that none of them is ever printed. */
export const DEMO_SECRETS = [
	TWILIO_AUTH_TOKEN,
	META_ACCESS_TOKEN,
	AUTOCALLS_KEY,
	FAMULOR_KEY,
	NINETY_NINE_SECRET,
	YCLOUD_API_KEY,
	GUPSHUP_CLIENT_SECRET,
	SINCH_KEY_SECRET,
];

export const NEW_CLIENT = {
	phoneNumber: '+14155550199',
	wabaId: '1234567890',
	businessName: 'Bella Pizza',
};

export const ALERTS_CHANNEL = 'whatsapp-alerts';

/** The examples the demo runs, with the workflow ids it gives them and the "Slack channel" each posts to. */
export const DEMO_WORKFLOWS = [
	{ example: 'quality-alert', id: 'demoQualityAlrt1', channel: ALERTS_CHANNEL },
	{ example: 'sender-status-alert', id: 'demoStatusAlert1', channel: ALERTS_CHANNEL },
	{ example: 'messaging-limit-alert', id: 'demoLimitAlert01', channel: ALERTS_CHANNEL },
	{ example: 'onboarding', id: 'demoOnboarding01', channel: 'onboarding' },
	{ example: 'fleet-report', id: 'demoFleetReport1', channel: 'fleet-report' },
];

export interface Fleet {
	twilio: TwilioSimulator;
	meta: MetaSimulator;
	autocalls: PlatformSimulator;
	famulor: PlatformSimulator;
	ninetyNine: NinetyNineDigitalSimulator;
	yCloud: YCloudSimulator;
	gupshup: GupshupSimulator;
	sinch: SinchSimulator;
	infobip: InfobipSimulator;
	slack: SlackSink;
	stop: () => Promise<void>;
}

export async function startFleet(slackPort?: number): Promise<Fleet> {
	const twilio = new TwilioSimulator();
	const meta = new MetaSimulator(META_ACCESS_TOKEN, META_WABA_ID);
	const autocalls = new PlatformSimulator('Autocalls');
	const famulor = new PlatformSimulator('Famulor');
	const ninetyNine = new NinetyNineDigitalSimulator(NINETY_NINE_CLIENT_ID, NINETY_NINE_SECRET);
	const yCloud = new YCloudSimulator(YCLOUD_API_KEY);
	const gupshup = new GupshupSimulator(GUPSHUP_EMAIL, GUPSHUP_CLIENT_SECRET);
	const sinch = new SinchSimulator(SINCH_PROJECT_ID, SINCH_KEY_ID, SINCH_KEY_SECRET);
	const infobip = new InfobipSimulator(INFOBIP_API_KEY);
	const slack = new SlackSink();
	const simulators = [
		twilio,
		meta,
		autocalls,
		famulor,
		ninetyNine,
		yCloud,
		gupshup,
		sinch,
		infobip,
	];
	await Promise.all([...simulators.map((simulator) => simulator.start()), slack.start(slackPort)]);

	// a new Twilio sender waits 3 s in CREATING and, once its code is checked, 20 s in VERIFYING
	Object.assign(twilio.lifecycle, { creatingMs: 3000, verifyingMs: 20_000 });
	twilio.addAccount(TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN);
	twilio.addSenders(
		TWILIO_ACCOUNT_SID,
		{
			phoneNumber: '+14155550101',
			displayName: 'Acme Support',
			qualityRating: 'HIGH',
			messagingLimit: '10K Customers/24hr',
		},
		{
			phoneNumber: '+14155550102',
			displayName: 'Acme Sales',
			qualityRating: 'HIGH',
			messagingLimit: '1K Customers/24hr',
		},
		{
			phoneNumber: '+447700900103',
			displayName: 'Acme UK',
			status: 'PENDING_VERIFICATION',
			qualityRating: null,
			messagingLimit: null,
		},
		{
			phoneNumber: '+4915112345104',
			displayName: 'Acme DE',
			status: 'OFFLINE',
			qualityRating: 'MEDIUM',
			offlineReasons: [
				{ code: '63111', message: "Sender's phone number or WABA returned not found" },
			],
		},
	);
	meta.addNumbers(
		{
			id: '106540352240001',
			phoneNumber: '+5511987654321',
			verifiedName: 'Acme Brasil',
			messagingLimit: 'TIER_10K',
		},
		{
			id: '106540352240002',
			phoneNumber: '+5521912345678',
			verifiedName: 'Acme Rio',
			messagingLimit: 'TIER_10K',
		},
	);
	autocalls.addSenders(
		AUTOCALLS_KEY,
		{ phoneNumber: '+14155551234', displayName: 'Acme Corp Support', messagingLimit: 10000 },
		{ phoneNumber: '+442071234567', displayName: 'Acme Corp Sales', messagingLimit: null },
		{ phoneNumber: '+33612345678', displayName: 'Acme France', messagingLimit: 250 },
	);
	famulor.addSenders(
		FAMULOR_KEY,
		{
			phoneNumber: '+4930123456789',
			displayName: 'Praxis Berlin',
			qualityRating: 'GREEN',
			messagingLimit: 1000,
		},
		{
			phoneNumber: '+4989987654321',
			displayName: 'Praxis München',
			qualityRating: 'YELLOW',
			messagingLimit: 1000,
		},
	);
	ninetyNine.addNumbers(
		{ phoneDigits: '972501234567', displayName: 'Acme Israel', businessName: 'Acme Ltd' },
		{
			phoneDigits: '972541234567',
			displayName: 'Acme Tel Aviv',
			businessName: 'Acme Ltd',
			inbox: false,
		},
	);
	// one business portfolio per country, each with its own (portfolio-wide) limit
	yCloud.addNumbers(
		{
			phoneNumber: '+6581234567',
			wabaId: '102290129340398',
			verifiedName: 'Acme Singapore',
			qualityRating: 'GREEN',
			whatsappBusinessManagerMessagingLimit: 'TIER_10K',
		},
		{
			phoneNumber: '+6281234567890',
			wabaId: '102290129340411',
			verifiedName: 'Acme Indonesia',
			qualityRating: 'YELLOW',
			whatsappBusinessManagerMessagingLimit: 'TIER_2K',
		},
	);
	// one partner app per number, as Gupshup has it; fixed ids so every run lists the same apps
	gupshup.addNumbers(
		{
			id: '5f3c1a2b-8d4e-4f60-9a71-2b3c4d5e6f70',
			appName: 'AcmeIndiaSupport',
			phone: '919876543210',
			verifiedName: 'Acme India',
			phoneQuality: 'GREEN',
			messagingLimit: 'TIER_10K',
		},
		{
			id: '5f3c1a2b-8d4e-4f60-9a71-2b3c4d5e6f71',
			appName: 'AcmeBengaluru',
			phone: '918045678901',
			verifiedName: 'Acme Bengaluru',
			phoneQuality: 'GREEN',
			messagingLimit: 'TIER_250',
			canSendMessage: 'LIMITED',
		},
	);
	// Sinch's limit belongs to the account (businessDailyLimit); the Polish number still waits for its code
	sinch.businessDailyLimit = 'TIER_10K';
	sinch.addSenders(
		{
			id: '0b6f2c1e-3d4a-4b5c-8d6e-7f8091a2b3c4',
			countryCode: '46',
			phoneNumber: '701234567',
			displayName: 'Acme Sverige',
			qualityRating: 'GREEN',
		},
		{
			id: '0b6f2c1e-3d4a-4b5c-8d6e-7f8091a2b3c5',
			countryCode: '48',
			phoneNumber: '512345678',
			displayName: 'Acme Polska',
			state: 'PENDING_VERIFICATION',
			qualityRating: 'UNKNOWN',
		},
	);

	// Infobip reads only the numbers its credential names; the third one is not on this account
	infobip.addSenders(
		{ sender: '447796344125', qualityRating: 'HIGH', currentLimit: 'LIMIT_10K' },
		{ sender: '447796344126', qualityRating: 'MEDIUM', currentLimit: 'LIMIT_2K' },
	);

	return {
		twilio,
		meta,
		autocalls,
		famulor,
		ninetyNine,
		yCloud,
		gupshup,
		sinch,
		infobip,
		slack,
		stop: async () => {
			await Promise.all([...simulators.map((simulator) => simulator.stop()), slack.stop()]);
		},
	};
}

/** One n8n credential per provider, pointed at its simulator. */
export function fleetCredentials(fleet: Fleet) {
	return [
		{
			id: 'twilioDemoCred01',
			name: 'Twilio (local simulator)',
			type: 'twilioSendersApi',
			data: {
				authType: 'authToken',
				accountSid: TWILIO_ACCOUNT_SID,
				authToken: TWILIO_AUTH_TOKEN,
				baseUrl: fleet.twilio.baseUrl,
			},
		},
		{
			id: 'metaDemoCred0001',
			name: 'Meta WhatsApp Cloud (local simulator)',
			type: 'metaWhatsAppCloudApi',
			data: {
				accessToken: META_ACCESS_TOKEN,
				wabaId: META_WABA_ID,
				graphApiVersion: 'v26.0',
				baseUrl: fleet.meta.baseUrl,
			},
		},
		{
			id: 'autocallsDemo001',
			name: 'Autocalls (local simulator)',
			type: 'autocallsApi',
			data: { apiKey: AUTOCALLS_KEY, baseUrl: fleet.autocalls.baseUrl },
		},
		{
			id: 'famulorDemoCred1',
			name: 'Famulor (local simulator)',
			type: 'famulorApi',
			data: { apiKey: FAMULOR_KEY, baseUrl: fleet.famulor.baseUrl },
		},
		{
			id: 'ninetyNineDemo01',
			name: '99digital (local simulator)',
			type: 'ninetyNineDigitalApi',
			data: {
				clientId: NINETY_NINE_CLIENT_ID,
				clientSecret: NINETY_NINE_SECRET,
				baseUrl: fleet.ninetyNine.baseUrl,
			},
		},
		{
			id: 'yCloudDemoCred01',
			name: 'YCloud (local simulator)',
			type: 'yCloudApi',
			data: { apiKey: YCLOUD_API_KEY, baseUrl: fleet.yCloud.baseUrl },
		},
		{
			id: 'gupshupDemoCred1',
			name: 'Gupshup (local simulator)',
			type: 'gupshupPartnerApi',
			data: {
				email: GUPSHUP_EMAIL,
				clientSecret: GUPSHUP_CLIENT_SECRET,
				baseUrl: fleet.gupshup.baseUrl,
			},
		},
		{
			id: 'sinchDemoCred001',
			name: 'Sinch (local simulator)',
			type: 'sinchProvisioningApi',
			data: {
				projectId: SINCH_PROJECT_ID,
				keyId: SINCH_KEY_ID,
				keySecret: SINCH_KEY_SECRET,
				baseUrl: fleet.sinch.baseUrl,
				tokenUrl: fleet.sinch.tokenUrl,
			},
		},
		{
			id: 'infobipDemoCred1',
			name: 'Infobip (local simulator)',
			type: 'infobipApi',
			data: { apiKey: INFOBIP_API_KEY, baseUrl: fleet.infobip.baseUrl, senders: INFOBIP_NUMBERS },
		},
	];
}

export interface ScenarioStep {
	/** Seconds after the example workflows were activated. */
	at: number;
	say: string;
	apply: (fleet: Fleet) => void | Promise<void>;
}

function twilioSender(fleet: Fleet, phoneNumber: string) {
	const sender = fleet.twilio
		.account(TWILIO_ACCOUNT_SID)
		.senders.find((s) => s.sender_id === `whatsapp:${phoneNumber}`);
	if (!sender) throw new Error(`no Twilio sender ${phoneNumber} in the demo fleet`);
	return sender;
}

function setTwilioQuality(
	fleet: Fleet,
	phoneNumber: string,
	quality: 'HIGH' | 'MEDIUM' | 'LOW',
): void {
	(twilioSender(fleet, phoneNumber).properties as Record<string, unknown>).quality_rating = quality;
}

function setAutocallsStatus(fleet: Fleet, phoneNumber: string, status: 'online' | 'offline'): void {
	fleet.autocalls.senderByNumber(AUTOCALLS_KEY, phoneNumber).status = status;
}

/**
 * What happens to the fleet, about a minute apart so each change lands in its own poll
 * (n8n polls at most once a minute): one Twilio number degrades GREEN → YELLOW → RED and
 * recovers, a Meta number slips to YELLOW, Meta raises the portfolio's messaging limit (both
 * numbers at once: one alert), an Autocalls number goes offline and comes back, and a new
 * Famulor sender appears. The onboarding client comes in between.
 */
export function scenario(onboard: () => Promise<void>): ScenarioStep[] {
	return [
		{
			at: 10,
			say: 'Twilio +14155550102 (Acme Sales): quality HIGH → MEDIUM (GREEN → YELLOW)',
			apply: (fleet) => setTwilioQuality(fleet, '+14155550102', 'MEDIUM'),
		},
		{
			at: 25,
			say: `a new client, ${NEW_CLIENT.businessName}, submits ${NEW_CLIENT.phoneNumber} to the onboarding webhook`,
			apply: onboard,
		},
		{
			at: 70,
			say: "Autocalls +33612345678 (Acme France) goes offline; Meta raises the portfolio's messaging limit 10K → 100K (both Meta numbers)",
			apply: (fleet) => {
				setAutocallsStatus(fleet, '+33612345678', 'offline');
				for (const id of ['106540352240001', '106540352240002'])
					fleet.meta.updateNumber(id, (number) => (number.messagingLimit = 'TIER_100K'));
			},
		},
		{
			at: 130,
			say: 'Twilio +14155550102 (Acme Sales): quality MEDIUM → LOW (YELLOW → RED); Meta +5521912345678 (Acme Rio) turns YELLOW',
			apply: (fleet) => {
				setTwilioQuality(fleet, '+14155550102', 'LOW');
				fleet.meta.updateNumber('106540352240002', (number) => (number.quality_rating = 'YELLOW'));
			},
		},
		{
			at: 190,
			say: 'a new Famulor sender appears: +4940123456780 (Praxis Hamburg)',
			apply: (fleet) =>
				void fleet.famulor.addSenders(FAMULOR_KEY, {
					phoneNumber: '+4940123456780',
					displayName: 'Praxis Hamburg',
					messagingLimit: 1000,
				}),
		},
		{
			at: 250,
			say: 'Twilio +14155550102 (Acme Sales) recovers to HIGH (GREEN); Autocalls +33612345678 (Acme France) is back online',
			apply: (fleet) => {
				setTwilioQuality(fleet, '+14155550102', 'HIGH');
				setAutocallsStatus(fleet, '+33612345678', 'online');
			},
		},
	];
}
