import { appendFileSync } from 'node:fs';
import path from 'node:path';

import { canaryStats } from './canaries';

/**
 * With CANARY_REPORT=<file>, each test file appends how many outputs it searched for secret
 * canaries and how many secrets it found in them (each one found also fails its test).
 */
afterAll(() => {
	const report = process.env.CANARY_REPORT;
	if (!report || canaryStats.outputsSearched === 0) return;
	const file = path.basename(expect.getState().testPath ?? 'unknown');
	appendFileSync(report, `${JSON.stringify({ file, ...canaryStats })}\n`);
});
