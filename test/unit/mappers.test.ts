import { mapPlatformSender } from '../../nodes/WhatsAppSenders/providers/autocallsPlatform/mapper';
import { mapMetaPhoneNumber } from '../../nodes/WhatsAppSenders/providers/metaCloud/mapper';
import { mapNinetyNineNumber, readEnvelopeFailure } from '../../nodes/WhatsAppSenders/providers/ninetyNineDigital/mapper';
import { mapTwilioSender } from '../../nodes/WhatsAppSenders/providers/twilio/mapper';

/** The sender of Twilio's "Fetch a sender" example (shared/provider-docs/twilio-senders-api-v2.txt). */
const twilioDocsSender = {
	sid: 'XEaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
	status: 'ONLINE',
	sender_id: 'whatsapp:+999999999XX'.replace('XX', '12'),
	configuration: { waba_id: '1234567XXX', verification_method: null, verification_code: null },
	profile: { name: 'Example Profile Name', about: 'This is an example about text.' },
	compliance: null,
	properties: { quality_rating: 'HIGH', messaging_limit: '10K Customers/24hr' },
	offline_reasons: null,
	url: 'https://messaging.twilio.com/v2/Channels/Senders/XEaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
};

describe('Twilio sender mapping', () => {
	it("maps Twilio's documented example to the normalized sender", () => {
		expect(mapTwilioSender(twilioDocsSender)).toEqual({
			provider: 'twilio',
			id: 'XEaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
			phoneNumber: '+99999999912',
			displayName: 'Example Profile Name',
			status: 'ONLINE',
			providerStatus: 'ONLINE',
			qualityRating: 'GREEN',
			messagingLimit: 10000,
			messagingLimitText: '10K Customers/24hr',
			offlineReasons: [],
			raw: twilioDocsSender,
		});
	});

	it.each([
		['CREATING', 'PENDING'],
		['PENDING_VERIFICATION', 'PENDING_VERIFICATION'],
		['VERIFYING', 'VERIFYING'],
		['ONLINE:UPDATING', 'ONLINE'],
		['OFFLINE', 'OFFLINE'],
		['TWILIO_REVIEW', 'PENDING'],
		['DRAFT', 'PENDING'],
		['STUBBED', 'PENDING'],
		['SOMETHING_NEW', 'UNKNOWN'],
	])('status %p is %p, and the provider status is kept', (providerStatus, status) => {
		expect(mapTwilioSender({ ...twilioDocsSender, status: providerStatus })).toMatchObject({
			status,
			providerStatus,
		});
	});

	it('carries offline reasons through', () => {
		const sender = mapTwilioSender({
			...twilioDocsSender,
			status: 'OFFLINE',
			offline_reasons: [{ code: '63111', message: 'WABA not found', more_info: 'https://www.twilio.com/docs/errors/63111' }],
		});
		expect(sender.offlineReasons).toEqual([
			{ code: '63111', message: 'WABA not found', moreInfo: 'https://www.twilio.com/docs/errors/63111' },
		]);
	});

	it('reports UNKNOWN quality and no limit when Twilio has no properties yet', () => {
		expect(mapTwilioSender({ ...twilioDocsSender, status: 'CREATING', properties: null })).toMatchObject({
			qualityRating: 'UNKNOWN',
			messagingLimit: null,
			messagingLimitText: null,
		});
	});
});

/** The second sender of the Autocalls/Famulor docs example. */
const platformDocsSender = {
	id: 15,
	phone_number: '+442071234567',
	display_name: 'Acme Corp Sales',
	status: 'online',
	quality_rating: 'GREEN',
	messaging_limit: null,
	messaging_limit_formatted: 'Unlimited',
};

describe('Autocalls and Famulor sender mapping', () => {
	it("maps the docs' example, an unlimited sender, to the normalized sender", () => {
		expect(mapPlatformSender('famulor', platformDocsSender)).toEqual({
			provider: 'famulor',
			id: '15',
			phoneNumber: '+442071234567',
			displayName: 'Acme Corp Sales',
			status: 'ONLINE',
			providerStatus: 'online',
			qualityRating: 'GREEN',
			messagingLimit: null,
			messagingLimitText: 'Unlimited',
			raw: platformDocsSender,
		});
	});

	it('maps offline and unknown statuses', () => {
		expect(mapPlatformSender('autocalls', { ...platformDocsSender, status: 'offline' }).status).toBe('OFFLINE');
		expect(mapPlatformSender('autocalls', { ...platformDocsSender, status: 'banned' })).toMatchObject({
			status: 'UNKNOWN',
			providerStatus: 'banned',
		});
	});
});

