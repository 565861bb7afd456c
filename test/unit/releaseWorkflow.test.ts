import { readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

import { REPO_ROOT } from '../support/n8n';

/**
 * What can be checked of the release without GitHub: the workflow files parse and have the
 * n8n-nodes-starter's steps, and package.json and @n8n/node-cli do what those steps rely on.
 * Provenance, npm's trusted publishing and GitHub's runner cannot be exercised here.
 */

type Step = {
	name?: string;
	uses?: string;
	run?: string;
	with?: Record<string, string>;
	env?: Record<string, string>;
	if?: string;
};
type Workflow = {
	on: Record<string, unknown>;
	jobs: Record<string, { permissions?: Record<string, string>; needs?: string; steps: Step[] }>;
};

const read = (file: string) => readFileSync(path.join(REPO_ROOT, file), 'utf8');
function workflow(file: string): Workflow {
	const document = YAML.parseDocument(read(file));
	expect(document.errors).toEqual([]);
	return document.toJS() as Workflow;
}
const pkg = JSON.parse(read('package.json')) as {
	scripts: Record<string, string>;
	publishConfig?: Record<string, unknown>;
	dependencies?: Record<string, string>;
};
const starterSetup = (steps: Step[]) => {
	expect(steps[0].uses).toBe('actions/checkout@v4');
	expect(steps[1]).toMatchObject({
		uses: 'actions/setup-node@v4',
		with: { 'node-version': 'lts/*', cache: 'npm' },
	});
	expect(steps[2].run).toBe('npm ci');
};

describe('.github/workflows/publish.yml', () => {
	const publish = workflow('.github/workflows/publish.yml');
	const job = publish.jobs.publish;

	it("is the starter's: runs on a version tag, may mint an OIDC token, installs and runs `npm run release`", () => {
		expect(publish.on).toEqual({ push: { tags: ['*.*.*'] } });
		expect(job.permissions).toEqual({ 'id-token': 'write', contents: 'read' });
		expect(job.steps).toHaveLength(4);
		starterSetup(job.steps);
		const release = job.steps[3];
		expect(release.run).toBe(
			'[ -n "$NPM_TOKEN" ] && npm config set //registry.npmjs.org/:_authToken "$NPM_TOKEN"\nnpm run release\n',
		);
		// (node-cli 0.48.3's --init-workflow renders this as `$`: Handlebars eats the braces)
		expect(release.env?.NPM_TOKEN).toBe('${{ secrets.NPM_TOKEN }}');
	});

	it('turns npm scripts on for the release, since .npmrc turns them off and prepublishOnly must run', () => {
		expect(read('.npmrc')).toMatch(/^ignore-scripts=true$/m);
		expect(job.steps[3].env?.npm_config_ignore_scripts).toBe('false');
	});
});

describe('.github/workflows/ci.yml', () => {
	const ci = workflow('.github/workflows/ci.yml');
	const runs = (job: string) => ci.jobs[job].steps.map((step) => step.run).filter(Boolean);

	it('runs on every push to main and every pull request, and nightly', () => {
		expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push', 'schedule']);
	});

	it("runs the README's test command on the Node the package is tested with", () => {
		expect(runs('test')).toEqual(['npm ci', 'npm test']);
		expect(ci.jobs.test.steps[1].with?.['node-version']).toBe('20');
		expect(pkg.scripts.test).toMatch(/jest$/);
	});

	it('runs the end-to-end suite in a real n8n after the tests, with the n8n install cached, and the version matrix only at night', () => {
		expect(ci.jobs.e2e.needs).toBe('test');
		expect(runs('e2e')).toEqual([
			'npm ci',
			'sudo apt-get install -y -qq redis-server',
			'npm run test:e2e',
			'npm run test:matrix',
		]);
		expect(
			ci.jobs.e2e.steps.find((step) => step.uses === 'actions/cache@v4')?.with?.path,
		).toContain('test/.n8n');
		expect(ci.jobs.e2e.steps.find((step) => step.run === 'npm run test:matrix')?.if).toBe(
			"github.event_name == 'schedule'",
		);
	});
});

describe('the release scripts', () => {
	it("are the starter's, with the package check and the scan before anything is packed", () => {
		expect(pkg.scripts.release).toBe('n8n-node release');
		expect(pkg.scripts.prepublishOnly).toBe(
			'n8n-node prerelease && npm run verify:package && npm run scan',
		);
		expect(pkg.publishConfig).toEqual({ access: 'public', provenance: true });
		expect(pkg.dependencies).toBeUndefined();
	});

	it('rely on @n8n/node-cli publishing with provenance in GitHub Actions and refusing a publish outside `npm run release`', () => {
		const cli = path.join(REPO_ROOT, 'node_modules', '@n8n', 'node-cli', 'dist', 'commands');
		const release = readFileSync(path.join(cli, 'release.js'), 'utf8');
		expect(release).toContain('Boolean(process.env.GITHUB_ACTIONS)');
		expect(release).toMatch(
			/\['run', 'lint'\][\s\S]*\['run', 'build'\][\s\S]*\('npm', \['publish'\][\s\S]*NPM_CONFIG_PROVENANCE: 'true'/,
		);
		expect(readFileSync(path.join(cli, 'prerelease.js'), 'utf8')).toContain(
			'if (!process.env.RELEASE_MODE)',
		);
	});

	it("keep the changelog's written sections: auto-changelog writes above its token, with this template", () => {
		expect(JSON.parse(read('.auto-changelog'))).toMatchObject({
			template: 'scripts/changelog.hbs',
		});
		const changelog = read('CHANGELOG.md');
		const template = read('scripts/changelog.hbs');
		const token = '<!-- auto-changelog-above -->';
		// what the template writes above the token is the changelog's title block, word for word
		const title = template.slice(template.indexOf('# Changelog'), template.indexOf(token));
		expect(changelog.startsWith(title)).toBe(true);
		expect(changelog.indexOf(token)).toBe(title.length);
		expect(changelog).toMatch(/^## \[0\.1\.0\]/m);
	});
});
