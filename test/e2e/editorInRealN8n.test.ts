import { rmSync } from 'node:fs';

import type { Browser, Page } from 'playwright-core';

import { launchChromium, loggedInPage, openWorkflow } from '../support/browser';
import {
	freePort,
	importIntoN8n,
	installPackage,
	newUserFolder,
	type RunningN8n,
	setupOwner,
	startN8n,
} from '../support/n8n';

/**
 * What the editor shows, in a real n8n with the package installed and headless Chromium:
 * a sender chosen for one provider is cleared when the credential (and with it the
 * provider) is switched, subtitles name the provider, 99digital's trigger says it has no
 * quality rating, and credentials carry the package's provider icons, light and dark.
 * The credentials point nowhere: nothing here sends a request to a provider.
 */

const T = 'n8n-nodes-whatsapp-senders.';
const TWILIO_SID = 'XE0123456789abcdef0123456789abcdef';
const CREDENTIALS = [
	{
		id: 'editorTwilio0001',
		name: 'Twilio (editor test)',
		type: 'twilioSendersApi',
		data: {
			authType: 'authToken',
			accountSid: 'AC0123456789abcdef0123456789abcdef',
			authToken: 'editor-test-twilio-token-2b7d',
			baseUrl: 'https://127.0.0.1:9',
		},
	},
	{
		id: 'editorMeta000001',
		name: 'Meta (editor test)',
		type: 'metaWhatsAppCloudApi',
		data: {
			accessToken: 'editor-test-meta-token-5e1a',
			wabaId: '1234567890',
			graphApiVersion: 'v26.0',
			baseUrl: 'https://127.0.0.1:9',
		},
	},
	{
		id: 'editor99digital1',
		name: '99digital (editor test)',
		type: 'ninetyNineDigitalApi',
		data: {
			clientId: 'editor-client',
			clientSecret: 'editor-test-99-secret-8c3f',
			baseUrl: 'https://127.0.0.1:9',
		},
	},
];
const credential = (type: string) => {
	const { id, name } = CREDENTIALS.find((c) => c.type === type)!;
	return { [type]: { id, name } };
};
const WORKFLOW = {
	id: 'editorInRealN8n1',
	name: 'Editor checks',
	active: false,
	connections: {},
	settings: {},
	nodes: [
		{
			id: 'n1',
			name: 'Get Twilio sender',
			type: `${T}whatsAppSenders`,
			typeVersion: 1,
			position: [200, 200],
			parameters: {
				provider: 'twilio',
				resource: 'sender',
				operation: 'get',
				senderId: {
					__rl: true,
					mode: 'list',
					value: TWILIO_SID,
					cachedResultName: 'Acme Support (+14155550101)',
				},
			},
			credentials: credential('twilioSendersApi'),
		},
		{
			id: 'n2',
			name: 'List Meta senders',
			type: `${T}whatsAppSenders`,
			typeVersion: 1,
			position: [500, 200],
			parameters: { provider: 'metaCloud', resource: 'sender', operation: 'list' },
			credentials: credential('metaWhatsAppCloudApi'),
		},
		{
			id: 'n3',
			name: '99digital changes',
			type: `${T}whatsAppSendersTrigger`,
			typeVersion: 1,
			position: [200, 450],
			parameters: { provider: '99digital' },
			credentials: credential('ninetyNineDigitalApi'),
		},
	],
};

let userFolder: string;
let n8n: RunningN8n;
let browser: Browser;
let page: Page;

beforeAll(async () => {
	userFolder = newUserFolder();
	await installPackage(userFolder);
	await importIntoN8n(userFolder, 'credentials', CREDENTIALS);
	await importIntoN8n(userFolder, 'workflow', [WORKFLOW]);
	n8n = await startN8n(userFolder, await freePort());
	await setupOwner(n8n.url);
	browser = await launchChromium();
	page = await loggedInPage(browser, n8n.url);
}, 240_000);

afterAll(async () => {
	await browser?.close();
	await n8n?.stop();
	if (userFolder) rmSync(userFolder, { recursive: true, force: true });
});

