import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The providers' contracts and documentation excerpts the tests read, kept in test/reference
 * (copies of the team's ../shared folder, so the tests run in any clone). Each is checked
 * against the SHA-256 pinned in test/reference/README.md before use: a file changed by
 * accident fails the test that reads it, naming the file.
 */
export const REFERENCE_DIR = path.resolve(__dirname, '..', 'reference');

/** The shared folder beside the checkout, where the originals live (absent in most clones). */
export const SHARED_DIR = path.resolve(__dirname, '..', '..', '..', 'shared');

/** Where each reference file came from in ../shared. */
export const SHARED_ORIGIN: Record<string, string> = {
	contracts: 'reference',
	'provider-docs': 'provider-docs',
};

/** file (relative to test/reference) → SHA-256, read from the table of test/reference/README.md. */
export function pinnedHashes(directory = REFERENCE_DIR): Map<string, string> {
	const table = readFileSync(path.join(directory, 'README.md'), 'utf8');
	const rows = [...table.matchAll(/^\| ([\w./-]+) \| ([0-9a-f]{64}) \|/gm)];
	return new Map(rows.map(([, file, hash]) => [file, hash]));
}

export const sha256 = (content: Buffer | string) =>
	createHash('sha256').update(content).digest('hex');

/** A reference file's text, after its SHA-256 is checked against the pinned one. */
export function readReferenceFile(file: string, directory = REFERENCE_DIR): string {
	const pinned = pinnedHashes(directory).get(file);
	if (!pinned)
		throw new Error(`test/reference/${file} has no pinned SHA-256 in test/reference/README.md`);
	const full = path.join(directory, file);
	if (!existsSync(full))
		throw new Error(
			`test/reference/${file} is missing: restore it with "git checkout -- test/reference/${file}"`,
		);
	const content = readFileSync(full);
	const actual = sha256(content);
	if (actual !== pinned)
		throw new Error(
			`test/reference/${file} has SHA-256 ${actual}, not the pinned ${pinned}: restore it, or pin the new file in test/reference/README.md`,
		);
	return content.toString('utf8');
}
