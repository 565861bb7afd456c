import type { IDataObject } from 'n8n-workflow';

import { runSendersNode } from '../harness/n8nHarness';
import { twilioSid } from '../simulators/twilio';
import { senderById as byId, useTwilioAccount } from '../support/twilioAccount';

const { twilio, accountSid: ACCOUNT_SID, credentials } = useTwilioAccount('lifecycle-test-token');
const run = (parameters: IDataObject) =>
	runSendersNode({
		parameters: { provider: 'twilio', resource: 'sender', ...parameters },
		credentials: credentials(),
	});
const createParameters = (overrides: IDataObject = {}) => ({
	operation: 'create',
	phoneNumber: '+14155550123',
	wabaId: '1234567890',
	profileName: 'Acme Support',
	verificationMethod: 'sms',
	...overrides,
});
const bodies = () =>
	twilio.server.requests
		.filter((r) => r.method === 'POST')
		.map((r) => JSON.parse(r.body) as IDataObject);

describe('Create a Twilio sender', () => {
	it('registers the number with exactly the fields the API accepts and outputs it as PENDING (CREATING)', async () => {
		const { items, error } = await run(
			createParameters({
				businessProfile: {
					about: 'We answer within an hour',
					emails: 'help@acme.example',
					vertical: 'Retail'.replace('Retail', 'Shopping and Retail'),
					websites: 'https://acme.example',
				},
				webhook: { callbackUrl: 'https://hooks.acme.example/wa', callbackMethod: 'POST' },
			}),
		);
		expect(error).toBeUndefined();
		expect(bodies()).toEqual([
			{
				sender_id: 'whatsapp:+14155550123',
				configuration: { waba_id: '1234567890', verification_method: 'sms' },
				webhook: { callback_url: 'https://hooks.acme.example/wa', callback_method: 'POST' },
				profile: {
					name: 'Acme Support',
					about: 'We answer within an hour',
					emails: [{ email: 'help@acme.example', label: 'Email' }],
					vertical: 'Shopping and Retail',
					websites: [{ website: 'https://acme.example', label: 'Website' }],
				},
			},
		]);
		expect(items[0].json).toMatchObject({
			phoneNumber: '+14155550123',
			status: 'PENDING',
			providerStatus: 'CREATING',
			displayName: 'Acme Support',
		});
	});

	it('accepts a number written with spaces and brackets, and sends it as E.164', async () => {
		await run(createParameters({ phoneNumber: '+1 (415) 555-0123' }));
		expect(bodies()[0].sender_id).toBe('whatsapp:+14155550123');
	});

	it("explains Twilio's 63110 when the number is already on WhatsApp, keeping Twilio's code and link", async () => {
		await run(createParameters());
		const { error } = await run(createParameters());
		expect(error?.message).toBe(
			'Twilio error code 63110: The phone number is already registered on WhatsApp',
		);
		expect(error?.description).toContain('Delete it there, or migrate it');
		expect(error?.description).toContain('https://www.twilio.com/docs/errors/63110');
	});

	it('is not repeated after a 503, because the sender may have been created', async () => {
		twilio.server.injectFaults({
			status: 503,
			body: { code: 20503, message: 'Service Unavailable', status: 503 },
		});
		const { error } = await run(createParameters());
		expect(error?.message).toBe('Twilio error code 20503: Service Unavailable');
		expect(bodies()).toHaveLength(1);
	});

	it('is repeated after a 429, which Twilio never processed', async () => {
		twilio.server.injectFaults({
			status: 429,
			headers: { 'Retry-After': '0' },
			body: { code: 20429, message: 'Too Many Requests', status: 429 },
		});
		const { error } = await run(createParameters());
		expect(error).toBeUndefined();
		expect(bodies()).toHaveLength(2);
		expect(twilio.account(ACCOUNT_SID).senders).toHaveLength(1);
	});
});

