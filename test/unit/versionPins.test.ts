/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test tooling: reads lock files, never loaded by n8n */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { N8N_DIR, N8N_VERSION, REPO_ROOT } from '../support/n8n';

/** The node tests run n8n-core from the package's devDependencies; they must be the ones the e2e n8n ships. */
function lockedVersion(lockFile: string, name: string): string {
	const lock = JSON.parse(readFileSync(lockFile, 'utf8')) as { packages: Record<string, { version: string }> };
	return lock.packages[`node_modules/${name}`].version;
}

describe('n8n versions', () => {
	const rootLock = path.join(REPO_ROOT, 'package-lock.json');
	const n8nLock = path.join(N8N_DIR, 'package-lock.json');

	it(`runs the end-to-end tests on n8n ${N8N_VERSION}`, () => {
		expect(lockedVersion(n8nLock, 'n8n')).toBe(N8N_VERSION);
	});

	it.each(['n8n-core', 'n8n-workflow'])('node tests use the %s that n8n ships', (name) => {
		expect(lockedVersion(rootLock, name)).toBe(lockedVersion(n8nLock, name));
	});
});
