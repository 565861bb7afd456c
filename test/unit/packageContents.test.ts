import { execFile } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { REPO_ROOT } from '../support/n8n';

/**
 * gulpfile.js `verifyPackage` (npm run verify:package) reads the file list `npm pack` would
 * publish and accepts only what n8n loads. It must pass on this package and fail on each kind
 * of file n8n does not load, and on a package that lacks a module, an icon or a codex file;
 * every case runs on a copy (package.json, README.md, dist/), the repository stays untouched.
 */

const run = promisify(execFile);
let checkPackage: (root: string) => { problems: string[]; files: number };

type Manifest = { files: string[] };
const NODE_DIR = path.join('dist', 'nodes', 'WhatsAppSenders');

// the check reads the built package: a clean clone has none yet
beforeAll(async () => {
	({ checkPackage } = await import(path.join(REPO_ROOT, 'gulpfile.js')));
	if (!existsSync(path.join(REPO_ROOT, 'dist', 'package.json')))
		await run('npm', ['run', 'build'], { cwd: REPO_ROOT });
}, 180_000);

function withCopy(change: (folder: string, manifest: Manifest) => Manifest | void): string[] {
	const folder = mkdtempSync(path.join(tmpdir(), 'wa-senders-package-'));
	try {
		for (const entry of ['package.json', 'README.md', 'dist'])
			cpSync(path.join(REPO_ROOT, entry), path.join(folder, entry), { recursive: true });
		const manifest = JSON.parse(
			readFileSync(path.join(folder, 'package.json'), 'utf8'),
		) as Manifest;
		const changed = change(folder, manifest);
		if (changed) writeFileSync(path.join(folder, 'package.json'), JSON.stringify(changed, null, 2));
		return checkPackage(folder).problems;
	} finally {
		rmSync(folder, { recursive: true, force: true });
	}
}

describe('the package check (npm run verify:package)', () => {
	it('passes this package: only compiled code, codex files and the icons the code names', () => {
		expect(checkPackage(REPO_ROOT).problems).toEqual([]);
		expect(withCopy(() => undefined)).toEqual([]);
	}, 30_000);

	it("fails the package as it was with `files: ['dist']`: screenshots, tsbuildinfo, declarations, source maps", () => {
		const problems = withCopy((folder, manifest) => {
			mkdirSync(path.join(folder, 'dist', 'docs', 'screenshots'), { recursive: true });
			writeFileSync(path.join(folder, 'dist', 'docs', 'screenshots', 'node-panel.png'), 'png');
			writeFileSync(path.join(folder, 'dist', 'tsconfig.tsbuildinfo'), '{}');
			writeFileSync(path.join(folder, NODE_DIR, 'WhatsAppSenders.node.d.ts'), 'export {};');
			writeFileSync(path.join(folder, NODE_DIR, 'WhatsAppSenders.node.js.map'), '{}');
			return { ...manifest, files: ['dist'] };
		});
		const stray = (file: string) => `should not be in the package (n8n does not load it): ${file}`;
		expect(problems).toEqual(
			expect.arrayContaining([
				stray('dist/docs/screenshots/node-panel.png'),
				stray('dist/tsconfig.tsbuildinfo'),
				stray('dist/nodes/WhatsAppSenders/WhatsAppSenders.node.d.ts'),
				stray('dist/nodes/WhatsAppSenders/WhatsAppSenders.node.js.map'),
			]),
		);
	}, 30_000);

	it('fails a stray file that the `files` patterns let through: an image no code names, a JSON that is no codex', () => {
		const problems = withCopy((folder) => {
			writeFileSync(path.join(folder, NODE_DIR, 'screenshot.png'), 'png');
			writeFileSync(path.join(folder, NODE_DIR, 'fixtures.json'), '{}');
		});
		expect([...problems].sort()).toEqual([
			'should not be in the package (n8n does not load it): dist/nodes/WhatsAppSenders/fixtures.json',
			'should not be in the package (n8n does not load it): dist/nodes/WhatsAppSenders/screenshot.png',
		]);
	}, 30_000);

	it('fails a file outside dist/', () => {
		const problems = withCopy((folder, manifest) => {
			writeFileSync(path.join(folder, 'secrets.env'), 'TWILIO_AUTH_TOKEN=x');
			return { ...manifest, files: [...manifest.files, 'secrets.env'] };
		});
		expect(problems).toEqual(['should not be in the package (n8n does not load it): secrets.env']);
	}, 30_000);

	it('fails a package that lacks a required module, an icon or a codex file', () => {
		const problems = withCopy((folder) => {
			rmSync(path.join(folder, NODE_DIR, 'core', 'hash.js'));
			rmSync(path.join(folder, NODE_DIR, 'twilio.svg'));
			rmSync(path.join(folder, NODE_DIR, 'WhatsAppSendersTrigger.node.json'));
		});
		expect(problems).toEqual(
			expect.arrayContaining([
				expect.stringMatching(
					/^dist\/nodes\/WhatsAppSenders\/\S+\.js requires dist\/nodes\/WhatsAppSenders\/core\/hash, which is not in the package$/,
				),
				'missing from the package: dist/nodes/WhatsAppSenders/twilio.svg',
				'missing from the package: dist/nodes/WhatsAppSenders/WhatsAppSendersTrigger.node.json',
			]),
		);
	}, 30_000);
});
