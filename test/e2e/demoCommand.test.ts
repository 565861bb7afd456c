import { DEMO_SECRETS } from '../../scripts/demo/fleet';
import { assertNoCanaries, registerCanary } from '../support/canaries';
import { type DemoProcess, startDemo } from '../support/demoProcess';

/**
 * The README's main command (`npm start` runs scripts/demo.ts after install and build), run
 * as a user runs it: started, watched as the scenario unfolds, stopped with Ctrl-C.
 */
let demo: DemoProcess;
let n8nUrl: string;
let sinkUrl: string;

beforeAll(async () => {
	demo = await startDemo();
	[, n8nUrl] = await demo.waitFor(/n8n is running: (http:\/\/\S+)/, 240_000);
	[, sinkUrl] = await demo.waitFor(
		/Slack sink \(every message it received\): (http:\/\/\S+)/,
		5_000,
	);
}, 250_000);

afterAll(async () => {
	await demo?.interrupt();
});

describe('the demo command', () => {
	it('prints the fleet report of all nine providers before n8n opens', () => {
		const report =
			/Slack #fleet-report ▸ .*WhatsApp fleet report.*: 22 senders\n((?:\s+.*\n)+)/.exec(
				demo.output(),
			);
		expect(report?.[1]).toMatch(/Twilio: 4 \(/);
		expect(report?.[1]).toMatch(/Meta Cloud API: 2 \(2 ONLINE/);
		expect(report?.[1]).toMatch(/Autocalls: 3 \(3 ONLINE/);
		expect(report?.[1]).toMatch(/Famulor: 2 \(/);
		expect(report?.[1]).toMatch(/99digital: 2 \(2 ONLINE/);
		expect(report?.[1]).toMatch(/YCloud: 2 \(2 ONLINE; quality 1 GREEN, 1 YELLOW\)/);
		// Gupshup's documented example answer says canSendMessage LIMITED (a display name not approved yet)
		expect(report?.[1]).toMatch(/Gupshup: 2 \(1 ONLINE, 1 LIMITED; quality 2 GREEN\)/);
		expect(report?.[1]).toMatch(/↳ \+\d+ .*: LIMITED, quality GREEN/);
		expect(report?.[1]).toMatch(
			/Sinch: 2 \(1 ONLINE, 1 PENDING_VERIFICATION; quality 1 GREEN, 1 UNKNOWN\)/,
		);
		// Infobip lists the numbers its credential names: one of them is not on the Infobip account
		expect(report?.[1]).toMatch(
			/Infobip: 3 \(2 ONLINE, 1 NOT_FOUND; quality 1 GREEN, 1 YELLOW, 1 UNKNOWN\)/,
		);
		expect(report?.[1]).toMatch(/↳ \+447700900123 : NOT_FOUND, quality UNKNOWN/);
		// the YELLOW YCloud number is named among those that need attention
		expect(report?.[1]).toMatch(/↳ \+6281234567890 Acme Indonesia: ONLINE, quality YELLOW/);
	});

	it('prints the n8n URL, the login and the five active example workflows', () => {
		expect(demo.output()).toContain('Log in as owner@example.com / WhatsApp-Senders-1');
		for (const name of [
			'quality alert',
			'sender status alert',
			'messaging limit alert',
			'onboarding pipeline',
			'daily fleet report',
		]) {
			expect(demo.output()).toMatch(
				new RegExp(`WhatsApp ${name}.*${n8nUrl.replace(/[.:/]/g, '\\$&')}/workflow/`),
			);
		}
	});

	it('posts the first quality alert to Slack as the scripted Twilio number turns YELLOW', async () => {
		await demo.waitFor(
			/Slack #whatsapp-alerts ▸ 🟡 WhatsApp quality GREEN → YELLOW for \+14155550102 \(Acme Sales\) on Twilio\. Messaging limit: 1,000 conversations \/ 24 h\./,
			180_000,
		);
		expect(demo.output()).toMatch(/\(first alert reached Slack \d+ s after start\)/);
	}, 190_000);

	it('brings the onboarding client live: code asked for, code sent, number live', async () => {
		await demo.waitFor(
			/Slack #onboarding ▸ ✅ \+14155550199 \(Bella Pizza\) is live on WhatsApp/,
			120_000,
		);
		expect(demo.output()).toMatch(
			/Slack #onboarding ▸ 📱 \+14155550199 \(Bella Pizza\) is registered with Twilio as XE[0-9a-f]{32}/,
		);
		expect(demo.output()).toMatch(
			/curl -X POST 'http:\/\/127\.0\.0\.1:\d+\/webhook-waiting\/\d+\S*' -d code=NNNNNN/,
		);
	}, 130_000);

	it("posts one message, not one per number, when Meta raises the portfolio's messaging limit", async () => {
		await demo.waitFor(
			/Slack #whatsapp-alerts ▸ 📈 WhatsApp messaging limit 10,000 → 100,000 conversations \/ 24 h on Meta Cloud API for 2 numbers: \+5511987654321 \(Acme Brasil\), \+5521912345678 \(Acme Rio\)\./,
			150_000,
		);
		// Acme Rio's quality alert comes from a later poll of Meta (every trigger polls each minute): nothing more on Meta's limit by then.
		// (The onboarded Twilio number gets its first limit when it goes live, a limit alert of its own, at a time that varies.)
		await demo.waitFor(
			/Slack #whatsapp-alerts ▸ 🟡 WhatsApp quality GREEN → YELLOW for \+5521912345678/,
			150_000,
		);
		expect(
			demo
				.output()
				.match(/Slack #whatsapp-alerts ▸ \S+ WhatsApp messaging limit [^\n]* on Meta Cloud API/g),
		).toHaveLength(1);
	}, 310_000);

	it("sends a bad onboarding request down the pipeline's error branch to Slack", async () => {
		const response = await fetch(`${n8nUrl}/webhook/whatsapp-onboarding`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({
				phoneNumber: '+1 555',
				wabaId: '1234567890',
				businessName: 'Typo Ltd',
			}),
		});
		expect(response.status).toBe(200);
		const [line] = await demo.waitFor(/Slack #onboarding ▸ ❌ .*\n/, 30_000);
		expect(line).toContain('Onboarding of +1 555 stopped: Invalid "Phone Number" in item 0');
	}, 40_000);

	it('keeps every message at the sink URL', async () => {
		const messages = (await (await fetch(`${sinkUrl}messages`)).json()) as Array<{
			channel: string;
		}>;
		expect(messages.map((m) => m.channel)).toEqual(
			expect.arrayContaining(['fleet-report', 'whatsapp-alerts', 'onboarding']),
		);
	});

	it('stops everything it started on Ctrl-C', async () => {
		expect(await demo.interrupt()).toBe(0);
		expect(demo.output()).toContain('Stopped.');
		await expect(fetch(`${n8nUrl}/healthz`)).rejects.toThrow();
		await expect(fetch(sinkUrl)).rejects.toThrow();
	}, 60_000);

	it('never printed a credential secret, from its start to Ctrl-C', () => {
		for (const secret of DEMO_SECRETS) registerCanary(secret, 'credential');
		expect(demo.output()).toContain('Stopped.');
		expect(() => assertNoCanaries('The demo output', demo.output())).not.toThrow();
	});
});
