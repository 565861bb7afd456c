import { mapPlatformSender } from '../../nodes/WhatsAppSenders/providers/autocallsPlatform/mapper';
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
