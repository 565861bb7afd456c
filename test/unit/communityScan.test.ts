import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { REPO_ROOT } from '../support/n8n';

/**
 * scripts/scan-package.mjs runs n8n's community-package scanner (its own analysis and ESLint
 * rules, offline) over the sources and the npm pack tarball. It must pass on this package
 * and catch what n8n would reject; the copy keeps the repository untouched.
 */

const run = promisify(execFile);

// the tarball leg scans the compiled package: a clean clone has none yet
beforeAll(async () => {
	if (!existsSync(path.join(REPO_ROOT, 'dist', 'package.json')))
		await run('npm', ['run', 'build'], { cwd: REPO_ROOT });
}, 180_000);

async function scan(folder: string): Promise<{ code: number; output: string }> {
	return await run(
		process.execPath,
		[path.join(REPO_ROOT, 'scripts', 'scan-package.mjs'), folder],
		{ cwd: REPO_ROOT },
	)
		.then(({ stdout }) => ({ code: 0, output: stdout }))
		.catch((error: { code: number; stdout: string }) => ({
			code: error.code,
			output: error.stdout,
		}));
}

function copyOfPackage(): string {
	const folder = mkdtempSync(path.join(tmpdir(), 'wa-senders-scan-copy-'));
	for (const entry of ['package.json', 'README.md', 'nodes', 'credentials', 'dist']) {
		cpSync(path.join(REPO_ROOT, entry), path.join(folder, entry), { recursive: true });
	}
	return folder;
}

describe("n8n's community-package scanner", () => {
	it('passes this package: sources and the packed tarball', async () => {
		const result = await scan(REPO_ROOT);
		expect(result.output).toContain('source (package.json, nodes/, credentials/): passed');
		expect(result.output).toMatch(
			/tarball n8n-nodes-whatsapp-senders-[\d.]+\.tgz \(compiled \.js, package\.json\): passed/,
		);
		expect(result.code).toBe(0);
	}, 60_000);

	it('rejects a copy whose node code uses a timer and hides it behind an eslint-disable comment', async () => {
		const folder = copyOfPackage();
		try {
			const file = path.join(folder, 'nodes', 'WhatsAppSenders', 'core', 'json.ts');
			writeFileSync(
				file,
				`${readFileSync(file, 'utf8')}\n// eslint-disable-next-line\nexport const later = () => setTimeout(() => undefined, 1);\n`,
			);
			const result = await scan(folder);
			expect(result.code).toBe(1);
			expect(result.output).toContain('no-restricted-globals');
		} finally {
			rmSync(folder, { recursive: true, force: true });
		}
	}, 60_000);

	it('rejects a copy that declares a runtime dependency', async () => {
		const folder = copyOfPackage();
		try {
			const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8'));
			writeFileSync(
				path.join(folder, 'package.json'),
				JSON.stringify({ ...manifest, dependencies: { axios: '1.12.0' } }, null, 2),
			);
			const result = await scan(folder);
			expect(result.code).toBe(1);
			expect(result.output).toContain('no-runtime-dependencies');
		} finally {
			rmSync(folder, { recursive: true, force: true });
		}
	}, 60_000);
});
