import { readFileSync } from 'node:fs';
import path from 'node:path';

import { REPO_ROOT } from '../support/n8n';

/** CI runs what the README tells a user to run: the README's test command is .ci/run's. */
describe('the README', () => {
	const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
	const quickStart = readme.slice(readme.indexOf('## Quick start'));
	const commands = [...quickStart.matchAll(/^(npm install && .+?)\s+#/gm)].map(([, command]) => command.trim());

	it('gives exactly two set-up commands: the demo and every test', () => {
		expect(commands).toHaveLength(2);
		expect(commands[0]).toMatch(/npm start$/);
		expect(commands[1]).toMatch(/npm test && npm run test:matrix$/);
	});

	it('names the test command CI runs', () => {
		const ci = readFileSync(path.join(REPO_ROOT, '.ci', 'run'), 'utf8').trim().split('\n');
		expect(ci[ci.length - 1]).toBe(commands[1]);
	});
});
