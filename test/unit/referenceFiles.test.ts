import {
	copyFileSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import {
	pinnedHashes,
	readReferenceFile,
	REFERENCE_DIR,
	sha256,
	SHARED_DIR,
	SHARED_ORIGIN,
} from '../support/referenceFiles';

/** The contracts and documentation the tests read are in the repository, pinned, and the same as the team's originals. */
const pinned = [...pinnedHashes().keys()];

describe('the reference files the tests read', () => {
	it('pins every file of test/reference, and only those', () => {
		const present = Object.keys(SHARED_ORIGIN).flatMap((folder) =>
			readdirSync(path.join(REFERENCE_DIR, folder)).map((file) => `${folder}/${file}`),
		);
		expect(present.sort()).toEqual([...pinned].sort());
	});

	it.each(pinned)('%s has its pinned SHA-256', (file) => {
		expect(() => readReferenceFile(file)).not.toThrow();
	});

	it('refuses a file whose content is not the pinned one, naming it', () => {
		const [file] = pinned;
		const copy = mkdtempSync(path.join(tmpdir(), 'reference-'));
		try {
			copyFileSync(path.join(REFERENCE_DIR, 'README.md'), path.join(copy, 'README.md'));
			mkdirSync(path.dirname(path.join(copy, file)));
			writeFileSync(path.join(copy, file), 'changed');
			expect(() => readReferenceFile(file, copy)).toThrow(
				`test/reference/${file} has SHA-256 ${sha256('changed')}, not the pinned ${pinnedHashes().get(file)}`,
			);
		} finally {
			rmSync(copy, { recursive: true, force: true });
		}
	});

	// only beside the team's shared folder: the team's CI (.ci/run) has it; GitHub's CI and most clones do not
	(existsSync(SHARED_DIR) ? it.each(pinned) : it.skip.each(pinned))(
		'%s is the same file as in ../shared',
		(file) => {
			const [folder, name] = file.split('/');
			expect(sha256(readFileSync(path.join(SHARED_DIR, SHARED_ORIGIN[folder], name)))).toBe(
				pinnedHashes().get(file),
			);
		},
	);
});
