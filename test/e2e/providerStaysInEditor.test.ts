import { mkdirSync } from 'node:fs';
import path from 'node:path';

import type { Page } from 'playwright-core';

import { type EditorSession, startEditor } from '../support/browser';
import { EXAMPLE_NAMES, readExample } from '../support/examples';
import { editorApi, type OwnerSession, REPO_ROOT, type RunningN8n } from '../support/n8n';

/**
 * The provider a node watches is the one the workflow saved, whatever credential n8n fills
 * in. n8n's editor picks the most recently updated credential for a node that has none it
 * knows, and used to take it from any provider's credential type, then rewrite the node's
 * Provider to match ("Twilio quality drops" became "On Sinch sender changes"). Here a fresh
 * n8n holds a Twilio credential and, newer, a Sinch one; every example is imported unchanged
 * and every node of the package opened in the editor.
 */

const SCREENSHOTS =
	process.env.PROVIDER_SCREENSHOTS_DIR ?? path.join(REPO_ROOT, 'test', '.screenshots');

let editor: EditorSession | undefined;
let n8n: RunningN8n;
let session: OwnerSession;
let page: Page;

beforeAll(async () => {
	editor = await startEditor();
	({ n8n, session, page } = editor);
	// the owner's own credentials, created as the editor creates them: the Sinch one last, so
	// it is the most recently updated credential n8n would pick for a node that has none it knows
	await editorApi(n8n.url, session, 'POST', '/credentials', {
		name: 'Twilio of this test',
		type: 'twilioSendersApi',
		data: {
			authType: 'authToken',
			accountSid: `AC${'1'.repeat(32)}`,
			authToken: 'editor-test-token',
			baseUrl: 'http://127.0.0.1:9',
		},
	});
	await new Promise((resolve) => setTimeout(resolve, 1100));
	await editorApi(n8n.url, session, 'POST', '/credentials', {
		name: 'Sinch of this test',
		type: 'sinchProvisioningApi',
		data: {
			projectId: 'project-1',
			keyId: 'key-1',
			keySecret: 'editor-test-secret',
			baseUrl: 'http://127.0.0.1:9',
			tokenUrl: 'http://127.0.0.1:9/oauth2/token',
		},
	});
	mkdirSync(SCREENSHOTS, { recursive: true });
}, 240_000);

afterAll(async () => await editor?.stop());

const PACKAGE_TYPES = /^n8n-nodes-whatsapp-senders\./;

/**
 * A new workflow with the example pasted onto its canvas, as the README tells users to import
 * it: the editor drops the credentials it does not know (the example's placeholders) on the way.
 */
async function pasteIntoNewWorkflow(json: string): Promise<void> {
	await page.goto(`${n8n.url}/workflow/new`);
	await page.waitForSelector('[data-test-id="canvas-wrapper"], [data-test-id="canvas"]', {
		timeout: 30_000,
	});
	await page.waitForTimeout(1000);
	// a script, as the test code is not compiled for the browser
	await page.evaluate(`(() => {
		const data = new DataTransfer();
		data.setData('text/plain', ${JSON.stringify(json)});
		document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
	})()`);
	await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 30_000 });
	await page.locator('[data-test-id="zoom-to-fit"]').click();
	await page.waitForTimeout(800);
}

/** The node's subtitle as the canvas draws it ("On Twilio sender changes", "List · Twilio"). */
async function canvasSubtitle(nodeName: string): Promise<string> {
	const node = page.locator('[data-test-id="canvas-node"]').filter({ hasText: nodeName }).first();
	return (await node.innerText()).replace(/\s+/g, ' ');
}

/** Opens a node's panel, lets the editor fill in what it fills in, and closes it again. */
async function openAndClose(nodeName: string, screenshot: string): Promise<string> {
	await page
		.locator('[data-test-id="canvas-node"]')
		.filter({ hasText: nodeName })
		.first()
		.dblclick();
	const panel = page.locator('[data-test-id="ndv"]');
	await panel.waitFor({ timeout: 15_000 });
	// the editor's credential watcher runs once the panel is mounted
	await page.waitForTimeout(1500);
	const text = (await panel.innerText()).replace(/\s+/g, ' ');
	await page.screenshot({ path: path.join(SCREENSHOTS, screenshot) });
	await page.keyboard.press('Escape');
	await panel.waitFor({ state: 'hidden', timeout: 10_000 });
	return text;
}

describe('an example opened in the editor keeps every node on its own provider', () => {
	it.each(EXAMPLE_NAMES)(
		'%s: each node still names its provider after its panel was opened',
		async (name) => {
			const example = readExample(name);
			await pasteIntoNewWorkflow(JSON.stringify(example));
			const nodes = example.nodes.filter((node) => PACKAGE_TYPES.test(node.type));
			for (const node of nodes) {
				const providerId = String(node.parameters.provider ?? node.parameters.resource);
				const before = await canvasSubtitle(node.name);
				const panel = await openAndClose(
					node.name,
					`${name}-${node.name.replace(/\W+/g, '-')}.png`,
				);
				const after = await canvasSubtitle(node.name);
				expect({ node: node.name, after }).toEqual({ node: node.name, after: before });
				// the Provider choice is in the panel, not folded into a credential list of every provider
				expect(panel).toMatch(/Provider/);
				if (providerId !== 'sinch')
					expect({ node: node.name, panel: panel.includes('Sinch of this test') }).toEqual({
						node: node.name,
						panel: false,
					});
			}
		},
		180_000,
	);
});

describe("a node's “Create new credential”", () => {
	const nodeOf = (name: string, type: string, parameters: Record<string, unknown>) => ({
		id: name,
		name,
		type: `n8n-nodes-whatsapp-senders.${type}`,
		typeVersion: type === 'whatsAppSenders' ? 2 : 1,
		position: [name.length * 40, 0],
		parameters,
	});

	it.each([
		['YCloud numbers', 'whatsAppSenders', { resource: 'ycloud', operation: 'list' }, 'YCloud API'],
		['On Infobip sender changes', 'whatsAppSendersTrigger', { provider: 'infobip' }, 'Infobip API'],
	])(
		'opens the form of the provider chosen in %s',
		async (name, type, parameters, credentialType) => {
			await pasteIntoNewWorkflow(
				JSON.stringify({ nodes: [nodeOf(name, type, parameters)], connections: {} }),
			);
			await page
				.locator('[data-test-id="canvas-node"]')
				.filter({ hasText: name })
				.first()
				.dblclick();
			await page.locator('[data-test-id="ndv"]').waitFor({ timeout: 15_000 });
			await page.locator('[data-test-id="node-credentials-select"]').first().click();
			await page.getByText('Create new credential').first().click();
			const modal = page.locator('[data-test-id="editCredential-modal"]');
			await modal.waitFor({ timeout: 15_000 });
			await page.screenshot({
				path: path.join(SCREENSHOTS, `create-credential-${name.replace(/\W+/g, '-')}.png`),
			});
			expect((await modal.innerText()).replace(/\s+/g, ' ')).toContain(credentialType);
			await page.keyboard.press('Escape');
			await modal.waitFor({ state: 'hidden', timeout: 10_000 });
			await page.keyboard.press('Escape');
		},
		120_000,
	);
});
