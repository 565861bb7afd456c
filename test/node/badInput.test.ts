import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { runSendersNode } from '../harness/n8nHarness';
import {
	LISTING_PROVIDERS,
	startListingAccount,
	type ListingAccount,
	type ListingProvider,
} from '../support/listingAccounts';

/**
 * Every operation of every provider refuses bad input before any request: malformed
 * numbers, IDs and codes, URLs, over-long profile fields, wrong types from expressions,
 * empty strings, Unicode look-alikes, operations a provider does not have. Each case runs
 * with On Error → Continue: the item becomes an error item naming the field and the item,
 * and the simulators of all providers see no request at all (token exchange included).
 */

const XE = 'XE0123456789abcdef0123456789abcdef';
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const long = (length: number) => 'x'.repeat(length);

const twilioCreate = (overrides: IDataObject) => ({
	operation: 'create',
	phoneNumber: '+14155550123',
	wabaId: '1234567890',
	profileName: 'Acme Support',
	verificationMethod: 'sms',
	...overrides,
});
const metaCreate = (overrides: IDataObject) => ({
	operation: 'create',
	phoneNumber: '+14155550177',
	countryCode: '1',
	profileName: 'Acme',
	...overrides,
});

/** [what, provider, parameters, field named in the error] */
const CASES: Array<[string, ListingProvider, IDataObject, string]> = [
	// List, every provider
	['a Limit of 0', 'twilio', { operation: 'list', returnAll: false, limit: 0 }, 'Limit'],
	['a fractional Limit', 'metaCloud', { operation: 'list', returnAll: false, limit: 2.5 }, 'Limit'],
	[
		'a Limit that is text from an expression',
		'autocalls',
		{ operation: 'list', returnAll: false, limit: '={{ "ten" }}' },
		'Limit',
	],
	['a negative Limit', 'famulor', { operation: 'list', returnAll: false, limit: -3 }, 'Limit'],
	[
		'a Limit that is an object from an expression',
		'99digital',
		{ operation: 'list', returnAll: false, limit: '={{ { n: 5 } }}' },
		'Limit',
	],
	[
		'a negative timeout',
		'twilio',
		{ operation: 'list', options: { timeout: -1 } },
		'Timeout (Seconds)',
	],
	[
		'a timeout of a day',
		'metaCloud',
		{ operation: 'list', options: { timeout: 86_400 } },
		'Timeout (Seconds)',
	],
	[
		'a status filter Autocalls does not have',
		'autocalls',
		{ operation: 'list', filters: { status: '={{ "paused" }}' } },
		'Status',
	],
	[
		'a status filter that is a list',
		'famulor',
		{ operation: 'list', filters: { status: '={{ ["all"] }}' } },
		'Status',
	],
	[
		'a provider this package does not know',
		'twilio',
		{ provider: 'whatsappWeb', operation: 'list' },
		'Provider',
	],
	[
		'a provider from an expression that is empty',
		'twilio',
		{ provider: '={{ "" }}', operation: 'list' },
		'Provider',
	],
	// operations a provider does not offer
	['Get on Autocalls', 'autocalls', { operation: 'get', senderId: byId('12') }, 'Operation'],
	[
		'Create on Famulor',
		'famulor',
		{ operation: 'create', phoneNumber: '+14155550123' },
		'Operation',
	],
	[
		'Update on Meta',
		'metaCloud',
		{ operation: 'update', senderId: byId('1111111111') },
		'Operation',
	],
	['Get on 99digital', '99digital', { operation: 'get' }, 'Operation'],
	[
		'Register on Twilio',
		'twilio',
		{ operation: 'register', senderId: byId(XE), pin: '123456' },
		'Operation',
	],
	['an operation nobody has', 'metaCloud', { operation: 'teleport' }, 'Operation'],
	// sender IDs
	['an empty sender ID', 'twilio', { operation: 'get', senderId: byId('={{ "" }}') }, 'Sender'],
	[
		'a Twilio ID that is too short',
		'twilio',
		{ operation: 'delete', senderId: byId('={{ "XE123" }}') },
		'Sender',
	],
	[
		'a phone number where a Twilio ID belongs',
		'twilio',
		{ operation: 'get', senderId: byId('={{ "+14155550100" }}') },
		'Sender',
	],
	[
		'a Twilio ID with a letter beyond f',
		'twilio',
		{ operation: 'get', senderId: byId('={{ "XE0123456789abcdef0123456789abcdeg" }}') },
		'Sender',
	],
	[
		'a Twilio ID with a zero-width space',
		'twilio',
		{ operation: 'get', senderId: byId(`={{ "XE0123456789abcdef\u200b0123456789abcde" }}`) },
		'Sender',
	],
	[
		'a Twilio ID with a path in it',
		'twilio',
		{
			operation: 'delete',
			senderId: byId('={{ "XE0123456789abcdef0123456789abcdef/../../Accounts" }}'),
		},
		'Sender',
	],
	[
		'a Twilio ID in a number from an expression',
		'twilio',
		{ operation: 'get', senderId: byId('={{ 12345 }}') },
		'Sender',
	],
	[
		'a Twilio ID where a Meta ID belongs',
		'metaCloud',
		{ operation: 'get', senderId: byId(`={{ "${XE}" }}`) },
		'Sender',
	],
	[
		'a Meta ID with Arabic-Indic digits',
		'metaCloud',
		{ operation: 'deregister', senderId: byId('={{ "١٠٦٥٤٠٣٥٢٢٤٢٩٢٢" }}') },
		'Sender',
	],
	[
		'a Meta ID that is empty',
		'metaCloud',
		{ operation: 'getProfile', senderId: byId('={{ "" }}') },
		'Sender',
	],
	// phone numbers
	['a number without +', 'twilio', twilioCreate({ phoneNumber: '14155550123' }), 'Phone Number'],
	['a number too short', 'twilio', twilioCreate({ phoneNumber: '+1415' }), 'Phone Number'],
	[
		'a number with a letter O',
		'twilio',
		twilioCreate({ phoneNumber: '+1415555O123' }),
		'Phone Number',
	],
	[
		'a number that is a number from an expression',
		'twilio',
		twilioCreate({ phoneNumber: '={{ 14155550123 }}' }),
		'Phone Number',
	],
	[
		'a number in full-width digits',
		'twilio',
		twilioCreate({ phoneNumber: '+１４１５５５５０１２３' }),
		'Phone Number',
	],
	[
		'a number with an emoji',
		'metaCloud',
		metaCreate({ phoneNumber: '+1415555📞0177' }),
		'Phone Number',
	],
	[
		'a number that is empty from an expression',
		'metaCloud',
		metaCreate({ phoneNumber: '={{ "" }}' }),
		'Phone Number',
	],
	[
		'a number of 16 digits',
		'99digital',
		{ operation: 'create', phoneNumber: '+9725211122334455', verificationMethod: 'sms' },
		'Phone Number',
	],
	[
		'a local number without country code',
		'99digital',
		{ operation: 'create', phoneNumber: '0501234567', verificationMethod: 'sms' },
		'Phone Number',
	],
	// create fields
	['a WABA ID with letters', 'twilio', twilioCreate({ wabaId: 'waba-123' }), 'WABA ID'],
	['an empty profile name', 'twilio', twilioCreate({ profileName: '   ' }), 'Profile Name'],
	[
		'a profile name that is null from an expression',
		'metaCloud',
		metaCreate({ profileName: '={{ null }}' }),
		'Profile Name',
	],
	[
		'a verification method nobody has',
		'twilio',
		twilioCreate({ verificationMethod: '={{ "email" }}' }),
		'Verification Method',
	],
	[
		'a 99digital verification method nobody has',
		'99digital',
		{
			operation: 'create',
			phoneNumber: '+972521112233',
			verificationMethod: '={{ "carrier pigeon" }}',
		},
		'Verification Method',
	],
	[
		'a country code that does not start the number',
		'metaCloud',
		metaCreate({ countryCode: '44' }),
		'Country Code',
	],
	['an empty country code', 'metaCloud', metaCreate({ countryCode: '={{ "" }}' }), 'Country Code'],
	[
		'a voice application SID of another kind',
		'twilio',
		twilioCreate({ options: { voiceApplicationSid: XE } }),
		'Voice Application SID',
	],
	// profile fields and URLs
	[
		'an About of 140 characters',
		'twilio',
		twilioCreate({ businessProfile: { about: long(140) } }),
		'About',
	],
	[
		'an address of 257 characters',
		'twilio',
		twilioCreate({ businessProfile: { address: long(257) } }),
		'Address',
	],
	[
		'a description of 513 characters',
		'twilio',
		twilioCreate({ businessProfile: { description: long(513) } }),
		'Description',
	],
	[
		'an About of 140 emoji',
		'metaCloud',
		{
			operation: 'updateProfile',
			senderId: byId('1111111111'),
			profileFields: { about: '🙂'.repeat(140) },
		},
		'About',
	],
	[
		'an email without a domain',
		'twilio',
		twilioCreate({ businessProfile: { emails: 'help@' } }),
		'Emails',
	],
	[
		'three emails',
		'twilio',
		twilioCreate({ businessProfile: { emails: 'a@acme.example, b@acme.example, c@acme.example' } }),
		'Emails',
	],
	[
		'a Meta profile email that is not one',
		'metaCloud',
		{
			operation: 'updateProfile',
			senderId: byId('1111111111'),
			profileFields: { email: 'not-an-email' },
		},
		'Email',
	],
	[
		'a logo URL over plain http',
		'twilio',
		twilioCreate({ businessProfile: { logoUrl: 'http://acme.example/logo.png' } }),
		'Logo URL',
	],
	[
		'a website that is not a URL',
		'twilio',
		twilioCreate({ businessProfile: { websites: 'acme dot example' } }),
		'Websites',
	],
	[
		'a javascript: website',
		'twilio',
		twilioCreate({ businessProfile: { websites: 'javascript:alert(1)' } }),
		'Websites',
	],
	[
		'a callback URL without scheme',
		'twilio',
		twilioCreate({ webhook: { callbackUrl: 'hooks.acme.example' } }),
		'Callback URL',
	],
	[
		'a callback method Twilio does not take',
		'twilio',
		twilioCreate({ webhook: { callbackMethod: '={{ "GET" }}' } }),
		'Callback Method',
	],
	[
		'a vertical Twilio does not list',
		'twilio',
		twilioCreate({ businessProfile: { vertical: '={{ "Crypto" }}' } }),
		'Vertical',
	],
	[
		'an Update with nothing to change',
		'twilio',
		{ operation: 'update', senderId: byId(XE), updateFields: {} },
		'Update Fields',
	],
	[
		'an Update with a WABA ID with letters',
		'twilio',
		{ operation: 'update', senderId: byId(XE), updateFields: { wabaId: 'abc' } },
		'WABA ID',
	],
	[
		'a Meta profile update with nothing to change',
		'metaCloud',
		{ operation: 'updateProfile', senderId: byId('1111111111'), profileFields: {} },
		'Update Fields',
	],
	// codes and PINs
	[
		'a 5-digit code',
		'twilio',
		{ operation: 'verify', senderId: byId(XE), verificationCode: '12345' },
		'Verification Code',
	],
	[
		'a code with a letter',
		'twilio',
		{ operation: 'verify', senderId: byId(XE), verificationCode: '12a456' },
		'Verification Code',
	],
	[
		'a code with a space',
		'metaCloud',
		{ operation: 'verify', senderId: byId('1111111111'), verificationCode: '12 34' },
		'Verification Code',
	],
	[
		'a code in Arabic-Indic digits',
		'metaCloud',
		{ operation: 'verify', senderId: byId('1111111111'), verificationCode: '١٢٣٤٥٦' },
		'Verification Code',
	],
	[
		'a code that is a number from an expression',
		'twilio',
		{ operation: 'verify', senderId: byId(XE), verificationCode: '={{ 123456 }}' },
		'Verification Code',
	],
	[
		'a 5-digit PIN',
		'metaCloud',
		{ operation: 'register', senderId: byId('1111111111'), pin: '12345' },
		'PIN',
	],
	[
		'a PIN that is empty from an expression',
		'metaCloud',
		{ operation: 'register', senderId: byId('1111111111'), pin: '={{ $json.pin ?? "" }}' },
		'PIN',
	],
	[
		'a language that is a word',
		'metaCloud',
		{
			operation: 'requestCode',
			senderId: byId('1111111111'),
			codeMethod: 'sms',
			language: 'english',
		},
		'Language',
	],
	[
		'a Sinch sender given as its phone number',
		'sinch',
		{ operation: 'get', senderId: byId('={{ "+48777777777" }}') },
		'Sender',
	],
	[
		'a Sinch code of 7 digits',
		'sinch',
		{
			operation: 'verify',
			senderId: byId('cf11794a-6a5e-4a12-b103-da79bd378bf1'),
			verificationCode: '1234567',
		},
		'Verification Code',
	],
	[
		'a code method Meta does not have',
		'metaCloud',
		{
			operation: 'requestCode',
			senderId: byId('1111111111'),
			codeMethod: '={{ "email" }}',
			language: 'en_US',
		},
		'Code Method',
	],
	// YCloud: a number is its WABA ID and E.164 number
	['a YCloud Limit of 0', 'ycloud', { operation: 'list', returnAll: false, limit: 0 }, 'Limit'],
	[
		'a YCloud ID without the WABA ID',
		'ycloud',
		{ operation: 'get', senderId: byId('={{ "+16315551111" }}') },
		'Sender',
	],
	[
		'a YCloud ID whose number has no "+"',
		'ycloud',
		{ operation: 'getProfile', senderId: byId('={{ "102290129340398/16315551111" }}') },
		'Sender',
	],
	[
		'a YCloud ID that climbs out of its path',
		'ycloud',
		{ operation: 'get', senderId: byId('={{ "../+16315551111" }}') },
		'Sender',
	],
	// Infobip: a sender is its E.164 number
	[
		'an Infobip number without its "+"',
		'infobip',
		{ operation: 'get', senderId: byId('={{ "447796344125" }}') },
		'Sender',
	],
	[
		'an Infobip number with a letter O for a zero',
		'infobip',
		{ operation: 'get', senderId: byId('={{ "+44779634412O" }}') },
		'Sender',
	],
	[
		'a vertical YCloud does not list',
		'ycloud',
		{
			operation: 'updateProfile',
			senderId: byId('102290129340398/+16315551111'),
			profileFields: { vertical: 'OTC_DRUGS' },
		},
		'Vertical',
	],
	[
		'Delete on YCloud',
		'ycloud',
		{ operation: 'delete', senderId: byId('102290129340398/+16315551111') },
		'Operation',
	],
	// Gupshup: a sender is an app, named by its app ID (a UUID)
	[
		'a Gupshup app ID that is a phone number',
		'gupshup',
		{ operation: 'get', senderId: byId('={{ "917835039205" }}') },
		'Sender',
	],
	[
		'a Gupshup app ID one character short',
		'gupshup',
		{ operation: 'get', senderId: byId('={{ "00065097-93ff-4c22-bfa4-845f01b7de3" }}') },
		'Sender',
	],
	[
		'Create on Gupshup',
		'gupshup',
		{ operation: 'create', phoneNumber: '+917835039205' },
		'Operation',
	],
	// several bad inputs at once: the sender is named first, then the operation's own input, then the timeout
	[
		'a bad sender ID and no deletion confirmation',
		'99digital',
		{ operation: 'delete', senderId: byId('={{ "+972-50" }}'), options: { timeout: -1 } },
		'Sender',
	],
	[
		'a two-digit PIN and a negative timeout',
		'metaCloud',
		{
			operation: 'register',
			senderId: byId('106540352242922'),
			pin: '12',
			options: { timeout: -1 },
		},
		'PIN',
	],
];

