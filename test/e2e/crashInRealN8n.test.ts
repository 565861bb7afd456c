import { rmSync } from 'node:fs';

import { SlackSink } from '../simulators/slackSink';
import { TwilioSimulator, twilioSid, type TwilioSender } from '../simulators/twilio';
import {
	repoll,
	type RunningN8n,
	startN8n,
	startN8nWithWorkflows,
	twilioCredential,
	waitFor,
} from '../support/n8n';
import { triggerToSlackWorkflow } from '../support/workflows';

/**
 * n8n killed with SIGKILL at the worst moments, then started again on the same database: in
 * the middle of a poll (the provider has not answered yet), and just after a poll that saw a
 * change reached Slack. Every change must reach Slack at least once; a change delivered twice
 * carries the same eventId both times, so a workflow can drop the second.
 */

const ACCOUNT_SID = twilioSid('AC');
const AUTH_TOKEN = 'e2e-crash-token';
const WORKFLOW_ID = 'e2eCrashQuality1';

const twilio = new TwilioSimulator();
const slack = new SlackSink();
let senders: TwilioSender[];
let userFolder: string;
let n8n: RunningN8n;
let apiKey: string;
let port: number;

const listRequests = () =>
	twilio.server.requests.filter((r) => r.path === '/v2/Channels/Senders').length;
const messagesFor = (phoneNumber: string) =>
	slack.messages.filter((message) => String(message.text).includes(phoneNumber));
const setQuality = (index: number, rating: string) =>
	twilio.updateSender(ACCOUNT_SID, senders[index].sid, (s) => {
		(s.properties as Record<string, unknown>).quality_rating = rating;
	});

async function killAndRestart(): Promise<void> {
	const exited = new Promise((resolve) => n8n.process.once('exit', resolve));
	n8n.process.kill('SIGKILL');
	await exited;
	const polled = listRequests();
	n8n = await startN8n(userFolder, port);
	// n8n activates the workflow again on start, and that activation polls at once
	await waitFor(() => listRequests() > polled, 60_000, 'the first poll after the restart');
	await new Promise((resolve) => setTimeout(resolve, 3000));
}

beforeAll(async () => {
	await Promise.all([twilio.start(), slack.start()]);
	twilio.addAccount(ACCOUNT_SID, AUTH_TOKEN);
	senders = twilio.addSenders(
		ACCOUNT_SID,
		{ phoneNumber: '+14155550301', displayName: 'Support', qualityRating: 'HIGH' },
		{ phoneNumber: '+14155550302', displayName: 'Sales', qualityRating: 'HIGH' },
	);
	({ userFolder, port, n8n, apiKey } = await startN8nWithWorkflows(
		[
			twilioCredential(
				'twilioCrashCred1',
				'Twilio crash e2e',
				ACCOUNT_SID,
				AUTH_TOKEN,
				twilio.baseUrl,
			),
		],
		[
			triggerToSlackWorkflow({
				id: WORKFLOW_ID,
				name: 'Quality alert',
				triggerName: 'Quality changed',
				triggerParameters: { provider: 'twilio', events: ['qualityChanged'] },
				credentials: { twilioSendersApi: { id: 'twilioCrashCred1', name: 'Twilio crash e2e' } },
				slackUrl: slack.url,
				text: '$json.eventId + " " + $json.sender.phoneNumber + " " + $json.previous.qualityRating + " → " + $json.sender.qualityRating',
			}),
		],
	));
	await waitFor(() => listRequests() >= 1, 30_000, 'the baseline poll');
	// n8n saves a trigger's state when a poll emits items (or on deactivation), not after the
	// baseline poll, which emits none: one alert first, so the baseline is stored for sure
	setQuality(0, 'MEDIUM');
	await repoll(n8n.url, apiKey, WORKFLOW_ID);
	await waitFor(() => messagesFor('+14155550301').length >= 1, 60_000, 'the first alert');
}, 300_000);

afterAll(async () => {
	await n8n?.stop();
	await Promise.all([twilio.stop(), slack.stop()]);
	if (userFolder) rmSync(userFolder, { recursive: true, force: true });
});

describe('WhatsApp Senders Trigger when n8n is killed', () => {
	it('reports a change after n8n was killed in the middle of the poll that would have seen it', async () => {
		setQuality(0, 'LOW');
		const before = messagesFor('+14155550301').length;
		// the provider answers this poll only after 10 s: n8n dies while waiting
		twilio.server.injectFaults({ kind: 'hang', ms: 10_000 });
		const polled = listRequests();
		// the next minute's poll, not a re-activation: n8n 1.x answers an activation only after its
		// first poll has emitted, and n8n 2.41 does not keep a workflow active whose activation
		// was cut short by the kill; a scheduled poll is killed mid-poll on every version
		await waitFor(
			() => listRequests() > polled,
			75_000,
			'the next minute poll to reach the provider',
		);
		await killAndRestart();
		await waitFor(
			() => messagesFor('+14155550301').length > before,
			60_000,
			'the alert after the restart',
		);
		expect(messagesFor('+14155550301').map((message) => String(message.text).slice(17))).toEqual([
			'+14155550301 GREEN → YELLOW',
			'+14155550301 YELLOW → RED',
		]);
	}, 240_000);

	it('loses nothing when n8n is killed the moment an alert reached Slack; a repeat has the same eventId', async () => {
		setQuality(1, 'MEDIUM');
		await repoll(n8n.url, apiKey, WORKFLOW_ID);
		await waitFor(() => messagesFor('+14155550302').length >= 1, 60_000, 'the alert');
		await killAndRestart();
		const delivered = messagesFor('+14155550302').map((message) => String(message.text));
		expect(delivered.length).toBeGreaterThanOrEqual(1);
		expect(new Set(delivered)).toEqual(
			new Set([expect.stringMatching(/^[0-9a-f]{16} \+14155550302 GREEN → YELLOW$/)]),
		);
	}, 180_000);

	it('keeps reporting new changes after the restarts, once each', async () => {
		setQuality(1, 'LOW');
		await repoll(n8n.url, apiKey, WORKFLOW_ID);
		await waitFor(
			() =>
				slack.messages.some((message) =>
					String(message.text).endsWith('+14155550302 YELLOW → RED'),
				),
			60_000,
			'the next alert',
		);
		await new Promise((resolve) => setTimeout(resolve, 3000));
		expect(
			messagesFor('+14155550302').filter((message) =>
				String(message.text).endsWith('YELLOW → RED'),
			),
		).toHaveLength(1);
	}, 90_000);
});
