/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test tooling: runs the demo command as a child process */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

import { newUserFolder, REPO_ROOT } from '../support/n8n';

/** The README's main command (`npm start` runs this script after install and build). */
describe('the demo command', () => {
	it('lists every simulated provider in a real n8n, prints the URL and login, and stops cleanly', async () => {
		const env = { ...process.env };
		delete env.NODE_ENV;
		const { stdout } = await promisify(execFile)(
			path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'),
			[path.join(REPO_ROOT, 'scripts', 'demo.ts')],
			{ cwd: REPO_ROOT, env: { ...env, DEMO_EXIT_AFTER_START: '1', DEMO_USER_FOLDER: newUserFolder('wa-senders-demo-') } },
		);
		expect(stdout).toContain('Twilio senders\n');
		expect(stdout).toMatch(/\+14155550101\s+Acme Support\s+ONLINE\s+GREEN\s+10000\/day/);
		expect(stdout).toMatch(/\+447700900103\s+Acme UK\s+PENDING_VERIFICATION\s+UNKNOWN/);
		expect(stdout).toMatch(/\+14155550102\s+Acme Sales\s+ONLINE\s+RED/);
		expect(stdout).toMatch(/Autocalls senders\n(.*\n){2}\s+\+33612345678\s+Acme France\s+OFFLINE\s+RED\s+250\/day/);
		expect(stdout).toMatch(/Famulor senders\n\s+\+4930123456789\s+Praxis Berlin/);
		expect(stdout).toMatch(/n8n is running: http:\/\/127\.0\.0\.1:\d+/);
		expect(stdout).toContain('Log in as owner@example.com');
		expect(stdout).toContain('Stopped.');
	}, 180_000);
});