describe('Create refuses bad values before any request', () => {
	it.each([
		[
			'a number without +',
			{ phoneNumber: '14155550123' },
			'Phone Number',
			'must be an E.164 number',
		],
		['a number too short', { phoneNumber: '+1415' }, 'Phone Number', 'must be an E.164 number'],
		[
			'a number with letters',
			{ phoneNumber: '+1415555O123' },
			'Phone Number',
			'must be an E.164 number',
		],
		[
			'a number from an expression that is not text',
			{ phoneNumber: '={{ 14155550123 }}' },
			'Phone Number',
			'must be text like +14155550100',
		],
		[
			'a WABA ID with letters',
			{ wabaId: 'waba-123' },
			'WABA ID',
			'must be the numeric WhatsApp Business Account ID',
		],
		['an empty profile name', { profileName: '   ' }, 'Profile Name', 'is required'],
		[
			'an About text over 139 characters',
			{ businessProfile: { about: 'x'.repeat(140) } },
			'About',
			'at most 139 characters',
		],
		[
			'an address over 256 characters',
			{ businessProfile: { address: 'x'.repeat(257) } },
			'Address',
			'at most 256 characters',
		],
		[
			'a description over 256 characters',
			{ businessProfile: { description: 'x'.repeat(257) } },
			'Description',
			'at most 256 characters',
		],
		[
			'an email that is not one',
			{ businessProfile: { emails: 'help@' } },
			'Emails',
			'is not an email address',
		],
		[
			'three emails',
			{ businessProfile: { emails: 'a@acme.example, b@acme.example, c@acme.example' } },
			'Emails',
			'at most 2 emails',
		],
		[
			'a logo URL over plain http',
			{ businessProfile: { logoUrl: 'http://acme.example/logo.png' } },
			'Logo URL',
			'must start with https://',
		],
		[
			'a vertical Twilio does not list',
			{ businessProfile: { vertical: '={{ "Crypto" }}' } },
			'Vertical',
			"must be one of Twilio's verticals",
		],
		[
			'a website that is not a URL',
			{ businessProfile: { websites: 'acme dot example' } },
			'Websites',
			'is not a URL',
		],
		[
			'three websites',
			{ businessProfile: { websites: 'https://a.example, https://b.example, https://c.example' } },
			'Websites',
			'at most 2 websites',
		],
		[
			'a callback URL that is not a URL',
			{ webhook: { callbackUrl: 'hooks.acme.example' } },
			'Callback URL',
			'is not a URL',
		],
		[
			'a callback method Twilio does not take',
			{ webhook: { callbackMethod: '={{ "GET" }}' } },
			'Callback Method',
			'must be POST or PUT',
		],
		[
			'a verification method Twilio does not take',
			{ verificationMethod: '={{ "email" }}' },
			'Verification Method',
			'must be sms or voice',
		],
		[
			'a voice application SID of the wrong kind',
			{ options: { voiceApplicationSid: 'XE0123456789abcdef0123456789abcdef' } },
			'Voice Application SID',
			'must be AP followed by 32 hexadecimal characters',
		],
	])('%s', async (_case, overrides, field, problem) => {
		const { error } = await run(createParameters(overrides as IDataObject));
		expect(error?.message).toContain(`Invalid "${field}" in item 0: `);
		expect(error?.message).toContain(problem);
		expect(twilio.server.requests).toHaveLength(0);
	});
});

