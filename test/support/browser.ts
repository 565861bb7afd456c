import { existsSync, rmSync } from 'node:fs';

import { type Browser, chromium, type Page } from 'playwright-core';

import {
	freePort,
	installPackage,
	newUserFolder,
	OWNER,
	type OwnerSession,
	type RunningN8n,
	setupOwner,
	startN8n,
} from './n8n';

/** Debian's Chromium (installed by scripts/install-chromium.sh); playwright-core brings no browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
	if (!existsSync(CHROMIUM))
		throw new Error(`Chromium is not installed at ${CHROMIUM}: run "npm run setup:browser" first`);
	return await chromium.launch({
		executablePath: CHROMIUM,
		// this machine has no network: without the background-networking flags Chromium keeps
		// trying to reach Google's hosts
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
}

/** A page logged in to n8n as the owner, at a size that fits a whole example workflow. */
export async function loggedInPage(browser: Browser, n8nUrl: string): Promise<Page> {
	const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
	await page.goto(`${n8nUrl}/signin`);
	await page.locator('input[name="emailOrLdapLoginId"]').fill(OWNER.email);
	await page.locator('input[name="password"]').fill(OWNER.password);
	await page.getByRole('button', { name: /sign in/i }).click();
	await page.waitForURL(/\/(home|workflows)/, { timeout: 30_000 });
	return page;
}

/** Opens a workflow in the editor, fitted to the view; resolves with the number of nodes drawn. */
export async function openWorkflow(
	page: Page,
	n8nUrl: string,
	workflowId: string,
): Promise<number> {
	await page.goto(`${n8nUrl}/workflow/${workflowId}`);
	await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 30_000 });
	await page.locator('[data-test-id="zoom-to-fit"]').click();
	// one step out, so the "Execute workflow" button covers no node
	await page.locator('[data-test-id="zoom-out-button"]').click();
	// leave no button focused or hovered in a screenshot
	await page.mouse.move(700, 80);
	await page.evaluate('document.activeElement && document.activeElement.blur()');
	// the canvas animates the zoom
	await page.waitForTimeout(800);
	return await page.locator('[data-test-id="canvas-node"]').count();
}

/** The node panel's results for a search, in the order shown; the panel is closed again. */
export async function nodePanelResults(page: Page, query: string): Promise<string[]> {
	await page.locator('[data-test-id="node-creator-plus-button"]').click();
	await page
		.locator('[data-test-id="node-creator-search-bar"] input, [data-test-id="search-bar"] input')
		.first()
		.fill(query);
	const items = page.locator(
		'[data-test-id="node-creator"] [data-test-id="node-creator-item-name"]',
	);
	await items.first().waitFor({ timeout: 10_000 });
	await page.waitForTimeout(300);
	const results = (await items.allInnerTexts()).map((text) => text.trim());
	await page.keyboard.press('Escape');
	await page.locator('[data-test-id="node-creator"]').waitFor({ state: 'hidden', timeout: 10_000 });
	return results;
}

/**
 * Opens the node panel of the open workflow, searches it, and opens the first result:
 * returns the result's title and the panel's text (its actions and triggers).
 */
export async function searchNodePanel(
	page: Page,
	query: string,
): Promise<{ results: string[]; details: string }> {
	await page.locator('[data-test-id="node-creator-plus-button"]').click();
	await page
		.locator('[data-test-id="node-creator-search-bar"] input, [data-test-id="search-bar"] input')
		.first()
		.fill(query);
	const items = page.locator(
		'[data-test-id="node-creator"] [data-test-id="node-creator-item-name"]',
	);
	await items.first().waitFor({ timeout: 10_000 });
	const results = (await items.allInnerTexts()).map((text) => text.trim());
	await items.first().click();
	const triggers = page.getByText(/^Triggers \(\d+\)/).first();
	await triggers.waitFor({ timeout: 10_000 });
	// the triggers section starts collapsed
	await triggers.click();
	await page.waitForTimeout(500);
	const details = await page.locator('[data-test-id="node-creator"]').innerText();
	return { results, details };
}

/** A fresh n8n with the package installed as a community package, its owner, and Chromium logged in to its editor. */
export interface EditorSession {
	userFolder: string;
	n8n: RunningN8n;
	session: OwnerSession;
	browser: Browser;
	page: Page;
	stop(): Promise<void>;
}

export async function startEditor(): Promise<EditorSession> {
	const userFolder = newUserFolder();
	await installPackage(userFolder);
	const n8n = await startN8n(userFolder, await freePort());
	const session = await setupOwner(n8n.url);
	const browser = await launchChromium();
	const page = await loggedInPage(browser, n8n.url);
	return {
		userFolder,
		n8n,
		session,
		browser,
		page,
		async stop() {
			await browser.close();
			await n8n.stop();
			rmSync(userFolder, { recursive: true, force: true });
		},
	};
}
