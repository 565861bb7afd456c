/**
 * Checks the package n8n will install, after `n8n-node build`: the files `npm pack` would put in
 * the tarball (package.json `files`), one by one, against what n8n loads from a community package:
 *   - package.json, README.md and a licence file at the top; nothing else outside dist/
 *   - in dist/, only dist/nodes/** and dist/credentials/**, and there only
 *       .js    compiled code (the entries in package.json `n8n` and what they require),
 *       .json  a node's codex file (<Name>.node.json beside a listed <Name>.node.js) or an
 *              AI tool's __schema__ file (n8n-node build copies both kinds),
 *       .svg/.png  an icon that a packed .js names with 'file:…'
 *     (no type declarations, source maps, tsbuildinfo, copied docs or screenshots);
 *   - every entry, codex file and icon present, and every relative require() of a packed .js
 *     resolves to a packed file (a `files` pattern that drops a module fails here, not in n8n).
 * Run: npm run verify:package  (gulp verifyPackage), or checkPackage(folder) on a copy.
 */
const { execFileSync } = require('node:child_process');
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { series } = require('gulp');

const TOP_LEVEL = /^(package\.json|README\.md|LICEN[CS]E(\.md|\.txt)?)$/i;
const LOADED_FOLDERS = /^dist\/(nodes|credentials)\//;

function packedFiles(root) {
	const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
		cwd: root,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'ignore'],
	});
	return new Set(JSON.parse(output)[0].files.map((file) => file.path));
}

/** The relative require()s and 'file:' icons of one compiled file, as package paths. */
function referencesOf(root, file) {
	const code = readFileSync(path.join(root, file), 'utf8');
	const resolve = (reference) =>
		path.posix.normalize(path.posix.join(path.posix.dirname(file), reference));
	return {
		requires: [...code.matchAll(/require\("(\.{1,2}\/[^"]+)"\)/g)].map(([, module]) =>
			resolve(module),
		),
		icons: [...code.matchAll(/'file:([^']+\.(?:svg|png))'/g)].map(([, icon]) => resolve(icon)),
	};
}

/** Everything wrong with the package in `root` (built), as sentences; empty when it is fine. */
function checkPackage(root = __dirname) {
	const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
	const packed = packedFiles(root);
	const entries = [...pkg.n8n.nodes, ...pkg.n8n.credentials];
	const codex = pkg.n8n.nodes.map((node) => node.replace(/\.js$/, '.json'));
	const problems = [];

	const expected = [...entries, ...codex];
	const icons = new Set();
	for (const file of [...packed].filter((file) => file.endsWith('.js'))) {
		const { requires, icons: named } = referencesOf(root, file);
		for (const icon of named) icons.add(icon);
		if (entries.includes(file)) expected.push(...named);
		for (const module of requires) {
			if (
				![module, `${module}.js`, `${module}/index.js`].some((candidate) => packed.has(candidate))
			) {
				problems.push(`${file} requires ${module}, which is not in the package`);
			}
		}
	}
	for (const file of expected)
		if (!packed.has(file)) problems.push(`missing from the package: ${file}`);

	for (const file of packed) {
		if (TOP_LEVEL.test(file)) continue;
		const loaded =
			LOADED_FOLDERS.test(file) &&
			(file.endsWith('.js') ||
				(file.endsWith('.json') && (codex.includes(file) || file.includes('/__schema__/'))) ||
				(/\.(svg|png)$/.test(file) && icons.has(file)));
		if (!loaded) problems.push(`should not be in the package (n8n does not load it): ${file}`);
	}
	return { problems, files: packed.size };
}

async function verifyPackage() {
	const { problems, files } = checkPackage();
	if (problems.length > 0) throw new Error(problems.join('\n'));
	console.log(
		`package ok: ${files} files, each one a file n8n loads; every node, credential, codex file, icon and required module present`,
	);
}

exports.checkPackage = checkPackage;
exports.verifyPackage = verifyPackage;
exports.default = series(verifyPackage);