describe('Verify, Update and the full lifecycle', () => {
	async function createdSid(): Promise<string> {
		const { items } = await run(createParameters());
		return items[0].json.id as string;
	}

	it('goes Create → PENDING_VERIFICATION → Verify → VERIFYING → ONLINE → Update → ONLINE:UPDATING → ONLINE → Delete', async () => {
		const sid = await createdSid();
		expect((await run({ operation: 'get', senderId: byId(sid) })).items[0].json).toMatchObject({
			status: 'PENDING_VERIFICATION',
		});
		const verified = await run({
			operation: 'verify',
			senderId: byId(sid),
			verificationCode: '123456',
		});
		expect(verified.items[0].json).toMatchObject({ status: 'VERIFYING' });
		expect((await run({ operation: 'get', senderId: byId(sid) })).items[0].json).toMatchObject({
			status: 'ONLINE',
			qualityRating: 'GREEN',
			messagingLimit: 1000,
		});
		const updated = await run({
			operation: 'update',
			senderId: byId(sid),
			updateFields: { about: 'Open 9–17' },
		});
		expect(updated.items[0].json).toMatchObject({
			status: 'ONLINE',
			providerStatus: 'ONLINE:UPDATING',
		});
		expect((await run({ operation: 'get', senderId: byId(sid) })).items[0].json).toMatchObject({
			providerStatus: 'ONLINE',
		});
		expect((await run({ operation: 'delete', senderId: byId(sid) })).items[0].json).toEqual({
			deleted: true,
			id: sid,
		});
	});

	it('sends the verification code alone', async () => {
		const sid = await createdSid();
		twilio.server.resetRequests();
		await run({ operation: 'verify', senderId: byId(sid), verificationCode: '123456' });
		expect(bodies()).toEqual([{ configuration: { verification_code: '123456' } }]);
	});

	it("explains a wrong code with Twilio's 63113 and is not repeated", async () => {
		const sid = await createdSid();
		twilio.server.resetRequests();
		const { error } = await run({
			operation: 'verify',
			senderId: byId(sid),
			verificationCode: '000000',
		});
		expect(error?.message).toBe(
			'Twilio error code 63113: Sender Cannot Be Verified: the verification code is incorrect',
		);
		expect(error?.description).toContain('check the code');
		expect(bodies()).toHaveLength(1);
	});

	it.each([['12345'], ['12a456'], ['1234567']])(
		'refuses the code %p before any request',
		async (code) => {
			const { error } = await run({
				operation: 'verify',
				senderId: byId(twilioSid('XE')),
				verificationCode: code,
			});
			expect(error?.message).toBe(
				'Invalid "Verification Code" in item 0: must be the 6-digit code sent by SMS or voice call',
			);
			expect(twilio.server.requests).toHaveLength(0);
		},
	);

	it('sends only the fields the user set on Update', async () => {
		const sid = await createdSid();
		twilio.server.resetRequests();
		await run({
			operation: 'update',
			senderId: byId(sid),
			updateFields: {
				profileName: 'Acme Help',
				statusCallbackUrl: 'https://hooks.acme.example/status',
				about: '',
			},
		});
		expect(bodies()).toEqual([
			{
				webhook: { status_callback_url: 'https://hooks.acme.example/status' },
				profile: { name: 'Acme Help' },
			},
		]);
	});

	it('refuses an Update with nothing to change', async () => {
		const { error } = await run({
			operation: 'update',
			senderId: byId(twilioSid('XE')),
			updateFields: {},
		});
		expect(error?.message).toBe(
			'Invalid "Update Fields" in item 0: add at least one field to change',
		);
		expect(twilio.server.requests).toHaveLength(0);
	});

	it('refuses an Update with an invalid WABA ID before any request', async () => {
		const { error } = await run({
			operation: 'update',
			senderId: byId(twilioSid('XE')),
			updateFields: { wabaId: 'abc' },
		});
		expect(error?.message).toContain('Invalid "WABA ID" in item 0');
		expect(twilio.server.requests).toHaveLength(0);
	});
});

describe("Twilio's sender error codes tell the user what to do", () => {
	it.each([
		['63100', 'check the fields named in the message'],
		['63104', 'maximum number of phone numbers'],
		['63110', 'already registered on WhatsApp'],
		['63111', 'check the WABA ID'],
		['63113', 'check the code'],
		['63114', 'Wait before asking for another code'],
		['63116', 'can receive SMS or voice calls'],
		['20404', 'No sender with this SID'],
		['20429', 'lower the number of parallel executions'],
	])('code %s', async (code, advice) => {
		const status = code === '20404' ? 404 : code === '20429' ? 429 : 400;
		const fault = {
			status,
			headers: { 'Retry-After': '0' },
			body: {
				code: Number(code),
				message: `Twilio says ${code}`,
				more_info: `https://www.twilio.com/docs/errors/${code}`,
				status,
			},
		};
		// a 429 is retried: answer every attempt with it
		twilio.server.injectFaults(fault, fault, fault, fault, fault);
		const { error } = await run({ operation: 'get', senderId: byId(twilioSid('XE')) });
		expect(error?.message).toBe(`Twilio error code ${code}: Twilio says ${code}`);
		expect(error?.description).toContain(advice);
		expect(error?.description).toContain(`https://www.twilio.com/docs/errors/${code}`);
	});

	it('code 20003 (wrong credentials) says which credential fields to check', async () => {
		const { error } = await runSendersNode({
			parameters: {
				provider: 'twilio',
				resource: 'sender',
				operation: 'get',
				senderId: byId(twilioSid('XE')),
			},
			credentials: { twilioSendersApi: { ...credentials().twilioSendersApi, authToken: 'wrong' } },
		});
		expect(error?.message).toBe('Twilio rejected the credentials (HTTP 401)');
		expect(error?.description).toContain('Check the Account SID and Auth Token');
	});
});
