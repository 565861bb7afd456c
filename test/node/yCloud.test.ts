import { pollSendersTrigger, runSendersNode, searchSendersList } from '../harness/n8nHarness';
import { YCLOUD_DEFAULT_WABA_ID as WABA_ID, YCloudSimulator, yCloudError } from '../simulators/yCloud';
import { senderById as byId } from '../support/twilioAccount';

const API_KEY = 'ycloud-test-key-5f2c9a71';
let ycloud: YCloudSimulator;

beforeEach(async () => {
	ycloud = new YCloudSimulator(API_KEY);
	await ycloud.start();
});
afterEach(() => ycloud.stop());

const credentials = (overrides: Record<string, string> = {}) => ({
	yCloudApi: { apiKey: API_KEY, baseUrl: ycloud.baseUrl, ...overrides },
});

const run = async (parameters: Record<string, unknown>, overrides?: Record<string, string>) =>
	await runSendersNode({ parameters: { provider: 'ycloud', resource: 'sender', ...parameters }, credentials: credentials(overrides) });

const fleet = (count: number) => Array.from({ length: count }, (_, i) => ({ phoneNumber: `+1415555${String(1000 + i)}` }));

describe('List YCloud phone numbers', () => {
	it('shows each number with its status, quality and the portfolio messaging limit', async () => {
		ycloud.addNumbers(
			{ phoneNumber: '+16315551111', verifiedName: 'Acme', qualityRating: 'YELLOW', messagingLimit: 'TIER_1K', whatsappBusinessManagerMessagingLimit: 'TIER_10K' },
			{ phoneNumber: '+972501234567', status: 'FLAGGED', qualityRating: 'RED', messagingLimit: 'TIER_250', whatsappBusinessManagerMessagingLimit: null },
			{ phoneNumber: '+4930123456', status: 'RESTRICTED', whatsappBusinessManagerMessagingLimit: 'TIER_UNLIMITED' },
		);
		const { items, error } = await run({ operation: 'list', returnAll: true });
		expect(error).toBeUndefined();
		expect(items.map(({ json }) => [json.id, json.phoneNumber, json.status, json.qualityRating, json.messagingLimit, json.messagingLimitText])).toEqual([
			[`${WABA_ID}/+16315551111`, '+16315551111', 'ONLINE', 'YELLOW', 10000, 'TIER_10K'],
			[`${WABA_ID}/+972501234567`, '+972501234567', 'ONLINE', 'RED', 250, 'TIER_250'],
			[`${WABA_ID}/+4930123456`, '+4930123456', 'OFFLINE', 'GREEN', null, 'TIER_UNLIMITED'],
		]);
		expect(items[0].json).toMatchObject({ provider: 'ycloud', displayName: 'Acme', providerStatus: 'CONNECTED', raw: { wabaId: WABA_ID } });
		expect(items[2].json.offlineReasons).toEqual([{ code: 'RESTRICTED', message: expect.stringContaining('messaging limit'), moreInfo: null }]);
	});

	it.each([
		['CONNECTED', 'ONLINE'],
		['FLAGGED', 'ONLINE'],
		['WARNED', 'ONLINE'],
		['RATE_LIMITED', 'ONLINE'],
		['PENDING', 'PENDING'],
		['MANUAL_REVIEW', 'PENDING'],
		['UNVERIFIED', 'PENDING_VERIFICATION'],
		['RESTRICTED', 'OFFLINE'],
		['DISCONNECTED', 'OFFLINE'],
		['BANNED', 'OFFLINE'],
		['BLOCKED', 'OFFLINE'],
		['MIGRATED', 'OFFLINE'],
		['UNKNOWN', 'UNKNOWN'],
		['SOMETHING_NEW', 'UNKNOWN'],
	])('shows YCloud status %s as %s, keeping YCloud\'s word', async (status, normalized) => {
		ycloud.addNumbers({ phoneNumber: '+16315551111', status });
		const { items } = await run({ operation: 'list', returnAll: true });
		expect(items[0].json).toMatchObject({ status: normalized, providerStatus: status });
	});

	it.each([
		['GREEN', 'GREEN'],
		['YELLOW', 'YELLOW'],
		['RED', 'RED'],
		['UNKNOWN', 'UNKNOWN'],
		['PURPLE', 'UNKNOWN'],
	])('shows quality rating %s as %s', async (qualityRating, normalized) => {
		ycloud.addNumbers({ phoneNumber: '+16315551111', qualityRating });
		const { items } = await run({ operation: 'list', returnAll: true });
		expect(items[0].json.qualityRating).toBe(normalized);
	});

	it.each([
		['TIER_NOT_SET', null],
		['TIER_50', 50],
		['TIER_250', 250],
		['TIER_1K', 1000],
		['TIER_2K', 2000],
		['TIER_10K', 10000],
		['TIER_100K', 100000],
		['TIER_UNLIMITED', null],
		['TIER_5K', 5000],
	])('reads the portfolio limit %s as %p and keeps the word', async (tier, limit) => {
		ycloud.addNumbers({ phoneNumber: '+16315551111', messagingLimit: 'TIER_250', whatsappBusinessManagerMessagingLimit: tier });
		const { items } = await run({ operation: 'list', returnAll: true });
		expect(items[0].json).toMatchObject({ messagingLimit: limit, messagingLimitText: tier });
	});

	it("falls back to the number's own limit when YCloud sends no portfolio limit", async () => {
		ycloud.addNumbers({ phoneNumber: '+16315551111', messagingLimit: 'TIER_1K', whatsappBusinessManagerMessagingLimit: null });
		const { items } = await run({ operation: 'list', returnAll: true });
		expect(items[0].json).toMatchObject({ messagingLimit: 1000, messagingLimitText: 'TIER_1K' });
	});

	it('reads every page at 100 a page and stops at the total YCloud reports', async () => {
		ycloud.addNumbers(...fleet(250));
		const { items, error } = await run({ operation: 'list', returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(250);
		expect(new Set(items.map((item) => item.json.id)).size).toBe(250);
		expect(ycloud.server.requests.map((r) => [r.path, r.query.page, r.query.limit, r.query.includeTotal])).toEqual([
			['/v2/whatsapp/phoneNumbers', '1', '100', 'true'],
			['/v2/whatsapp/phoneNumbers', '2', '100', undefined],
			['/v2/whatsapp/phoneNumbers', '3', '100', undefined],
		]);
	});

	it('does not ask for an empty page after an exactly full last page', async () => {
		ycloud.addNumbers(...fleet(200));
		const { items } = await run({ operation: 'list', returnAll: true });
		expect(items).toHaveLength(200);
		expect(ycloud.server.requests).toHaveLength(2);
	});

	it('returns no more than the Limit', async () => {
		ycloud.addNumbers(...fleet(250));
		const { items } = await run({ operation: 'list', returnAll: false, limit: 150 });
		expect(items).toHaveLength(150);
		expect(ycloud.server.requests.map((r) => r.query.page)).toEqual(['1', '2']);
		const small = await run({ operation: 'list', returnAll: false, limit: 5 });
		expect(small.items).toHaveLength(5);
		expect(ycloud.server.requests.at(-1)!.query.limit).toBe('5');
	});

	it("says so, instead of cutting the list, when the account has more numbers than YCloud's 100 pages reach", async () => {
		ycloud.addNumbers(...Array.from({ length: 10_001 }, (_, i) => ({ phoneNumber: `+1650${String(i).padStart(7, '0')}` })));
		const { error } = await run({ operation: 'list', returnAll: true });
		expect(error?.message).toContain('more than 10000 phone numbers');
		expect(ycloud.server.requests).toHaveLength(100);
	}, 30_000);

	it('refuses an http Base URL that is not localhost, before the key is sent anywhere', async () => {
		const { error } = await run({ operation: 'list', returnAll: true }, { baseUrl: 'http://api.ycloud.example/v2' });
		expect(error?.message).toMatch(/Base URL/);
		expect(ycloud.server.requests).toHaveLength(0);
	});

	it('sends the key in X-API-Key and nothing in Authorization', async () => {
		ycloud.addNumbers({ phoneNumber: '+16315551111' });
		await run({ operation: 'list', returnAll: true });
		expect(ycloud.server.requests[0].headers['x-api-key']).toBe(API_KEY);
		expect(ycloud.server.requests[0].headers.authorization).toBeUndefined();
	});
});

describe('One YCloud number', () => {
	it('is got by its WABA ID and number, the "+" sent as %2B', async () => {
		ycloud.addNumbers({ phoneNumber: '+16315551111', verifiedName: 'Acme', qualityRating: 'RED' });
		const { items, error } = await run({ operation: 'get', senderId: byId(`${WABA_ID}/+16315551111`) });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ id: `${WABA_ID}/+16315551111`, displayName: 'Acme', qualityRating: 'RED' });
		expect(ycloud.server.requests[0].path).toBe(`/v2/whatsapp/phoneNumbers/${WABA_ID}/%2B16315551111`);
	});

	it('shows its business profile', async () => {
		ycloud.addNumbers({ phoneNumber: '+16315551111', verifiedName: 'Acme' });
		const { items, error } = await run({ operation: 'getProfile', senderId: byId(`${WABA_ID}/+16315551111`) });
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ provider: 'ycloud', id: `${WABA_ID}/+16315551111`, about: 'Hello', verifiedName: 'Acme' });
		expect(ycloud.server.requests[0].path).toBe(`/v2/whatsapp/phoneNumbers/${WABA_ID}/%2B16315551111/profile`);
	});

	it("says a missing number in YCloud's words, with what to check", async () => {
		const { error } = await run({ operation: 'get', senderId: byId(`${WABA_ID}/+16315559999`) });
		expect(error?.message).toBe('YCloud error code NOT_FOUND: The requested resource does not exist.');
		expect(error?.description).toContain('check the WABA ID and the E.164 number');
		expect(error?.description).toMatch(/YCloud request ID req_/);
	});

	it('is offered in the Sender list', async () => {
		ycloud.addNumbers({ phoneNumber: '+16315551111', verifiedName: 'Acme' });
		const found = await searchSendersList({ parameters: { provider: 'ycloud', operation: 'get' }, credentials: credentials() });
		expect(found.results).toEqual([{ name: '+16315551111 · Acme · ONLINE', value: `${WABA_ID}/+16315551111` }]);
	});

	it.each([
		['+16315551111'],
		['102290129340398/16315551111'],
		['102290129340398/+16315551111/profile'],
		['../+16315551111'],
	])('refuses the sender ID %p given by an expression before any request, naming the field', async (senderId) => {
		// typed in the field, n8n itself refuses it by the same pattern; an expression reaches the node
		const { error } = await run({ operation: 'get', senderId: byId(`={{ "${senderId}" }}`) });
		expect(error?.message).toBe(`Invalid "Sender" in item 0: "${senderId}" is not a YCloud sender ID (like 102290129340398/+16315551111)`);
		expect(ycloud.server.requests).toHaveLength(0);
	});

	it('offers no operation YCloud does not document', async () => {
		const { error } = await run({ operation: 'delete', senderId: byId(`${WABA_ID}/+16315551111`) });
		expect(error?.message).toContain('YCloud does not support "delete"; it supports: list, get, getProfile');
		expect(ycloud.server.requests).toHaveLength(0);
	});
});

