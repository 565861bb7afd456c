import { mapPlatformSender } from '../../nodes/WhatsAppSenders/providers/autocallsPlatform/mapper';
import { mapMetaPhoneNumber } from '../../nodes/WhatsAppSenders/providers/metaCloud/mapper';
import {
	mapNinetyNineNumber,
	readEnvelopeFailure,
} from '../../nodes/WhatsAppSenders/providers/ninetyNineDigital/mapper';
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
			offline_reasons: [
				{
					code: '63111',
					message: 'WABA not found',
					more_info: 'https://www.twilio.com/docs/errors/63111',
				},
			],
		});
		expect(sender.offlineReasons).toEqual([
			{
				code: '63111',
				message: 'WABA not found',
				moreInfo: 'https://www.twilio.com/docs/errors/63111',
			},
		]);
	});

	it('reports UNKNOWN quality and no limit when Twilio has no properties yet', () => {
		expect(
			mapTwilioSender({ ...twilioDocsSender, status: 'CREATING', properties: null }),
		).toMatchObject({
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

	it.each([
		['online', 'ONLINE', undefined],
		['Connecting', 'PENDING', undefined],
		['pending', 'PENDING', undefined],
		['offline', 'OFFLINE', 'Manually disabled: messages cannot be sent or received.'],
		['Suspended', 'OFFLINE', 'Suspended by Meta due to policy violations.'],
		['failed', 'OFFLINE', 'Setup failed: see the error message in the dashboard for details.'],
	])(
		"status %p from the senders guide is %s, with the guide's reason when it cannot send",
		(providerStatus, status, reason) => {
			const sender = mapPlatformSender('autocalls', {
				...platformDocsSender,
				status: providerStatus,
			});
			expect(sender).toMatchObject({ status, providerStatus });
			expect(sender.offlineReasons).toEqual(
				reason === undefined
					? undefined
					: [{ code: providerStatus, message: reason, moreInfo: null }],
			);
		},
	);

	it('keeps a status the guide does not list as UNKNOWN, with the word kept', () => {
		expect(
			mapPlatformSender('autocalls', { ...platformDocsSender, status: 'banned' }),
		).toMatchObject({ status: 'UNKNOWN', providerStatus: 'banned' });
	});
});

describe('Meta phone number mapping', () => {
	it.each([
		['CONNECTED', 'VERIFIED', 'ONLINE'],
		['LINKED', 'VERIFIED', 'ONLINE'],
		['FLAGGED', 'VERIFIED', 'ONLINE'],
		['RATE_LIMITED', 'VERIFIED', 'ONLINE'],
		['MESSAGING_LIMIT_TIER_0', 'VERIFIED', 'ONLINE'],
		['MESSAGING_LIMIT_TIER_4', 'VERIFIED', 'ONLINE'],
		['PENDING', 'NOT_VERIFIED', 'PENDING_VERIFICATION'],
		['PENDING', 'UNVERIFIED', 'PENDING_VERIFICATION'],
		['PENDING', 'EXPIRED', 'PENDING_VERIFICATION'],
		['PENDING', 'VERIFIED', 'PENDING'],
		['UNVERIFIED', 'UNVERIFIED', 'PENDING_VERIFICATION'],
		['DISCONNECTED', 'VERIFIED', 'OFFLINE'],
		['UNLINKED', 'VERIFIED', 'OFFLINE'],
		['BANNED', 'VERIFIED', 'OFFLINE'],
		['RESTRICTED', 'VERIFIED', 'OFFLINE'],
		['DELETED', 'VERIFIED', 'OFFLINE'],
		['MIGRATED', 'VERIFIED', 'OFFLINE'],
		['UNKNOWN', 'VERIFIED', 'UNKNOWN'],
		['SOMETHING_NEW', 'VERIFIED', 'UNKNOWN'],
	])('status %s with code %s is %s', (status, codeVerification, expected) => {
		const sender = mapMetaPhoneNumber({
			id: '1',
			status,
			code_verification_status: codeVerification,
		});
		expect([sender.status, sender.providerStatus]).toEqual([expected, status]);
		// every status in which the number cannot send says why
		expect(sender.offlineReasons?.length ?? 0).toBe(expected === 'OFFLINE' ? 1 : 0);
	});

	it.each([
		['TIER_50', 50],
		['TIER_250', 250],
		['TIER_1K', 1000],
		['TIER_2K', 2000],
		['TIER_10K', 10000],
		['TIER_100K', 100000],
		['TIER_UNLIMITED', null],
		['TIER_NOT_SET', null],
		['NOT_SET', null],
		['UNTIERED', null],
		['TIER_5K', 5000],
	])('reads tier %s as %p, from either field', (tier, limit) => {
		for (const field of ['messaging_limit_tier', 'whatsapp_business_manager_messaging_limit']) {
			const sender = mapMetaPhoneNumber({ id: '1', [field]: tier });
			expect([sender.messagingLimit, sender.messagingLimitText]).toEqual([limit, tier]);
		}
	});

	it('has no limit when Meta sends none', () => {
		expect(mapMetaPhoneNumber({ id: '1' })).toMatchObject({
			messagingLimit: null,
			messagingLimitText: null,
		});
	});

	it('reads the formatted display number as E.164 and keeps NA quality as UNKNOWN', () => {
		const sender = mapMetaPhoneNumber({
			id: '1',
			display_phone_number: '+1 631-555-5555',
			quality_rating: 'NA',
		});
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
		[
			{ isOnline: 1, onlineAccount: 1, onlineInbox: 2 },
			{ attached: true, accountId: '1', inboxId: '2' },
		],
		[
			{ isOnline: 0, onlineAccount: 0, onlineInbox: 0 },
			{ attached: false, accountId: null, inboxId: null },
		],
	])(
		'is ONLINE once listed, whether or not an Online inbox is attached (%p)',
		(inbox, onlineInbox) => {
			const sender = mapNinetyNineNumber({ whatsapp: '972501234567', ...inbox });
			expect(sender).toMatchObject({ status: 'ONLINE', providerStatus: null, onlineInbox });
		},
	);

	it.each([
		[
			'/api/whatsapp/getWhatsApp',
			{ status: 'FAIL', reason: 3 },
			{ code: 'reason 3', tokenExpired: true },
		],
		[
			'/api/whatsapp/getWhatsApp',
			{ status: 'FAIL', reason: 2 },
			{ code: 'reason 2', credentialsRejected: true },
		],
		[
			'/api/whatsapp/getWhatsApp',
			{ status: 'FAIL', reason: 13 },
			{ code: 'reason 13', message: '99digital expects the GET method on this endpoint' },
		],
		[
			'/api/whatsapp/deleteWhatsApp',
			{ status: 'FAIL', reason: 13 },
			{ code: 'reason 13', message: '99digital expects the DELETE method on this endpoint' },
		],
		[
			'/api/whatsapp/deleteWhatsApp',
			{ status: 'fail', reason: '27' },
			{ code: 'reason 27', message: 'WhatsApp number does not exist under your account' },
		],
		[
			'/api/whatsapp/deleteWhatsApp',
			{ status: 'FAIL', reason: 2 },
			{
				code: 'reason 2',
				message: 'partnerKey is incorrect or JSON format error',
				credentialsRejected: true,
			},
		],
		// 27 means something else on other endpoints (setBusiness: "use PATCH"): not read with deleteWhatsApp's words
		[
			'/api/whatsapp/registerNumber',
			{ status: 'FAIL', reason: 27 },
			{ code: 'reason 27', message: 'the request failed (status FAIL)' },
		],
		[
			'/api/whatsapp/getWhatsApp',
			{ status: 'FAIL', reason: 99, message: 'Something new' },
			{ code: 'reason 99', message: 'Something new' },
		],
	])("reads a FAIL from %s, %p, with that endpoint's reasons", (path, body, expected) => {
		expect(readEnvelopeFailure(body, path)).toMatchObject(expected);
	});

	it('treats an OK envelope, or none, as no failure', () => {
		expect(readEnvelopeFailure({ status: 'OK', reason: 1, list: [] })).toBeUndefined();
		expect(readEnvelopeFailure([])).toBeUndefined();
	});
});
