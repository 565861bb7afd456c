import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

import type { Browser, Page } from 'playwright-core';

import { NpmRegistrySimulator } from '../simulators/npmRegistry';
import { SlackSink } from '../simulators/slackSink';
import { TwilioSimulator, twilioSid, type TwilioSender } from '../simulators/twilio';
import {
	editorApi,
	freePort,
	N8N_VERSION,
	newUserFolder,
	type OwnerSession,
	packPackage,
	PACKAGE_NAME,
	type RunningN8n,
	sessionHeaders,
	setupOwner,
	startN8n,
	waitFor,
} from '../support/n8n';
import { launchChromium, loggedInPage } from '../support/browser';
import {
	callProductionWebhook,
	triggerToSlackWorkflow,
	webhookListWorkflow,
} from '../support/workflows';

/**
 * The package installed the way a user installs it: Settings → Community nodes → Install,
 * clicked in Chromium (the page sends POST /rest/community-packages). n8n then runs its own install code: it asks
 * the registry for the version, `npm pack`s it, unpacks it into ~/.n8n/nodes/node_modules,
 * strips dev and peer dependencies, runs `npm install` there and loads the nodes, live.
 *
 * The registry is a local one serving the tarball `npm pack` makes of this repository (the
 * package is not published). n8n allows a registry other than npmjs.org only with a licence
 * feature; n8n's own end-to-end mode (E2E_TESTS=true) lets a test switch that feature on,
 * which is the only thing that mode is used for here.
 */

const ACCOUNT_SID = twilioSid('AC');
const AUTH_TOKEN = 'e2e-community-install-token';
const WEBHOOK_PATH = 'list-whatsapp-senders';

const twilio = new TwilioSimulator();
const slack = new SlackSink();
let registry: NpmRegistrySimulator;
let manifest: {
	name: string;
	version: string;
	peerDependencies?: Record<string, string>;
	dependencies?: unknown;
};
let senders: TwilioSender[];
let userFolder: string;
let n8n: RunningN8n;
let session: OwnerSession;
const versions = new Map<string, string>();
let browser: Browser;
/** What the Community nodes page shows once the install finished. */
let settingsPage: string;
let credentialId: string;

const rest = async <T>(method: string, route: string, body?: unknown) =>
	await editorApi<T>(n8n.url, session, method, route, body);

/** The node or credential types the editor loads (/types/nodes.json, /types/credentials.json). */
async function editorTypes<T extends object = object>(
	file: string,
): Promise<Array<T & { name: string }>> {
	return (await (
		await fetch(`${n8n.url}/types/${file}`, { headers: sessionHeaders(session) })
	).json()) as Array<T & { name: string }>;
}

/** Settings → Community nodes → Install a community node → name, "I understand the risks", Install. */
async function installThroughSettingsPage(page: Page): Promise<string> {
	await page.goto(`${n8n.url}/settings/community-nodes`);
	await page.getByRole('button', { name: 'Install a community node' }).click();
	const dialog = page.getByRole('dialog');
	await dialog.locator('[data-test-id="package-name-input"]').fill(PACKAGE_NAME);
	await dialog.getByText(/I understand the risks/i).click();
	await dialog.getByRole('button', { name: /^Install$/ }).click();
	await page.getByText('Package installed').waitFor({ timeout: 120_000 });
	return await page.locator('main, #app').first().innerText();
}

/** Saves a workflow and activates (publishes) it, as the editor does. */
async function createActiveWorkflow(definition: object): Promise<string> {
	const workflow = await rest<{ id: string; versionId: string }>('POST', '/workflows', definition);
	versions.set(workflow.id, workflow.versionId);
	await rest('POST', `/workflows/${workflow.id}/activate`, { versionId: workflow.versionId });
	return workflow.id;
}

/** Deactivate and activate again: n8n keeps the trigger's state and polls at once. */
async function repoll(workflowId: string): Promise<void> {
	await rest('POST', `/workflows/${workflowId}/deactivate`);
	await rest('POST', `/workflows/${workflowId}/activate`, { versionId: versions.get(workflowId) });
}