describe('YCloud errors', () => {
	it('says a wrong API key names YCloud and the credential, without the key', async () => {
		const { error } = await run({ operation: 'list', returnAll: true }, { apiKey: 'wrong-key-8c1d' });
		expect(error?.message).toBe('YCloud rejected the credentials (HTTP 401)');
		expect(error?.description).toContain('Check the API key in the YCloud credential');
		expect(error?.description).toContain('code UNAUTHORIZED: Authentication is required.');
		expect(JSON.stringify(error)).not.toContain('wrong-key-8c1d');
		expect(ycloud.server.requests).toHaveLength(1);
	});

	it('waits for Retry-After when the account quota is used up, then lists', async () => {
		ycloud.addNumbers({ phoneNumber: '+16315551111' });
		ycloud.server.injectFaults({ status: 429, headers: { 'Retry-After': '1' }, body: yCloudError(429, 'ACCOUNT_RATE_LIMITED', 'Account rate limit exceeded.') });
		const started = Date.now();
		const { items, error } = await run({ operation: 'list', returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(ycloud.server.requests).toHaveLength(2);
		expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
	});

	it("does not repeat a refused parameter, and says YCloud's field", async () => {
		ycloud.server.injectFaults({ status: 400, body: yCloudError(400, 'PARAM_INVALID', "Parameter 'limit' should be between 1 and 100.", 'limit') });
		const { error } = await run({ operation: 'list', returnAll: true });
		expect(error?.message).toBe("YCloud error code PARAM_INVALID: Parameter 'limit' should be between 1 and 100.");
		expect(error?.description).toContain('Field: limit.');
		expect(ycloud.server.requests).toHaveLength(1);
	});

	it('puts no API key in the output', async () => {
		ycloud.addNumbers({ phoneNumber: '+16315551111' });
		const { items } = await run({ operation: 'list', returnAll: true });
		expect(JSON.stringify(items)).not.toContain(API_KEY);
	});
});

describe('The trigger on YCloud numbers', () => {
	it('fails the poll, and reports no removal, when a page comes back empty although the first page announced more numbers', async () => {
		ycloud.addNumbers(...fleet(150));
		const staticData = {};
		const parameters = { provider: 'ycloud', events: ['senderRemoved'] };
		await pollSendersTrigger({ parameters, credentials: credentials(), staticData });
		ycloud.server.injectFaultWhen((r) => r.query.page === '2', { status: 200, body: { offset: 100, limit: 100, length: 0, items: [] } });
		const cut = await pollSendersTrigger({ parameters, credentials: credentials(), staticData });
		expect(cut.error?.message).toBe('YCloud returned a response this node cannot read: the list ended after 100 of the 150 senders its first page announced');
		expect(cut.items).toEqual([]);
		const whole = await pollSendersTrigger({ parameters, credentials: credentials(), staticData });
		expect(whole.error).toBeUndefined();
		expect(whole.items).toEqual([]);
	});


	it('fires once when a quality rating drops, with the previous rating', async () => {
		ycloud.addNumbers({ phoneNumber: '+16315551111', qualityRating: 'GREEN' });
		const staticData = {};
		const parameters = { provider: 'ycloud', events: ['qualityChanged'] };
		const baseline = await pollSendersTrigger({ parameters, credentials: credentials(), staticData });
		expect(baseline.items).toHaveLength(0);
		ycloud.update('+16315551111', { qualityRating: 'RED' });
		const fired = await pollSendersTrigger({ parameters, credentials: credentials(), staticData });
		expect(fired.items.map((item) => item.json)).toEqual([
			expect.objectContaining({
				event: 'qualityChanged',
				provider: 'ycloud',
				direction: 'downgrade',
				sender: expect.objectContaining({ id: `${WABA_ID}/+16315551111`, qualityRating: 'RED' }),
				previous: expect.objectContaining({ qualityRating: 'GREEN' }),
			}),
		]);
		const again = await pollSendersTrigger({ parameters, credentials: credentials(), staticData });
		expect(again.items).toHaveLength(0);
	});
});
