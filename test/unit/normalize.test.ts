import {
	normalizeQuality,
	parseMessagingLimit,
	senderOf,
	toE164,
} from '../../nodes/WhatsAppSenders/core/normalize';

describe('phone numbers become E.164', () => {
	it.each([
		['whatsapp:+15017122661', '+15017122661'],
		['+1 (415) 555-1234', '+14155551234'],
		['14155551234', '+14155551234'],
		['0049 30 123456', '+4930123456'],
		[4930123456, '+4930123456'],
	])('%p → %p', (input, expected) => {
		expect(toE164(input)).toBe(expected);
	});

	it.each([[''], ['whatsapp:'], ['not a number'], [null], [undefined], ['+1234567890123456']])(
		'%p has no number and gives null rather than a made-up one',
		(input) => {
			expect(toE164(input)).toBeNull();
		},
	);
});

describe('quality ratings', () => {
	it.each([
		['GREEN', 'GREEN'],
		['YELLOW', 'YELLOW'],
		['RED', 'RED'],
		['HIGH', 'GREEN'],
		['MEDIUM', 'YELLOW'],
		['LOW', 'RED'],
		['high', 'GREEN'],
		[' Red ', 'RED'],
	])("Twilio's and Meta's %p read as %p", (input, expected) => {
		expect(normalizeQuality(input)).toBe(expected);
	});

	it.each([[null], [undefined], [''], ['NA'], [3]])('%p is UNKNOWN', (input) => {
		expect(normalizeQuality(input)).toBe('UNKNOWN');
	});
});

describe('messaging limits', () => {
	it.each([
		['10K Customers/24hr', 10_000],
		['1K Customers/24hr', 1_000],
		['100K Customers/24hr', 100_000],
		['250 Customers/24hr', 250],
		['10,000 / 24hr', 10_000],
		['TIER_1K', 1_000],
		['TIER_250', 250],
		['1.5M', 1_500_000],
		[2000, 2000],
	])('%p is %p conversations a day', (input, expected) => {
		expect(parseMessagingLimit(input)).toBe(expected);
	});

	it.each([['Unlimited'], ['TIER_UNLIMITED'], [null], [undefined], ['n/a'], [-1], [Number.NaN]])(
		'%p is null (unlimited or unknown)',
		(input) => {
			expect(parseMessagingLimit(input)).toBeNull();
		},
	);
});

describe("a provider's words read into the sender (senderOf)", () => {
	it('gives every field in the order of the sender model, UNKNOWN and null for what the provider does not say', () => {
		const sender = senderOf({ provider: 'infobip', id: '+447796344125', raw: {} });
		expect(Object.keys(sender)).toEqual([
			'provider',
			'id',
			'phoneNumber',
			'displayName',
			'status',
			'providerStatus',
			'qualityRating',
			'messagingLimit',
			'messagingLimitText',
			'raw',
		]);
		expect(sender).toMatchObject({
			phoneNumber: null,
			displayName: null,
			status: 'UNKNOWN',
			providerStatus: null,
			qualityRating: 'UNKNOWN',
			messagingLimit: null,
			messagingLimitText: null,
		});
	});

	it("reads the status meaning's reason, the quality and the tier, with the offline reasons before raw", () => {
		const sender = senderOf({
			provider: 'metaCloud',
			id: '1',
			providerStatus: 'BANNED',
			meaning: { status: 'OFFLINE', reason: 'Meta banned the number.' },
			quality: 'low',
			limit: 'TIER_10K',
			raw: { status: 'BANNED' },
		});
		expect(sender).toMatchObject({
			status: 'OFFLINE',
			qualityRating: 'RED',
			messagingLimit: 10_000,
			messagingLimitText: 'TIER_10K',
			offlineReasons: [{ code: 'BANNED', message: 'Meta banned the number.', moreInfo: null }],
		});
		expect(Object.keys(sender).slice(-2)).toEqual(['offlineReasons', 'raw']);
	});

	it('takes offline reasons given apart in place of the meaning’s', () => {
		const reasons = [{ code: 'NOT_ON_ACCOUNT', message: 'not returned', moreInfo: null }];
		const sender = senderOf({
			provider: 'infobip',
			id: '+1',
			meaning: { status: 'NOT_FOUND', reason: 'ignored' },
			offlineReasons: reasons,
			raw: {},
		});
		expect(sender.offlineReasons).toEqual(reasons);
		expect(Object.keys(sender).slice(-2)).toEqual(['offlineReasons', 'raw']);
	});
});
