import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { REPO_ROOT } from '../support/n8n';

/** CI runs what the README tells a user to run: the README's test command is .ci/run's. */
describe('the README', () => {
	const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
	const quickStart = readme.slice(readme.indexOf('## Quick start'));
	const commands = [...quickStart.matchAll(/^(npm install && .+?)\s+#/gm)].map(([, command]) =>
		command.trim(),
	);

	it('gives exactly two set-up commands: the demo and every test', () => {
		expect(commands).toHaveLength(2);
		expect(commands[0]).toMatch(/npm start$/);
		expect(commands[1]).toMatch(/npm run test:all$/);
	});

	it('names the test command CI runs', () => {
		const ci = readFileSync(path.join(REPO_ROOT, '.ci', 'run'), 'utf8')
			.trim()
			.split('\n');
		expect(ci[ci.length - 1]).toBe(commands[1]);
	});
});

describe('the test command', () => {
	const scripts = (
		JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
			scripts: Record<string, string>;
		}
	).scripts;

	it('runs the everyday tests, the end-to-end tests and the version matrix', () => {
		expect(scripts['test:all']).toBe('npm test && npm run test:e2e && npm run test:matrix');
		expect(scripts.test).toMatch(/&& jest$/);
		expect(scripts['test:e2e']).toMatch(/&& jest --config jest\.e2e\.config\.js$/);
	});

	it('leaves no test file out: every one is in the everyday or the end-to-end run', () => {
		const rootsOf = (config: string) =>
			[
				.../roots: \[([^\]]*)\]/
					.exec(readFileSync(path.join(REPO_ROOT, config), 'utf8'))![1]
					.matchAll(/'<rootDir>\/([^']+)'/g),
			].map(([, root]) => root);
		const covered = [...rootsOf('jest.config.js'), ...rootsOf('jest.e2e.config.js')];
		// (test/.n8n and test/.node hold installed n8n and Node versions, not tests)
		const folders = readdirSync(path.join(REPO_ROOT, 'test'))
			.filter((folder) => !folder.startsWith('.'))
			.flatMap((folder) =>
				readdirSync(path.join(REPO_ROOT, 'test', folder), {
					recursive: true,
					encoding: 'utf8',
				}).map((file) => path.join('test', folder, file)),
			)
			.filter((file) => file.endsWith('.test.ts'))
			.map((file) => path.dirname(file));
		expect([...new Set(folders)].filter((folder) => !covered.includes(folder))).toEqual([]);
		expect(covered.filter((folder) => folder === 'test/e2e')).toHaveLength(1);
	});
});
