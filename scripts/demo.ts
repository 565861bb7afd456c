/**
 * The main job (`npm start`): local simulators of every provider with a small fleet of
 * senders, a Slack-compatible sink, and a real n8n with this package installed as a
 * community package, its owner, one credential per simulator and the example workflows of
 * examples/ imported and active. Then a scripted scenario changes the fleet over the next
 * minutes, and every message n8n posts to "Slack" is printed as it arrives.
 * Ctrl-C stops everything it started.
 *
 * DEMO_USER_FOLDER moves n8n's data elsewhere (default .demo/ in the repository); N8N_PORT
 * and SLACK_SINK_PORT choose the ports (default 5678 and 5680, or free ones).
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

import { personalizeExample } from '../test/support/examples';
import {
	createApiKey,
	executeWorkflow,
	freePort,
	importIntoN8n,
	installPackage,
	N8N_VERSION,
	OWNER,
	PACKAGE_NAME,
	REPO_ROOT,
	setupOwner,
	setWorkflowActive,
	startN8n,
} from '../test/support/n8n';
import { slackMessageText, slackTextForTerminal } from '../test/simulators/slackSink';
import {
	ALERTS_CHANNEL,
	DEMO_WORKFLOWS as WORKFLOWS,
	fleetCredentials,
	NEW_CLIENT,
	scenario,
	startFleet,
} from './demo/fleet';

/** The examples the demo runs, with the workflow ids it gives them. */
const FLEET_REPORT_ID = 'demoFleetReport1';
const ONBOARDING_PATH = 'whatsapp-onboarding';

const colours = process.stdout.isTTY === true;
const dim = (text: string) => (colours ? `\u001b[2m${text}\u001b[22m` : text);
const started = Date.now();