const CREDENTIALS = () => ({
	twilioSendersApi: { id: credentialId, name: 'Twilio (community install test)' },
});
const listRequests = () =>
	twilio.server.requests.filter((r) => r.path === '/v2/Channels/Senders').length;

beforeAll(async () => {
	const tarball = await packPackage();
	manifest = JSON.parse(
		execFileSync('tar', ['xzf', tarball, '-O', 'package/package.json'], { encoding: 'utf8' }),
	);
	registry = new NpmRegistrySimulator(tarball, manifest);
	await Promise.all([registry.start(), twilio.start(), slack.start()]);
	twilio.addAccount(ACCOUNT_SID, AUTH_TOKEN);
	senders = twilio.addSenders(
		ACCOUNT_SID,
		{ phoneNumber: '+14155550111', displayName: 'Support', status: 'ONLINE' },
		{ phoneNumber: '+14155550112', displayName: 'Sales', status: 'ONLINE' },
	);
	userFolder = newUserFolder();
	n8n = await startN8n(userFolder, await freePort(), 120_000, {
		E2E_TESTS: 'true',
		N8N_COMMUNITY_PACKAGES_REGISTRY: registry.origin,
	});
	const feature = await fetch(`${n8n.url}/rest/e2e/feature`, {
		method: 'PATCH',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ feature: 'feat:communityNodes:customRegistry', enabled: true }),
	});
	if (!feature.ok) throw new Error(`enabling the custom registry answered ${feature.status}`);
	session = await setupOwner(n8n.url);
	browser = await launchChromium();
	settingsPage = await installThroughSettingsPage(await loggedInPage(browser, n8n.url));
	credentialId = (
		await rest<{ id: string }>('POST', '/credentials', {
			name: 'Twilio (community install test)',
			type: 'twilioSendersApi',
			data: {
				authType: 'authToken',
				accountSid: ACCOUNT_SID,
				authToken: AUTH_TOKEN,
				baseUrl: twilio.baseUrl,
			},
		})
	).id;
}, 300_000);

afterAll(async () => {
	await browser?.close();
	await n8n?.stop();
	await Promise.all([registry?.stop(), twilio.stop(), slack.stop()]);
	if (userFolder) rmSync(userFolder, { recursive: true, force: true });
});

