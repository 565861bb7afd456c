import { rmSync } from 'node:fs';
import path from 'node:path';

import type { Browser, Page } from 'playwright-core';

import {
	launchChromium,
	loggedInPage,
	nodePanelResults,
	openWorkflow,
	searchNodePanel,
} from '../support/browser';
import { EXAMPLE_NAMES, EXAMPLES_DIR, readExample } from '../support/examples';
import {
	editorApi,
	freePort,
	installPackage,
	n8nCli,
	newUserFolder,
	type OwnerSession,
	type RunningN8n,
	sessionHeaders,
	setupOwner,
	startN8n,
} from '../support/n8n';

/**
 * The example workflows as a user gets them: each file of examples/ imported unchanged into
 * a fresh n8n that has this package installed as a community package (and none of the
 * credentials the examples name), then opened in the editor in headless Chromium.
 */

let userFolder: string;
let n8n: RunningN8n;
let session: OwnerSession;
let browser: Browser;
let page: Page;
const importOutput: Record<string, string> = {};

beforeAll(async () => {
	userFolder = newUserFolder();
	await installPackage(userFolder);
	for (const name of EXAMPLE_NAMES) {
		importOutput[name] = await n8nCli(userFolder, [
			'import:workflow',
			`--input=${path.join(EXAMPLES_DIR, `${name}.json`)}`,
		]);
	}
	n8n = await startN8n(userFolder, await freePort());
	session = await setupOwner(n8n.url);
	browser = await launchChromium();
	page = await loggedInPage(browser, n8n.url);
}, 240_000);

afterAll(async () => {
	await browser?.close();
	await n8n?.stop();
	if (userFolder) rmSync(userFolder, { recursive: true, force: true });
});

async function storedWorkflows(): Promise<Array<{ id: string; name: string }>> {
	return await editorApi(n8n.url, session, 'GET', '/workflows');
}

async function knownNodeTypes(): Promise<Set<string>> {
	const response = await fetch(`${n8n.url}/types/nodes.json`, { headers: sessionHeaders(session) });
	const types = (await response.json()) as Array<{ name: string; version: number | number[] }>;
	return new Set(
		types.flatMap((type) => [type.version].flat().map((version) => `${type.name}@${version}`)),
	);
}

describe('the example workflows in a fresh n8n', () => {
	it.each(EXAMPLE_NAMES)('%s imports without errors', async (name) => {
		expect(importOutput[name]).toMatch(/Successfully imported 1 workflow/);
		expect((await storedWorkflows()).map((workflow) => workflow.name)).toContain(
			readExample(name).name,
		);
	});

	it.each(EXAMPLE_NAMES)(
		'%s uses only node types and versions this n8n and the package provide',
		async (name) => {
			const known = await knownNodeTypes();
			const unknown = readExample(name)
				.nodes.map((node) => `${node.type}@${String(node.typeVersion)}`)
				.filter((type) => !known.has(type));
			expect(unknown).toEqual([]);
		},
	);

	it.each(EXAMPLE_NAMES)(
		'%s opens in the editor with every node drawn',
		async (name) => {
			const example = readExample(name);
			const stored = (await storedWorkflows()).find((workflow) => workflow.name === example.name)!;
			const drawn = await openWorkflow(page, n8n.url, stored.id);
			expect(drawn).toBe(
				example.nodes.filter((node) => node.type !== 'n8n-nodes-base.stickyNote').length,
			);
		},
		60_000,
	);
});

describe('the node panel', () => {
	it.each(['WhatsApp', 'Twilio', 'sender', 'quality', 'Meta', '99digital', 'messaging limit'])(
		'lists WhatsApp Senders among the first three results for "%s"',
		async (query) => {
			const stored = (await storedWorkflows()).find(
				(workflow) => workflow.name === readExample('fleet-report').name,
			)!;
			await openWorkflow(page, n8n.url, stored.id);
			const results = await nodePanelResults(page, query);
			expect(results.slice(0, 3)).toContain('WhatsApp Senders');
		},
		60_000,
	);

	it('finds both nodes of the package when searching "WhatsApp Senders"', async () => {
		const stored = (await storedWorkflows()).find(
			(workflow) => workflow.name === readExample('fleet-report').name,
		)!;
		await openWorkflow(page, n8n.url, stored.id);
		const { results, details } = await searchNodePanel(page, 'WhatsApp Senders');
		expect(results[0]).toBe('WhatsApp Senders');
		// the action node's operations…
		expect(details).toContain('List senders');
		expect(details).toContain('Verify a sender');
		// …and the trigger node's events, under the one package entry
		expect(details).toContain('On quality changed');
		expect(details).toContain('On status changed');
	}, 60_000);
});