function clock(): string {
	const seconds = Math.floor((Date.now() - started) / 1000);
	return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

function log(line = ''): void {
	process.stdout.write(`${line}\n`);
}

async function main(): Promise<void> {
	log(
		`WhatsApp Senders demo: n8n ${N8N_VERSION} with ${PACKAGE_NAME}, against local simulators of Twilio, Meta, Autocalls, Famulor, 99digital, YCloud, Gupshup, Sinch and Infobip`,
	);
	const fleet = await startFleet(await freePort(Number(process.env.SLACK_SINK_PORT) || 5680));
	/** When the example workflows were activated: alerts before it are not counted. */
	const timeline: { activatedAt?: number } = {};
	let firstAlertLogged = false;
	fleet.slack.onMessage((message) => {
		const text = slackMessageText(message.body);
		const lines = slackTextForTerminal(text, colours).split('\n');
		const prefix = `[${clock()}] Slack #${message.channel} ▸ `;
		log(`${prefix}${lines[0]}`);
		for (const line of lines.slice(1)) log(`${' '.repeat(prefix.length)}${line}`);
		if (
			timeline.activatedAt !== undefined &&
			!firstAlertLogged &&
			message.channel === ALERTS_CHANNEL
		) {
			firstAlertLogged = true;
			log(
				dim(
					`[${clock()}] (first alert reached Slack ${Math.round((Date.now() - started) / 1000)} s after start)`,
				),
			);
		}
	});

	const userFolder = process.env.DEMO_USER_FOLDER ?? path.join(REPO_ROOT, '.demo');
	rmSync(userFolder, { recursive: true, force: true });
	mkdirSync(userFolder, { recursive: true });
	await installPackage(userFolder);
	const credentials = fleetCredentials(fleet);
	await importIntoN8n(userFolder, 'credentials', credentials);
	const credentialByType = Object.fromEntries(
		credentials.map((c) => [c.type, { id: c.id, name: c.name }]),
	);
	const workflows = WORKFLOWS.map(({ example, id, channel }) =>
		personalizeExample(example, {
			id,
			slackUrl: fleet.slack.urlFor(channel),
			credentials: credentialByType,
		}),
	);
	await importIntoN8n(userFolder, 'workflow', workflows);
	log(
		`[${clock()}] Package installed into a fresh n8n; ${credentials.length} credentials and ${workflows.length} example workflows imported.`,
	);

	log(
		`[${clock()}] Running "${workflows.find((w) => w.id === FLEET_REPORT_ID)!.name}" once (it posts to Slack):`,
	);
	const report = await executeWorkflow(userFolder, FLEET_REPORT_ID);
	if (report.data.resultData.error)
		throw new Error(`the fleet report failed: ${report.data.resultData.error.message}`);

	const port = await freePort(Number(process.env.N8N_PORT) || 5678);
	const n8n = await startN8n(userFolder, port);
	const apiKey = await createApiKey(n8n.url, await setupOwner(n8n.url));
	for (const workflow of workflows) await setWorkflowActive(n8n.url, apiKey, workflow.id!, true);
	const activatedAt = Date.now();
	timeline.activatedAt = activatedAt;

	log('');
	log(`n8n is running: ${n8n.url}  (ready in ${Math.round((activatedAt - started) / 1000)} s)`);
	log(`Log in as ${OWNER.email} / ${OWNER.password}`);
	log(`Credentials: ${credentials.map((c) => `"${c.name}"`).join(', ')}`);
	log('Active workflows:');
	for (const workflow of workflows)
		log(`  ${workflow.name.padEnd(40)} ${n8n.url}/workflow/${workflow.id}`);
	log(`Onboarding webhook: POST ${n8n.url}/webhook/${ONBOARDING_PATH}`);
	log(`Slack sink (every message it received): ${fleet.slack.baseUrl}/`);
	log('');
	log(
		'The triggers poll every minute; the first poll only records the current state. What happens next:',
	);

	const onboard = async () => {
		const response = await fetch(`${n8n.url}/webhook/${ONBOARDING_PATH}`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(NEW_CLIENT),
		});
		if (!response.ok)
			log(
				`[${clock()}] the onboarding webhook answered ${response.status}: ${await response.text()}`,
			);
	};
	const timers: NodeJS.Timeout[] = [];
	// the client reads the SMS and sends the code to the URL the pipeline posted to Slack
	fleet.slack.onMessage((message) => {
		const resumeUrl = /(http:\/\/\S+\/webhook-waiting\/[^\s'`]+)/.exec(
			slackMessageText(message.body),
		)?.[1];
		if (!resumeUrl) return;
		timers.push(
			setTimeout(() => {
				const code = fleet.twilio.lifecycle.verificationCode;
				log(
					dim(
						`[${clock()}] scenario: the client reads the code ${code} in the SMS and sends it to the pipeline`,
					),
				);
				// as the Slack message tells: curl -X POST '<url>' -d code=NNNNNN
				void fetch(resumeUrl, { method: 'POST', body: new URLSearchParams({ code }) }).then(
					async (response) => {
						if (!response.ok)
							log(
								`[${clock()}] sending the code answered ${response.status}: ${await response.text()}`,
							);
					},
				);
			}, 5000),
		);
	});
	for (const step of scenario(onboard)) {
		timers.push(
			setTimeout(() => {
				log(dim(`[${clock()}] scenario: ${step.say}`));
				Promise.resolve(step.apply(fleet)).catch((error: Error) =>
					log(`[${clock()}] scenario step failed: ${error.message}`),
				);
			}, step.at * 1000),
		);
	}
	timers.push(
		setTimeout(
			() => log(dim(`[${clock()}] scenario: done. n8n keeps running; press Ctrl-C to stop.`)),
			300_000,
		),
	);

	let stopping = false;
	const shutdown = async (code = 0) => {
		if (stopping) return;
		stopping = true;
		for (const timer of timers) clearTimeout(timer);
		log('\nStopping n8n and the simulators...');
		await n8n.stop();
		await fleet.stop();
		log('Stopped.');
		process.exit(code);
	};
	log(dim('Press Ctrl-C to stop.'));
	// `on`, not `once`: Ctrl-C reaches this process from the terminal and again through npm/tsx
	process.on('SIGINT', () => void shutdown());
	process.on('SIGTERM', () => void shutdown());
	n8n.process.once('exit', (code) => {
		if (stopping) return;
		log(`n8n exited (${code}).\n${n8n.output().slice(-2000)}`);
		void shutdown(1);
	});
}

main().catch((error) => {
	process.stderr.write(`Demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
