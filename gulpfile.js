/**
 * Checks the package n8n will install, after `n8n-node build`: `npm pack --dry-run` must list
 * every node, credential, codex file and icon that package.json and the sources reference, and
 * nothing from outside dist/ (no tests, simulators or fake secrets). Run: npx gulp verifyPackage
 */
const { execFileSync } = require('node:child_process');
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { series } = require('gulp');

function packedFiles() {
	const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
		cwd: __dirname,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'ignore'],
	});
	return new Set(JSON.parse(output)[0].files.map((file) => file.path));
}

function referencedFiles() {
	const pkg = JSON.parse(readFileSync(path.join(__dirname, 'package.json'), 'utf8'));
	const entries = [...pkg.n8n.nodes, ...pkg.n8n.credentials];
	const expected = [...entries];
	for (const entry of entries) {
		const compiled = readFileSync(path.join(__dirname, entry), 'utf8');
		for (const [, icon] of compiled.matchAll(/'file:([^']+\.svg)'/g)) {
			expected.push(path.posix.normalize(path.posix.join(path.posix.dirname(entry), icon)));
		}
		if (entry.endsWith('.node.js')) expected.push(entry.replace(/\.js$/, '.json'));
	}
	return expected;
}

async function verifyPackage() {
	const packed = packedFiles();
	const missing = referencedFiles().filter((file) => !packed.has(file));
	const stray = [...packed].filter(
		(file) => !file.startsWith('dist/') && !['package.json', 'README.md', 'LICENSE.md'].includes(file),
	);
	const problems = [
		...missing.map((file) => `missing from the package: ${file}`),
		...stray.map((file) => `should not be in the package: ${file}`),
	];
	if (problems.length > 0) throw new Error(problems.join('\n'));
	console.log(`package ok: ${packed.size} files, every node, credential, codex file and icon present`);
}

exports.verifyPackage = verifyPackage;
exports.default = series(verifyPackage);
