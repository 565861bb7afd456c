import { mkdirSync } from 'node:fs';
import path from 'node:path';

import { NodeHelpers } from 'n8n-workflow';
import type { Page } from 'playwright-core';

import { operationsOf } from '../../nodes/WhatsAppSenders/actions';
import { PROVIDERS } from '../../nodes/WhatsAppSenders/providers';
import { WhatsAppSenders } from '../../nodes/WhatsAppSenders/WhatsAppSenders.node';
import { type EditorSession, openWorkflow, startEditor } from '../support/browser';
import { editorApi, type OwnerSession, PACKAGE_NAME, type RunningN8n } from '../support/n8n';

/**
 * The node panel of a real n8n with the package installed: searching "WhatsApp Senders" and
 * opening it lists every provider's actions, grouped by provider; clicking one adds a node
 * (version 2) set to that provider and operation. Screenshots go to SCREENSHOT_DIR when set.
 */

const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR;
let editor: EditorSession | undefined;
let n8n: RunningN8n;
let session: OwnerSession;
let page: Page;

beforeAll(async () => {
	editor = await startEditor();
	({ n8n, session, page } = editor);
	// tall enough for the whole Actions list without scrolling
	await page.setViewportSize({ width: 1440, height: 2000 });
	if (SCREENSHOT_DIR) mkdirSync(SCREENSHOT_DIR, { recursive: true });
}, 240_000);

afterAll(async () => await editor?.stop());

async function screenshot(name: string): Promise<void> {
	if (SCREENSHOT_DIR) await page.screenshot({ path: path.join(SCREENSHOT_DIR, name) });
}

