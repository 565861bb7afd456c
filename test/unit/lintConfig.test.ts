import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

import { REPO_ROOT } from '../support/n8n';

/**
 * eslint.config.mjs turns four community rules off for tests, simulators, benchmarks and
 * scripts (they run in Node, never inside n8n). That is why package.json says
 * `"strict": false`: n8n-node lint's strict mode only accepts the unmodified default file.
 * What n8n loads must still meet every rule of that default, cloud rules included.
 */
const DEFAULT_CONFIG = path.join(
	REPO_ROOT,
	'node_modules',
	'@n8n',
	'node-cli',
	'dist',
	'template',
	'templates',
	'shared',
	'default',
	'eslint.config.mjs',
);

/** The rules ESLint applies to each file, under the project's config and under n8n's default (ESLint loads configs as ES modules: a child process). */
async function rulesFor(
	files: string[],
): Promise<Record<string, { project: unknown; defaults: unknown }>> {
	const script = `
		import { ESLint } from 'eslint';
		const project = new ESLint({ cwd: process.cwd() });
		const defaults = new ESLint({ cwd: process.cwd(), overrideConfigFile: ${JSON.stringify(DEFAULT_CONFIG)} });
		const out = {};
		for (const file of ${JSON.stringify(files)}) {
			out[file] = { project: (await project.calculateConfigForFile(file)).rules, defaults: (await defaults.calculateConfigForFile(file)).rules };
		}
		process.stdout.write(JSON.stringify(out));`;
	const { stdout } = await promisify(execFile)(
		process.execPath,
		['--input-type=module', '-e', script],
		{ cwd: REPO_ROOT, maxBuffer: 32 * 1024 * 1024 },
	);
	return JSON.parse(stdout) as Record<string, { project: unknown; defaults: unknown }>;
}

describe('the lint configuration', () => {
	let rules: Awaited<ReturnType<typeof rulesFor>>;
	beforeAll(async () => {
		rules = await rulesFor([
			'nodes/WhatsAppSenders/WhatsAppSenders.node.ts',
			'nodes/WhatsAppSenders/core/hash.ts',
			'credentials/TwilioSendersApi.credentials.ts',
			'test/node/list.test.ts',
			'scripts/demo.ts',
			'bench/run.ts',
		]);
	}, 60_000);

	it.each([
		'nodes/WhatsAppSenders/WhatsAppSenders.node.ts',
		'nodes/WhatsAppSenders/core/hash.ts',
		'credentials/TwilioSendersApi.credentials.ts',
	])("applies n8n's default rules, unchanged, to %s", (file) => {
		expect(rules[file].project).toEqual(rules[file].defaults);
		expect(rules[file].project).toHaveProperty(['@n8n/community-nodes/no-restricted-globals']);
	});

	it.each(['test/node/list.test.ts', 'scripts/demo.ts', 'bench/run.ts'])(
		'lets %s use Node (timers, imports, made-up secrets) and nothing more',
		(file) => {
			const { project, defaults } = rules[file] as {
				project: Record<string, unknown>;
				defaults: Record<string, unknown>;
			};
			const names = new Set([...Object.keys(defaults), ...Object.keys(project)]);
			const changed = [...names].filter(
				(rule) => JSON.stringify(project[rule]) !== JSON.stringify(defaults[rule]),
			);
			expect(changed.sort()).toEqual([
				'@n8n/community-nodes/no-dangerous-functions',
				'@n8n/community-nodes/no-hardcoded-secrets',
				'@n8n/community-nodes/no-restricted-globals',
				'@n8n/community-nodes/no-restricted-imports',
			]);
		},
	);
});
