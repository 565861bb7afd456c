/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- development tool: starts local servers and n8n, never loaded by n8n */
/**
 * The main job: local provider simulators, a real n8n with this package installed as a
 * community package, credentials for every simulator and a workflow that lists every
 * provider's senders. Prints what the workflow returned, then the n8n URL and login.
 * Ctrl-C stops everything it started.
 *
 * DEMO_EXIT_AFTER_START=1 stops right after start and DEMO_USER_FOLDER moves n8n's data
 * elsewhere (both used by the test of this command).
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

import { PlatformSimulator } from '../test/simulators/platform';
import { TwilioSimulator } from '../test/simulators/twilio';
import {
	executeWorkflow,
	freePort,
	importIntoN8n,
	installPackage,
	N8N_VERSION,
	nodeOutput,
	OWNER,
	PACKAGE_NAME,
	REPO_ROOT,
	setupOwner,
	startN8n,
} from '../test/support/n8n';

const ACCOUNT_SID = 'AC0000000000000000000000000000demo';
const AUTH_TOKEN = 'demo-twilio-auth-token';
const AUTOCALLS_KEY = 'demo-autocalls-api-key';
const FAMULOR_KEY = 'demo-famulor-api-key';
const WORKFLOW_ID = 'demoListSenders1';

function log(line = ''): void {
	process.stdout.write(`${line}\n`);
}

async function startSimulators() {
	const twilio = new TwilioSimulator();
	const autocalls = new PlatformSimulator('Autocalls');
	const famulor = new PlatformSimulator('Famulor');
	await Promise.all([twilio.start(), autocalls.start(), famulor.start()]);
	twilio.addAccount(ACCOUNT_SID, AUTH_TOKEN);
	twilio.addSenders(
		ACCOUNT_SID,
		{ phoneNumber: '+14155550101', displayName: 'Acme Support', qualityRating: 'HIGH', messagingLimit: '10K Customers/24hr' },
		{ phoneNumber: '+14155550102', displayName: 'Acme Sales', qualityRating: 'LOW', messagingLimit: '1K Customers/24hr' },
		{ phoneNumber: '+447700900103', displayName: 'Acme UK', status: 'PENDING_VERIFICATION', qualityRating: null, messagingLimit: null },
		{
			phoneNumber: '+4915112345104',
			displayName: 'Acme DE',
			status: 'OFFLINE',
			qualityRating: 'MEDIUM',
			offlineReasons: [{ code: '63111', message: "Sender's phone number or WABA returned not found" }],
		},
	);
	autocalls.addSenders(
		AUTOCALLS_KEY,
		{ phoneNumber: '+14155551234', displayName: 'Acme Corp Support', messagingLimit: 10000 },
		{ phoneNumber: '+442071234567', displayName: 'Acme Corp Sales', messagingLimit: null },
		{ phoneNumber: '+33612345678', displayName: 'Acme France', status: 'offline', qualityRating: 'RED', messagingLimit: 250 },
	);
	famulor.addSenders(
		FAMULOR_KEY,
		{ phoneNumber: '+4930123456789', displayName: 'Praxis Berlin', qualityRating: 'GREEN', messagingLimit: 1000 },
		{ phoneNumber: '+4989987654321', displayName: 'Praxis München', qualityRating: 'YELLOW', messagingLimit: 1000 },
	);
	return { twilio, autocalls, famulor };
}

function listNode(name: string, provider: string, credentialType: string, credentialId: string, y: number) {
	return {
		id: credentialId,
		name,
		type: `${PACKAGE_NAME}.whatsAppSenders`,
		typeVersion: 1,
		position: [300, y],
		parameters: { provider, resource: 'sender', operation: 'list', returnAll: true },
		credentials: { [credentialType]: { id: credentialId, name: `${name.split(' ')[0]} (local simulator)` } },
	};
}

function printSenders(title: string, senders: Array<Record<string, unknown>>): void {
	log(`  ${title}`);
	for (const sender of senders) {
		const limit = sender.messagingLimit === null ? (sender.messagingLimitText ?? '-') : `${sender.messagingLimit}/day`;
		log(
			`    ${String(sender.phoneNumber).padEnd(16)} ${String(sender.displayName).padEnd(20)} ${String(sender.status).padEnd(21)} ${String(sender.qualityRating).padEnd(8)} ${limit}`,
		);
	}
}

async function main(): Promise<void> {
	const started = Date.now();
	log(`WhatsApp Senders demo: n8n ${N8N_VERSION} with ${PACKAGE_NAME}, against local provider simulators`);
	const simulators = await startSimulators();
	log(`Simulators: Twilio ${simulators.twilio.baseUrl}, Autocalls ${simulators.autocalls.baseUrl}, Famulor ${simulators.famulor.baseUrl}`);

	const userFolder = process.env.DEMO_USER_FOLDER ?? path.join(REPO_ROOT, '.demo');
	rmSync(userFolder, { recursive: true, force: true });
	mkdirSync(userFolder, { recursive: true });
	await installPackage(userFolder);
	await importIntoN8n(userFolder, 'credentials', [
		{ id: 'twilioDemoCred01', name: 'Twilio (local simulator)', type: 'twilioSendersApi', data: { authType: 'authToken', accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, baseUrl: simulators.twilio.baseUrl } },
		{ id: 'autocallsDemo001', name: 'Autocalls (local simulator)', type: 'autocallsApi', data: { apiKey: AUTOCALLS_KEY, baseUrl: simulators.autocalls.baseUrl } },
		{ id: 'famulorDemoCred1', name: 'Famulor (local simulator)', type: 'famulorApi', data: { apiKey: FAMULOR_KEY, baseUrl: simulators.famulor.baseUrl } },
	]);
	const nodes = [
		{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 200], parameters: {} },
		listNode('Twilio senders', 'twilio', 'twilioSendersApi', 'twilioDemoCred01', 0),
		listNode('Autocalls senders', 'autocalls', 'autocallsApi', 'autocallsDemo001', 200),
		listNode('Famulor senders', 'famulor', 'famulorApi', 'famulorDemoCred1', 400),
	];
	await importIntoN8n(userFolder, 'workflow', [
		{
			id: WORKFLOW_ID,
			name: 'List WhatsApp senders of every provider',
			active: false,
			nodes,
			connections: { Start: { main: [nodes.slice(1).map((node) => ({ node: node.name, type: 'main', index: 0 }))] } },
			settings: { executionOrder: 'v1' },
		},
	]);

	log('\nRunning the workflow "List WhatsApp senders of every provider" in n8n:');
	const run = await executeWorkflow(userFolder, WORKFLOW_ID);
	for (const node of nodes.slice(1)) printSenders(node.name, nodeOutput(run, node.name));

	const port = Number(process.env.N8N_PORT) || (await freePort(5678));
	const n8n = await startN8n(userFolder, port);
	await setupOwner(n8n.url);
	log(`\nn8n is running: ${n8n.url}  (ready in ${Math.round((Date.now() - started) / 1000)} s)`);
	log(`Log in as ${OWNER.email} / ${OWNER.password}`);
	log('Credentials: "Twilio (local simulator)", "Autocalls (local simulator)", "Famulor (local simulator)"');
	log(`Workflow: ${n8n.url}/workflow/${WORKFLOW_ID}`);

	const shutdown = async () => {
		log('\nStopping n8n and the simulators...');
		await n8n.stop();
		await Promise.all([simulators.twilio.stop(), simulators.autocalls.stop(), simulators.famulor.stop()]);
		log('Stopped.');
		process.exit(0);
	};
	if (process.env.DEMO_EXIT_AFTER_START === '1') {
		await shutdown();
		return;
	}
	log('Press Ctrl-C to stop.');
	process.once('SIGINT', shutdown);
	process.once('SIGTERM', shutdown);
	n8n.process.once('exit', (code) => {
		log(`n8n exited (${code}).`);
		void shutdown();
	});
}

main().catch((error) => {
	process.stderr.write(`Demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