/** A stored workflow holding just a Manual Trigger, so the panel offers actions (not triggers). */
async function newWorkflow(): Promise<string> {
	const workflow = await editorApi<{ id: string }>(n8n.url, session, 'POST', '/workflows', {
		name: `Panel ${Date.now()}`,
		nodes: [
			{
				id: 'start',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	});
	return workflow.id;
}

/** Opens the node panel of a workflow on the WhatsApp Senders node: the panel's text. */
async function openActions(workflowId: string): Promise<string> {
	await openWorkflow(page, n8n.url, workflowId);
	await page.locator('[data-test-id="node-creator-plus-button"]').click();
	await page
		.locator('[data-test-id="node-creator-search-bar"] input, [data-test-id="search-bar"] input')
		.first()
		.fill('WhatsApp Senders');
	const items = page.locator(
		'[data-test-id="node-creator"] [data-test-id="node-creator-item-name"]',
	);
	await items.first().waitFor({ timeout: 10_000 });
	await items
		.filter({ hasText: /^WhatsApp Senders$/ })
		.first()
		.click();
	await page.getByText('Request a verification code').first().waitFor({ timeout: 10_000 });
	await page.waitForTimeout(500);
	return await page.locator('[data-test-id="node-creator"]').innerText();
}

type StoredNode = { typeVersion: number; parameters: Record<string, unknown> };

/** n8n stores only parameters that differ from their defaults: the node's parameters as n8n runs them. */
function resolved(node: StoredNode): Record<string, unknown> {
	const { description } = new WhatsAppSenders().getNodeType(node.typeVersion);
	const asNode = {
		...node,
		id: 'n',
		name: 'n',
		type: description.name,
		position: [0, 0] as [number, number],
	};
	return (
		NodeHelpers.getNodeParameters(
			description.properties,
			node.parameters as never,
			true,
			false,
			asNode as never,
			description,
		) ?? {}
	);
}

/**
 * Clicks an action (then, in the open node, whatever `inNode` does), saves the workflow and
 * returns the added node as n8n stored it.
 */
async function addByAction(action: string, inNode?: () => Promise<void>): Promise<StoredNode> {
	const id = await newWorkflow();
	await openActions(id);
	await page
		.locator('[data-test-id="node-creator"]')
		.getByText(action, { exact: true })
		.first()
		.click();
	await page.locator('[data-test-id="ndv"]').first().waitFor({ timeout: 15_000 });
	await page.waitForTimeout(800);
	await screenshot(`panel-ndv-${action.replace(/\W+/g, '-').toLowerCase()}.png`);
	if (inNode) await inNode();
	await page.keyboard.press('Escape');
	await page.keyboard.press('Control+s');
	await page.waitForTimeout(1500);
	const workflow = await editorApi<{
		nodes: Array<{ type: string; typeVersion: number; parameters: Record<string, unknown> }>;
	}>(n8n.url, session, 'GET', `/workflows/${id}`);
	const node = workflow.nodes.find(
		(candidate) => candidate.type === `${PACKAGE_NAME}.whatsAppSenders`,
	);
	if (!node)
		throw new Error(
			`the saved workflow has no WhatsApp Senders node: ${JSON.stringify(workflow.nodes)}`,
		);
	return node;
}

describe('the node panel Actions of WhatsApp Senders', () => {
	it("lists every provider's operations, grouped by provider", async () => {
		const text = await openActions(await newWorkflow());
		await screenshot('panel-actions.png');
		for (const provider of PROVIDERS) {
			expect(text.toLowerCase()).toContain(`${provider.displayName} Actions`.toLowerCase());
		}
		// one entry per provider and operation: Meta's and 99digital's own ones included
		const lines = text.split('\n').map((line) => line.trim());
		for (const action of new Set(
			PROVIDERS.flatMap((provider) =>
				operationsOf(provider).map((op) => op.option.action as string),
			),
		)) {
			expect(lines).toContain(action);
		}
		const count = (action: string) => lines.filter((line) => line === action).length;
		expect(count('List senders')).toBe(PROVIDERS.length);
		// one entry for each provider that has the operation (Meta, Sinch and Infobip request codes;
		// only 99digital reports account usage)
		const offering = (operation: 'requestCode' | 'getUsage') =>
			PROVIDERS.filter((provider) => provider.handlers[operation]).length;
		expect(count('Request a verification code')).toBe(offering('requestCode'));
		expect(offering('requestCode')).toBe(3);
		expect(count('Get account usage')).toBe(offering('getUsage'));
	}, 60_000);

	it.each([
		['Request a verification code', 'metaCloud', 'requestCode'],
		['Get account usage', '99digital', 'getUsage'],
	])(
		'"%s" adds a node set to %s, %s',
		async (action, provider, operation) => {
			const node = await addByAction(action);
			expect(node.typeVersion).toBe(2);
			expect(node.parameters).toMatchObject({ resource: provider, operation });
			expect(resolved(node)).toMatchObject({ resource: provider, operation });
			expect(resolved(node)).not.toHaveProperty('provider');
		},
		90_000,
	);

	it('switching Provider in the open node switches operations, fields and credential with it', async () => {
		const node = await addByAction('Request a verification code', async () => {
			await page.locator('[data-test-id="parameter-input-resource"]').click();
			await page
				.locator('.el-select-dropdown__item:visible')
				.filter({ hasText: /^\s*Twilio/ })
				.first()
				.click();
			await page.waitForTimeout(800);
			await screenshot('panel-ndv-switched-to-twilio.png');
			const ndv = await page.locator('[data-test-id="ndv"]').first().innerText();
			// Provider is a visible choice in the panel (not folded into the credential list)
			expect(
				await page.locator('[data-test-id="parameter-input-resource"] input').first().inputValue(),
			).toBe('Twilio');
			expect(ndv).not.toContain('Code Method');
			expect(ndv).not.toContain('Meta WhatsApp Cloud');
		});
		// Meta's Request Code does not exist for Twilio: n8n falls back to the default, List
		expect(resolved(node)).toMatchObject({
			resource: 'twilio',
			operation: 'list',
			returnAll: false,
			limit: 50,
		});
		expect(resolved(node)).not.toHaveProperty('codeMethod');
	}, 90_000);

	it("a Meta action gets the Meta credential, not another provider's", async () => {
		await editorApi(n8n.url, session, 'POST', '/credentials', {
			name: 'Twilio (e2e)',
			type: 'twilioSendersApi',
			data: {
				authType: 'authToken',
				accountSid: `AC${'0'.repeat(32)}`,
				authToken: 'e2e-panel-token',
			},
		});
		await editorApi(n8n.url, session, 'POST', '/credentials', {
			name: 'Meta (e2e)',
			type: 'metaWhatsAppCloudApi',
			data: {
				accessToken: 'e2e-panel-meta-token',
				wabaId: '102290129340398',
				graphApiVersion: 'v26.0',
			},
		});
		const node = (await addByAction('Request a verification code')) as StoredNode & {
			credentials?: Record<string, { name: string }>;
		};
		expect(resolved(node)).toMatchObject({ resource: 'metaCloud', operation: 'requestCode' });
		expect(node.credentials).toEqual({
			metaWhatsAppCloudApi: expect.objectContaining({ name: 'Meta (e2e)' }),
		});
	}, 90_000);
});
