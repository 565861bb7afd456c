import { lookup } from 'node:dns/promises';
import { rmSync } from 'node:fs';
import { hostname } from 'node:os';

import { MetaSimulator } from '../simulators/meta';
import { NinetyNineDigitalSimulator } from '../simulators/ninetyNineDigital';
import { PlatformSimulator } from '../simulators/platform';
import { notLocalhost, SimulatorServer } from '../simulators/server';
import { TwilioSimulator, twilioSid } from '../simulators/twilio';
import {
	freePort,
	installPackage,
	N8N_MAJOR,
	N8N_MINOR,
	newUserFolder,
	type OwnerSession,
	type RunningN8n,
	setupOwner,
	startN8n,
	testCredential,
} from '../support/n8n';

/**
 * The editor's "Test credential" button, in a real n8n (`n8n start`, the package installed
 * as a community package), for each credential type: the right key passes, a wrong key fails
 * with the provider's answer.
 */

const ACCOUNT_SID = twilioSid('AC');
const AUTH_TOKEN = 'e2e-credential-test-token';
const API_KEY_SID = twilioSid('SK');
const API_KEY_SECRET = 'e2e-credential-test-secret';

const twilio = new TwilioSimulator();
const autocalls = new PlatformSimulator('Autocalls');
const famulor = new PlatformSimulator('Famulor');
const meta = new MetaSimulator('e2e-meta-token', '102290129340398');
const digital = new NinetyNineDigitalSimulator('e2e-client', 'e2e-client-secret');
let userFolder: string;
let n8n: RunningN8n;
let session: OwnerSession;

/**
 * The credential's own message for a 401 (its test rules), as n8n 2.41 shows it. n8n 1.123
 * and 2.8 do not reach the rules when the test request fails with 401: they show their own
 * sentence instead (seen on the matrix's versions; the ones in between are untested).
 */
function expectRefusal(message: string, ours: string): void {
	const n8nShowsRules = N8N_MAJOR > 2 || (N8N_MAJOR === 2 && N8N_MINOR > 8);
	expect(message).toBe(
		n8nShowsRules ? ours : 'Authorization failed - please check your credentials',
	);
}

beforeAll(async () => {
	await Promise.all([
		twilio.start(),
		autocalls.start(),
		famulor.start(),
		meta.start(),
		digital.start(),
	]);
	twilio.addAccount(ACCOUNT_SID, AUTH_TOKEN, { [API_KEY_SID]: API_KEY_SECRET });
	autocalls.addApiKey('autocalls-good-key');
	famulor.addApiKey('famulor-good-key');
	userFolder = newUserFolder();
	await installPackage(userFolder);
	n8n = await startN8n(userFolder, await freePort());
	session = await setupOwner(n8n.url);
}, 180_000);

afterAll(async () => {
	await n8n?.stop();
	await Promise.all([twilio.stop(), autocalls.stop(), famulor.stop(), meta.stop(), digital.stop()]);
	if (userFolder) rmSync(userFolder, { recursive: true, force: true });
});

