import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';

import { SlackSink } from '../simulators/slackSink';
import { TwilioSimulator, twilioSid, type TwilioSender } from '../simulators/twilio';
import {
	activateBeforeStart,
	createApiKey,
	freePort,
	importIntoN8n,
	installPackage,
	killWithParent,
	N8N_VERSION,
	newUserFolder,
	repoll,
	type RunningN8n,
	setupOwner,
	startN8n,
	waitFor,
} from '../support/n8n';
import {
	callProductionWebhook,
	triggerToSlackWorkflow,
	webhookListWorkflow,
} from '../support/workflows';

/**
 * n8n's queue mode, how users scale out: Redis (Debian's redis-server on 127.0.0.1), one
 * main process (editor, webhooks, trigger polls) and one worker process (runs every
 * execution), sharing one database. The package installed as a community package in the
 * user folder both processes read.
 *
 * SQLite is shared by the two processes here; n8n warns that scaling mode is supported
 * officially only with PostgreSQL, which changes nothing the package does.
 */

const ACCOUNT_SID = twilioSid('AC');
const AUTH_TOKEN = 'e2e-queue-mode-token';
const TRIGGER_WORKFLOW = 'e2eQueueTrigger1';
const WEBHOOK_WORKFLOW = 'e2eQueueWebhook1';
const WEBHOOK_PATH = 'queue-list-senders';
const CREDENTIALS = { twilioSendersApi: { id: 'twilioQueueCred1', name: 'Twilio queue' } };

const twilio = new TwilioSimulator();
const slack = new SlackSink();
let senders: TwilioSender[];
let userFolder: string;
let redis: ChildProcess;
let main: RunningN8n;
let worker: RunningN8n;
let apiKey: string;

const listRequests = () =>
	twilio.server.requests.filter((r) => r.path === '/v2/Channels/Senders').length;
const countLines = (log: string, text: string) =>
	log.split('\n').filter((line) => line.includes(text)).length;
const workerRuns = () => countLines(worker.output(), 'Worker started execution');

