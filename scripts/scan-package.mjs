/**
 * n8n's community-package scanner (@n8n/scan-community-package), run here without the
 * network. Its CLI takes a package name, checks npm provenance on the public registry and
 * downloads the attested GitHub source: neither exists for an unpublished build. So this
 * runs the scanner's own analysis (its `analyzePackage`, with its ESLint configuration and
 * inline eslint-disable comments ignored, as in the real scan) on the same two legs:
 *   source:  package.json, nodes/ and credentials/ of this repository (its SOURCE_FILE_PATTERNS)
 *   tarball: the compiled .js and package.json inside the `npm pack` tarball
 * Only the provenance check is left out. Exits 1 on any violation.
 *   node scripts/scan-package.mjs [package folder]   (default: this repository, built)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// eslint-plugin-n8n-nodes-base switches to its own unit-test behaviour under NODE_ENV=test
// (file-name rules then expect its fixtures' names); the real scan never runs that way
if (process.env.NODE_ENV === 'test') delete process.env.NODE_ENV;
const { analyzePackage, SOURCE_FILE_PATTERNS } = await import(
	'@n8n/scan-community-package/scanner/scanner.mjs'
);

const root = process.argv[2]
	? path.resolve(process.argv[2])
	: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(path.join(tmpdir(), 'wa-senders-scan-'));
try {
	execFileSync('npm', ['pack', '--silent', '--dry-run=false', '--pack-destination', work], {
		cwd: root,
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	const tarball = readdirSync(work).find((file) => file.endsWith('.tgz'));
	const unpacked = path.join(work, 'package');
	mkdirSync(unpacked);
	execFileSync('tar', ['xzf', path.join(work, tarball), '-C', unpacked, '--strip-components=1']);

	const legs = [
		[
			'source (package.json, nodes/, credentials/)',
			await analyzePackage(root, SOURCE_FILE_PATTERNS),
		],
		[
			`tarball ${tarball} (compiled .js, package.json)`,
			await analyzePackage(unpacked, ['**/*.js', 'package.json']),
		],
	];
	let failed = false;
	for (const [leg, result] of legs) {
		process.stdout.write(
			`${result.passed ? '✅' : '❌'} n8n community-package scan, ${leg}: ${result.passed ? 'passed' : result.message}\n`,
		);
		if (!result.passed) {
			failed = true;
			if (result.details) process.stdout.write(`${result.details}\n`);
		}
	}
	process.exitCode = failed ? 1 : 0;
} finally {
	rmSync(work, { recursive: true, force: true });
}
