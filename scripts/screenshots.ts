/**
 * The README's screenshots (`npm run screenshots`): starts the demo, logs in to its n8n in
 * headless Chromium, opens each example workflow and the node panel, and saves them under
 * docs/screenshots/. Stops the demo with Ctrl-C as a user would.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';

import {
	launchChromium,
	loggedInPage,
	openWorkflow,
	searchNodePanel,
} from '../test/support/browser';
import { startDemo } from '../test/support/demoProcess';
import { REPO_ROOT } from '../test/support/n8n';
import { DEMO_WORKFLOWS } from './demo/fleet';

const OUT = path.join(REPO_ROOT, 'docs', 'screenshots');

async function main(): Promise<void> {
	mkdirSync(OUT, { recursive: true });
	const demo = await startDemo();
	try {
		const [, url] = await demo.waitFor(/n8n is running: (http:\/\/\S+)/, 240_000);
		// the onboarding pipeline has brought its number live: its executions exist
		await demo.waitFor(/Slack #onboarding ▸ .*is live on WhatsApp/, 180_000);
		const browser = await launchChromium();
		const page = await loggedInPage(browser, url);
		for (const { example, id } of DEMO_WORKFLOWS) {
			await openWorkflow(page, url, id);
			await page.screenshot({ path: path.join(OUT, `${example}.png`) });
			process.stdout.write(`saved docs/screenshots/${example}.png\n`);
		}
		await openWorkflow(page, url, 'demoFleetReport1');
		await searchNodePanel(page, 'WhatsApp Senders');
		await page.screenshot({ path: path.join(OUT, 'node-panel.png') });
		process.stdout.write('saved docs/screenshots/node-panel.png\n');
		await browser.close();
	} finally {
		await demo.interrupt();
	}
}

main().catch((error) => {
	process.stderr.write(
		`Screenshots failed: ${error instanceof Error ? error.message : String(error)}\n`,
	);
	process.exit(1);
});