async function startRedis(port: number): Promise<ChildProcess> {
	const child = spawn(
		'redis-server',
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
		{
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	killWithParent(child);
	let log = '';
	child.stdout!.on('data', (chunk) => (log += chunk));
	child.stderr!.on('data', (chunk) => (log += chunk));
	await waitFor(
		() => log.includes('Ready to accept connections') || child.exitCode !== null,
		15_000,
		'redis-server',
	);
	if (child.exitCode !== null) throw new Error(`redis-server exited:\n${log}`);
	return child;
}

/** Makes one change at the simulator, polls once, and returns the Slack messages that poll produced. */
async function changeAndPoll(change: () => void): Promise<Array<{ text: string }>> {
	const before = slack.messages.length;
	const polled = listRequests();
	change();
	await repoll(main.url, apiKey, TRIGGER_WORKFLOW);
	await waitFor(() => listRequests() > polled, 30_000, 'the poll');
	await waitFor(() => slack.messages.length > before, 30_000, 'the Slack message');
	// a second (duplicate) run would arrive within moments: wait for it
	await new Promise((resolve) => setTimeout(resolve, 3000));
	return slack.messages.slice(before) as Array<{ text: string }>;
}

beforeAll(async () => {
	const redisPort = await freePort();
	redis = await startRedis(redisPort);
	await Promise.all([twilio.start(), slack.start()]);
	twilio.addAccount(ACCOUNT_SID, AUTH_TOKEN);
	senders = twilio.addSenders(
		ACCOUNT_SID,
		{ phoneNumber: '+14155550121', displayName: 'Support', qualityRating: 'HIGH' },
		{ phoneNumber: '+14155550122', displayName: 'Sales', qualityRating: 'HIGH' },
	);
	userFolder = newUserFolder();
	await installPackage(userFolder);
	await importIntoN8n(userFolder, 'credentials', [
		{
			id: CREDENTIALS.twilioSendersApi.id,
			name: CREDENTIALS.twilioSendersApi.name,
			type: 'twilioSendersApi',
			data: {
				authType: 'authToken',
				accountSid: ACCOUNT_SID,
				authToken: AUTH_TOKEN,
				baseUrl: twilio.baseUrl,
			},
		},
	]);
	await importIntoN8n(userFolder, 'workflow', [
		triggerToSlackWorkflow({
			id: TRIGGER_WORKFLOW,
			name: 'Sender changes to Slack (queue mode)',
			triggerName: 'Sender changed',
			triggerParameters: {
				provider: 'twilio',
				events: ['senderAdded', 'statusChanged', 'qualityChanged'],
			},
			credentials: CREDENTIALS,
			slackUrl: slack.url,
			text: '$json.event + " " + $json.sender.phoneNumber',
		}),
		webhookListWorkflow({
			id: WEBHOOK_WORKFLOW,
			name: 'List senders on request (queue mode)',
			path: WEBHOOK_PATH,
			webhookId: '0c3e8a51-7d5b-4f4e-9a61-2b9f1d7c4e10',
			credentials: CREDENTIALS,
		}),
	]);
	await activateBeforeStart(userFolder, TRIGGER_WORKFLOW);
	await activateBeforeStart(userFolder, WEBHOOK_WORKFLOW);
	const queue = {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redisPort),
		// the main process runs no executions of its own, manual ones included
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
	};
	main = await startN8n(userFolder, await freePort(), 120_000, queue);
	worker = await startN8n(userFolder, await freePort(), 120_000, queue, ['worker']);
	apiKey = await createApiKey(main.url, await setupOwner(main.url));
	await waitFor(() => listRequests() >= 1, 30_000, 'the baseline poll on activation');
}, 300_000);

afterAll(async () => {
	await worker?.stop();
	await main?.stop();
	redis?.kill('SIGTERM');
	await Promise.all([twilio.stop(), slack.stop()]);
	if (userFolder) rmSync(userFolder, { recursive: true, force: true });
});

describe(`Queue mode: Redis, one main and one worker (n8n ${N8N_VERSION})`, () => {
	it('runs the action node on the worker: a webhook on the main process answers with the senders', async () => {
		const runsBefore = workerRuns();
		const { status, body } = await callProductionWebhook(main.url, WEBHOOK_PATH);
		expect({ status, body: status === 200 ? 'ok' : body }).toEqual({ status: 200, body: 'ok' });
		const numbers = (JSON.parse(body) as Array<{ phoneNumber: string }>)
			.map((sender) => sender.phoneNumber)
			.sort();
		expect(numbers).toEqual(['+14155550121', '+14155550122']);
		expect(workerRuns()).toBe(runsBefore + 1);
		expect(countLines(main.output(), 'Worker started execution')).toBe(0);
	}, 60_000);

	it('sends nothing for the first poll, which only records the senders', () => {
		expect(slack.messages).toEqual([]);
	});

	it('fires exactly once when a sender goes offline, and the run happens on the worker', async () => {
		const runsBefore = workerRuns();
		const messages = await changeAndPoll(() =>
			twilio.updateSender(ACCOUNT_SID, senders[0].sid, (sender) => {
				sender.status = 'OFFLINE';
			}),
		);
		expect(messages).toEqual([{ text: 'statusChanged +14155550121' }]);
		expect(workerRuns()).toBe(runsBefore + 1);
	}, 60_000);

	it('fires exactly once when a quality rating drops', async () => {
		const messages = await changeAndPoll(() =>
			twilio.updateSender(ACCOUNT_SID, senders[1].sid, (sender) => {
				(sender.properties as Record<string, unknown>).quality_rating = 'LOW';
			}),
		);
		expect(messages).toEqual([{ text: 'qualityChanged +14155550122' }]);
	}, 60_000);

	it('fires exactly once for a new sender', async () => {
		const messages = await changeAndPoll(() =>
			twilio.addSenders(ACCOUNT_SID, { phoneNumber: '+14155550123' }),
		);
		expect(messages).toEqual([{ text: 'senderAdded +14155550123' }]);
	}, 60_000);

	it('fires nothing more on polls without changes', async () => {
		const before = slack.messages.length;
		for (let poll = 0; poll < 2; poll++) {
			const polled = listRequests();
			await repoll(main.url, apiKey, TRIGGER_WORKFLOW);
			await waitFor(() => listRequests() > polled, 30_000, 'the poll');
		}
		await new Promise((resolve) => setTimeout(resolve, 3000));
		expect(slack.messages.length).toBe(before);
	}, 60_000);
});