describe('Meta phone number mapping', () => {
	it.each([
		['CONNECTED', 'VERIFIED', 'ONLINE'],
		['FLAGGED', 'VERIFIED', 'ONLINE'],
		['RATE_LIMITED', 'VERIFIED', 'ONLINE'],
		['PENDING', 'NOT_VERIFIED', 'PENDING_VERIFICATION'],
		['PENDING', 'EXPIRED', 'PENDING_VERIFICATION'],
		['PENDING', 'VERIFIED', 'PENDING'],
		['DISCONNECTED', 'VERIFIED', 'OFFLINE'],
		['BANNED', 'VERIFIED', 'OFFLINE'],
		['RESTRICTED', 'VERIFIED', 'OFFLINE'],
		['MIGRATED', 'VERIFIED', 'OFFLINE'],
		['SOMETHING_NEW', 'VERIFIED', 'UNKNOWN'],
	])('status %s with code %s is %s', (status, codeVerification, expected) => {
		expect(mapMetaPhoneNumber({ id: '1', status, code_verification_status: codeVerification }).status).toBe(expected);
	});

	it.each([
		[{ messaging_limit_tier: 'TIER_250' }, 250, 'TIER_250'],
		[{ messaging_limit_tier: 'TIER_100K' }, 100000, 'TIER_100K'],
		[{ messaging_limit_tier: 'TIER_UNLIMITED' }, null, 'TIER_UNLIMITED'],
		[{ messaging_limit_tier: 'NOT_SET' }, null, 'NOT_SET'],
		[{ whatsapp_business_manager_messaging_limit: 'TIER_2K', messaging_limit_tier: 'TIER_1K' }, 2000, 'TIER_2K'],
		[{ whatsapp_business_manager_messaging_limit: { current_limit: 'TIER_10K' } }, 10000, 'TIER_10K'],
		[{}, null, null],
	])('reads the messaging limit from %p', (fields, limit, text) => {
		const sender = mapMetaPhoneNumber({ id: '1', ...fields });
		expect([sender.messagingLimit, sender.messagingLimitText]).toEqual([limit, text]);
	});

	it('reads the formatted display number as E.164 and keeps NA quality as UNKNOWN', () => {
		const sender = mapMetaPhoneNumber({ id: '1', display_phone_number: '+1 631-555-5555', quality_rating: 'NA' });
		expect([sender.phoneNumber, sender.qualityRating]).toEqual(['+16315555555', 'UNKNOWN']);
	});
});

describe('99digital number mapping', () => {
	it('drops the per-number API key unless asked to keep it', () => {
		const raw = { whatsapp: '972501234567', apiKey: 'secret-key', isOnline: 1 };
		expect(mapNinetyNineNumber(raw).raw).toEqual({ whatsapp: '972501234567', isOnline: 1 });
		expect(mapNinetyNineNumber(raw, true).raw.apiKey).toBe('secret-key');
		expect(raw.apiKey).toBe('secret-key');
	});

	it.each([
		[{ status: 'FAIL', reason: 3 }, { code: 'reason 3', tokenExpired: true }],
		[{ status: 'FAIL', reason: 2 }, { code: 'reason 2', credentialsRejected: true }],
		[{ status: 'fail', reason: '27' }, { code: 'reason 27', message: 'the number does not belong to this account' }],
		[{ status: 'FAIL', reason: 99 }, { code: 'reason 99', message: 'the request failed (status FAIL)' }],
	])('reads the FAIL envelope %p', (body, expected) => {
		expect(readEnvelopeFailure(body)).toMatchObject(expected);
	});

	it('treats an OK envelope, or none, as no failure', () => {
		expect(readEnvelopeFailure({ status: 'OK', reason: 1, list: [] })).toBeUndefined();
		expect(readEnvelopeFailure([])).toBeUndefined();
	});
});