describe('Bad input is refused before any request, as an error item that names the field and the item', () => {
	const accounts = new Map<ListingProvider, ListingAccount>();

	beforeAll(async () => {
		for (const provider of LISTING_PROVIDERS) {
			accounts.set(provider, await startListingAccount(provider, 2));
		}
	});
	afterAll(async () => {
		for (const account of accounts.values()) await account.stop();
	});
	beforeEach(() => {
		for (const account of accounts.values()) account.simulator.server.resetRequests();
	});
	const requestsSent = () =>
		[...accounts.values()].reduce(
			(sum, account) => sum + account.simulator.server.requests.length,
			0,
		);
	const allCredentials = () =>
		Object.assign({}, ...[...accounts.values()].map((account) => account.credentials)) as Record<
			string,
			ICredentialDataDecryptedObject
		>;

	it('covers at least 50 distinct inputs across all providers', () => {
		expect(new Set(CASES.map(([what]) => what)).size).toBe(CASES.length);
		expect(CASES.length).toBeGreaterThanOrEqual(50);
		expect(new Set(CASES.map(([, provider]) => provider))).toEqual(new Set(LISTING_PROVIDERS));
	});

	it.each(CASES)('%s (%s)', async (_what, provider, parameters, field) => {
		const { items, error } = await runSendersNode({
			parameters: { provider, resource: 'sender', ...parameters },
			credentials: allCredentials(),
			continueOnFail: true,
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(String(items[0].json.error)).toMatch(
			new RegExp(`^Invalid "${field.replace(/[()]/g, '\\$&')}" in item 0: .+`),
		);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(requestsSent()).toBe(0);
	});

	it('leaves a required field typed empty to n8n, which refuses to run the workflow at all', async () => {
		await expect(
			runSendersNode({
				parameters: {
					provider: 'metaCloud',
					resource: 'sender',
					...metaCreate({ phoneNumber: '' }),
				},
				credentials: allCredentials(),
				continueOnFail: true,
			}),
		).rejects.toThrow('The workflow has issues');
		expect(requestsSent()).toBe(0);
	});

	it('names the item that was bad and still runs the good ones', async () => {
		const account = accounts.get('twilio')!;
		const { items } = await runSendersNode({
			parameters: {
				provider: 'twilio',
				resource: 'sender',
				operation: 'get',
				senderId: byId('={{ $json.sid }}'),
			},
			credentials: allCredentials(),
			continueOnFail: true,
			input: [{ json: { sid: await firstTwilioSid(account) } }, { json: { sid: 'XE-not-an-id' } }],
		});
		expect(items[0].json).toMatchObject({ provider: 'twilio' });
		expect(items[1].json.error).toMatch(/^Invalid "Sender" in item 1: /);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(
			account.simulator.server.requests.filter(
				(request) => request.method === 'GET' && request.path.includes('XE-'),
			),
		).toHaveLength(0);
	});
});

async function firstTwilioSid(account: ListingAccount): Promise<string> {
	const { items } = await runSendersNode({
		parameters: { provider: 'twilio', resource: 'sender', operation: 'list', returnAll: true },
		credentials: account.credentials,
	});
	account.simulator.server.resetRequests();
	return String(items[0].json.id);
}