const senderInput = () =>
	page
		.locator('[data-test-id="resource-locator-input"] input, input[data-test-id="rlc-input"]')
		.first();

async function openNode(name: string): Promise<void> {
	await page.locator('[data-test-id="canvas-node"]', { hasText: name }).dblclick();
	await page
		.locator('[data-test-id="node-credentials-select"]')
		.first()
		.waitFor({ timeout: 15_000 });
	await page.waitForTimeout(1000);
}

/** Escape until the panel is gone: the first may only close an open dropdown. */
async function closeNode(): Promise<void> {
	const parameters = page.locator('[data-test-id="node-parameters"]').first();
	for (let tries = 0; tries < 3 && (await parameters.isVisible()); tries++) {
		// a focused select would take the Escape for itself
		await page.evaluate('document.activeElement && document.activeElement.blur()');
		await page.keyboard.press('Escape');
		await page.waitForTimeout(500);
	}
}

describe('the editor', () => {
	beforeAll(async () => {
		await openWorkflow(page, n8n.url, WORKFLOW.id);
	}, 60_000);

	it('shows provider names in the canvas subtitles', async () => {
		const canvas = await page.locator('[data-test-id="canvas-node"]').allInnerTexts();
		expect(canvas.join('\n')).toContain('Get · Twilio');
		expect(canvas.join('\n')).toContain('On 99digital sender changes');
		expect(canvas.join('\n')).not.toMatch(/metaCloud|on twilio/);
	});

	it('clears a Twilio sender when Provider is switched to Meta, and offers Meta credentials only', async () => {
		await openNode('Get Twilio sender');
		expect(await senderInput().inputValue()).toContain('Acme Support');
		// the credential list holds the chosen provider's credentials only: no way to switch provider there
		await page.locator('[data-test-id="node-credentials-select"]').first().click();
		await page.waitForTimeout(500);
		expect(
			await page.getByText('Meta (editor test)', { exact: true }).filter({ visible: true }).count(),
		).toBe(0);
		await page.keyboard.press('Escape');
		await page.locator('[data-test-id="parameter-input-provider"]').click();
		await page
			.locator('.el-select-dropdown__item:visible')
			.filter({ hasText: /^\s*Meta WhatsApp Cloud API/ })
			.first()
			.click();
		await page.waitForTimeout(1500);
		expect(await senderInput().inputValue()).toBe('');
		const panel = await page
			.locator('[data-test-id="ndv"]')
			.innerText()
			.catch(async () => await page.locator('body').innerText());
		expect(panel).not.toContain('Acme Support');
		await closeNode();
	}, 60_000);

	it("says in 99digital's trigger that quality and limit events never come", async () => {
		await openNode('99digital changes');
		expect(await page.locator('body').innerText()).toContain(
			'99digital reports no quality rating and no messaging limit',
		);
		await closeNode();
	}, 60_000);

	it.each([
		['light', ''],
		['dark', '.dark'],
	])(
		'shows the provider icons on credentials (%s theme)',
		async (theme, suffix) => {
			await page.evaluate(`localStorage.setItem('N8N_THEME', '${theme}')`);
			await page.goto(`${n8n.url}/home/credentials`);
			await page.locator('[data-test-id="card-prepend"] img').first().waitFor({ timeout: 15_000 });
			const icons = await page
				.locator('[data-test-id="card-prepend"] img')
				.evaluateAll((images) => images.map((image) => image.getAttribute('src')));
			expect(new Set(icons)).toEqual(
				new Set(
					['twilio', 'meta', 'ninetyNineDigital'].map(
						(file) =>
							`/icons/n8n-nodes-whatsapp-senders/dist/nodes/WhatsAppSenders/${file}${suffix}.svg`,
					),
				),
			);
			const status = await page.evaluate(
				`fetch(${JSON.stringify(icons[0])}).then((r) => r.status)`,
			);
			expect(status).toBe(200);
		},
		60_000,
	);
});