describe(`Installing from Settings → Community Nodes (n8n ${N8N_VERSION})`, () => {
	it('installs the published version from the registry and shows it with both nodes on the Community nodes page', () => {
		expect(registry.requests).toContain(
			`GET /${PACKAGE_NAME}/-/${PACKAGE_NAME}-${manifest.version}.tgz`,
		);
		expect(settingsPage).toContain(PACKAGE_NAME);
		expect(settingsPage).toMatch(/2 nodes:\s*WhatsApp Senders,\s*WhatsApp Senders Trigger/);
		expect(settingsPage).toContain(`v${manifest.version}`);
	});

	it('records both nodes under their package-prefixed types', async () => {
		const packages = await rest<
			Array<{
				packageName: string;
				installedVersion: string;
				installedNodes: Array<{ name: string; type: string }>;
			}>
		>('GET', '/community-packages');
		expect(packages.map((p) => [p.packageName, p.installedVersion])).toEqual([
			[PACKAGE_NAME, manifest.version],
		]);
		expect(
			packages[0].installedNodes
				.map(({ name, type }) => ({ name, type }))
				.sort((a, b) => a.name.localeCompare(b.name)),
		).toEqual([
			{ name: 'WhatsApp Senders', type: `${PACKAGE_NAME}.whatsAppSenders` },
			{ name: 'WhatsApp Senders Trigger', type: `${PACKAGE_NAME}.whatsAppSendersTrigger` },
		]);
	});

	it('brings no runtime dependencies: npm installs nothing beside the package, n8n-workflow is a peer', () => {
		expect(manifest.dependencies).toBeUndefined();
		expect(manifest.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		const nodesDir = path.join(userFolder, '.n8n', 'nodes');
		expect(
			readdirSync(path.join(nodesDir, 'node_modules')).filter((entry) => !entry.startsWith('.')),
		).toEqual([PACKAGE_NAME]);
		const packageDir = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
		expect(readdirSync(packageDir).filter((entry) => entry === 'node_modules')).toEqual([]);
		expect(
			JSON.parse(readFileSync(path.join(nodesDir, 'package.json'), 'utf8')).dependencies,
		).toEqual({ [PACKAGE_NAME]: manifest.version });
	});

	it('offers both nodes and all five credential types to the editor', async () => {
		const [nodeTypes, credentialTypes] = [
			await editorTypes('nodes.json'),
			await editorTypes('credentials.json'),
		];
		expect(nodeTypes.map((t) => t.name)).toEqual(
			expect.arrayContaining([
				`${PACKAGE_NAME}.whatsAppSenders`,
				`${PACKAGE_NAME}.whatsAppSendersTrigger`,
			]),
		);
		expect(credentialTypes.map((t) => t.name)).toEqual(
			expect.arrayContaining([
				'twilioSendersApi',
				'metaWhatsAppCloudApi',
				'autocallsApi',
				'famulorApi',
				'ninetyNineDigitalApi',
			]),
		);
	});

	it('offers the action node to AI Agents as a tool, described for the model', async () => {
		const nodeTypes = await editorTypes<{
			displayName: string;
			outputs: unknown;
			properties: Array<{ name: string; default?: unknown }>;
		}>('nodes.json');
		const tool = nodeTypes.find((type) => type.name === `${PACKAGE_NAME}.whatsAppSendersTool`);
		expect(tool).toMatchObject({ displayName: 'WhatsApp Senders Tool', outputs: ['ai_tool'] });
		expect(
			tool!.properties.find((property) => property.name === 'toolDescription')?.default,
		).toMatch(/^List and manage WhatsApp Business senders \(phone numbers\) on Twilio, Meta/);
		expect(
			nodeTypes.some((type) => type.name === `${PACKAGE_NAME}.whatsAppSendersTriggerTool`),
		).toBe(false);
	});

	it('runs the action node: a webhook answers with the senders listed at Twilio', async () => {
		await createActiveWorkflow(
			webhookListWorkflow({
				name: 'List senders on request',
				path: WEBHOOK_PATH,
				webhookId: 'a5e4b7f2-8d1c-4c55-9d2e-3b0c6f1e2a91',
				credentials: CREDENTIALS(),
			}),
		);
		const { status, body } = await callProductionWebhook(n8n.url, WEBHOOK_PATH);
		expect({ status, body: status === 200 ? 'ok' : body }).toEqual({ status: 200, body: 'ok' });
		const listed = JSON.parse(body) as Array<{
			phoneNumber: string;
			status: string;
			provider: string;
		}>;
		const byNumber = listed.map(({ phoneNumber, status, provider }) => ({
			phoneNumber,
			status,
			provider,
		}));
		expect(byNumber.sort((a, b) => a.phoneNumber.localeCompare(b.phoneNumber))).toEqual([
			{ phoneNumber: '+14155550111', status: 'ONLINE', provider: 'twilio' },
			{ phoneNumber: '+14155550112', status: 'ONLINE', provider: 'twilio' },
		]);
	}, 60_000);

	it('runs the trigger: one Slack message when a sender goes offline, none before', async () => {
		const polled = listRequests();
		const workflowId = await createActiveWorkflow(
			triggerToSlackWorkflow({
				name: 'Sender offline alert',
				triggerName: 'Sender status changed',
				triggerParameters: { provider: 'twilio', events: ['statusChanged'] },
				credentials: CREDENTIALS(),
				slackUrl: slack.url,
				text: '$json.sender.phoneNumber + " is " + $json.sender.status',
			}),
		);
		await waitFor(() => listRequests() > polled, 30_000, 'the baseline poll on activation');
		expect(slack.messages).toEqual([]);
		twilio.updateSender(ACCOUNT_SID, senders[0].sid, (sender) => {
			sender.status = 'OFFLINE';
		});
		await repoll(workflowId);
		await waitFor(() => slack.messages.length >= 1, 30_000, 'the Slack message');
		await new Promise((resolve) => setTimeout(resolve, 2000));
		expect(slack.messages).toEqual([{ text: '+14155550111 is OFFLINE' }]);
	}, 90_000);
});