describe('Test credential in a real n8n', () => {
	it('passes for a Twilio Account SID and Auth Token, asking Twilio for one WhatsApp sender', async () => {
		twilio.server.resetRequests();
		const result = await testCredential(n8n.url, session, {
			name: 'Twilio',
			type: 'twilioSendersApi',
			data: {
				authType: 'authToken',
				accountSid: ACCOUNT_SID,
				authToken: AUTH_TOKEN,
				baseUrl: twilio.baseUrl,
			},
		});
		expect(result.status).toBe('OK');
		expect(twilio.server.requests.map((r) => r.query)).toEqual([
			{ Channel: 'whatsapp', PageSize: '1' },
		]);
	});

	it('passes for a Twilio API Key SID and Secret', async () => {
		const result = await testCredential(n8n.url, session, {
			name: 'Twilio key',
			type: 'twilioSendersApi',
			data: {
				authType: 'apiKey',
				accountSid: ACCOUNT_SID,
				apiKeySid: API_KEY_SID,
				apiKeySecret: API_KEY_SECRET,
				baseUrl: twilio.baseUrl,
			},
		});
		expect(result.status).toBe('OK');
	});

	it("fails for a wrong Twilio Auth Token, with Twilio's answer", async () => {
		twilio.server.resetRequests();
		const result = await testCredential(n8n.url, session, {
			name: 'Twilio wrong',
			type: 'twilioSendersApi',
			data: {
				authType: 'authToken',
				accountSid: ACCOUNT_SID,
				authToken: 'wrong',
				baseUrl: twilio.baseUrl,
			},
		});
		expect(result.status).toBe('Error');
		expectRefusal(
			result.message,
			'Twilio refused the Account SID and Auth Token, or the API Key SID and Secret (401): check them in the Twilio Console',
		);
		// n8n repeats a request that got 401 once before giving up
		expect(twilio.server.requests.length).toBeGreaterThan(0);
		const wrongAuth = `Basic ${Buffer.from(`${ACCOUNT_SID}:wrong`).toString('base64')}`;
		expect(twilio.server.requests.every((r) => r.headers.authorization === wrongAuth)).toBe(true);
	});

	it.each([
		['autocallsApi', 'Autocalls', 'autocalls-good-key', () => autocalls],
		['famulorApi', 'Famulor', 'famulor-good-key', () => famulor],
	])(
		'passes for a good %s key and fails for a wrong one',
		async (type, providerName, goodKey, simulator) => {
			simulator().server.resetRequests();
			const good = await testCredential(n8n.url, session, {
				name: type,
				type,
				data: { apiKey: goodKey, baseUrl: simulator().baseUrl },
			});
			const bad = await testCredential(n8n.url, session, {
				name: type,
				type,
				data: { apiKey: 'wrong', baseUrl: simulator().baseUrl },
			});
			expect(good.status).toBe('OK');
			expect(bad.status).toBe('Error');
			expectRefusal(
				bad.message,
				`${providerName} refused the API key (401): copy it again from your ${providerName} dashboard`,
			);
			const [first, ...rest] = simulator().server.requests.map((r) => r.headers.authorization);
			expect(first).toBe(`Bearer ${goodKey}`);
			expect(rest.length).toBeGreaterThan(0);
			expect(rest.every((header) => header === 'Bearer wrong')).toBe(true);
		},
	);

	it("passes for a Meta token that can read the WABA's phone numbers and fails for a wrong one", async () => {
		meta.server.resetRequests();
		const data = { wabaId: '102290129340398', graphApiVersion: 'v26.0', baseUrl: meta.baseUrl };
		const good = await testCredential(n8n.url, session, {
			name: 'Meta',
			type: 'metaWhatsAppCloudApi',
			data: { ...data, accessToken: 'e2e-meta-token' },
		});
		const bad = await testCredential(n8n.url, session, {
			name: 'Meta wrong',
			type: 'metaWhatsAppCloudApi',
			data: { ...data, accessToken: 'wrong' },
		});
		expect(good.status).toBe('OK');
		expect(bad.status).toBe('Error');
		expectRefusal(
			bad.message,
			'Meta refused the access token (401): it may be expired or revoked; a System User token does not expire',
		);
		expect(meta.server.requests[0]).toMatchObject({
			path: '/v26.0/102290129340398/phone_numbers',
			query: { fields: 'id', limit: '1' },
		});
	});

	it('passes for a 99digital client id and secret by fetching a token first, and fails for a wrong secret', async () => {
		digital.server.resetRequests();
		const data = { clientId: 'e2e-client', baseUrl: digital.baseUrl };
		const good = await testCredential(n8n.url, session, {
			name: '99digital',
			type: 'ninetyNineDigitalApi',
			data: { ...data, clientSecret: 'e2e-client-secret' },
		});
		expect(good.status).toBe('OK');
		expect(digital.server.requests.map((r) => r.path)).toEqual([
			'/api/settings/accessToken',
			'/api/whatsapp/getWhatsApp',
		]);
		const bad = await testCredential(n8n.url, session, {
			name: '99digital wrong',
			type: 'ninetyNineDigitalApi',
			data: { ...data, clientSecret: 'wrong' },
		});
		expect(bad.status).toBe('Error');
		expect(bad.message).toContain('99digital refused the client ID or client secret');
	});

	describe('a Base URL over plain http to another host', () => {
		// this machine's host name reaches the simulators' listeners on 127.0.0.1 but is not
		// "localhost": any request the credential let through would arrive
		const name = hostname();

		beforeAll(async () => {
			const { address } = await lookup(name, { family: 4 });
			if (!address.startsWith('127.'))
				throw new Error(
					`${name} resolves to ${address}, not to this machine's loopback: no local listener to prove the rule with`,
				);
			// the positive control: a request through that name does reach a local listener
			const probe = new SimulatorServer(() => ({ status: 204 }));
			await probe.start();
			try {
				await fetch(notLocalhost(probe.origin));
				expect(probe.requests).toHaveLength(1);
			} finally {
				await probe.stop();
			}
		});

		it.each([
			[
				'twilioSendersApi',
				() => twilio,
				() => ({ authType: 'authToken', accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN }),
			],
			['autocallsApi', () => autocalls, () => ({ apiKey: 'autocalls-good-key' })],
			['famulorApi', () => famulor, () => ({ apiKey: 'famulor-good-key' })],
			[
				'metaWhatsAppCloudApi',
				() => meta,
				() => ({
					accessToken: 'e2e-meta-token',
					wabaId: '102290129340398',
					graphApiVersion: 'v26.0',
				}),
			],
			[
				'ninetyNineDigitalApi',
				() => digital,
				() => ({ clientId: 'e2e-client', clientSecret: 'e2e-client-secret' }),
			],
		])(
			'%s: Test credential fails with the rule, and the listener receives nothing',
			async (type, simulator, secrets) => {
				simulator().server.resetRequests();
				const result = await testCredential(n8n.url, session, {
					name: `${type} http`,
					type,
					data: { ...secrets(), baseUrl: notLocalhost(simulator().baseUrl) },
				});
				expect(result.status).toBe('Error');
				expect(result.message).toBe(
					`Invalid "Base URL" in the credential: must start with https:// (http:// is accepted only for localhost), got ${new URL(notLocalhost(simulator().baseUrl)).origin}. Nothing was sent.`,
				);
				expect(simulator().server.requests).toHaveLength(0);
			},
		);
	});
});
