import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { benchAiTool } from './aiToolOutput';
import { budgetMarkdown, requestBudgetTable } from './budgets';
import { benchCpu, benchState } from './cpuAndState';
import { type BenchRow, markdownTable, terminalTable } from './lib';
import { benchMemory } from './memory';
import { benchRealN8n } from './realN8n';
import { benchRequests } from './requests';
import { benchScaling } from './scaling';

/**
 * `npm run bench`: every figure of the performance issue, each measured against a baseline
 * in the same run, printed as one table and written into the README between its markers.
 * `npm run bench -- cpu scaling` runs only those sections (the README is then left alone).
 */

const SECTIONS: Record<string, () => Promise<BenchRow[]>> = {
	requests: benchRequests,
	cpu: benchCpu,
	state: benchState,
	realN8n: benchRealN8n,
	memory: benchMemory,
	scaling: benchScaling,
	aiTool: benchAiTool,
};

const README = path.resolve(__dirname, '..', 'README.md');
const START_MARKER = '<!-- bench:start -->';
const END_MARKER = '<!-- bench:end -->';

async function main(): Promise<void> {
	const asked = process.argv.slice(2);
	const unknown = asked.filter((name) => !(name in SECTIONS));
	if (unknown.length > 0)
		throw new Error(
			`unknown section ${unknown.join(', ')}; sections: ${Object.keys(SECTIONS).join(', ')}`,
		);
	const names = asked.length > 0 ? asked : Object.keys(SECTIONS);
	const started = performance.now();
	const rows: BenchRow[] = [];
	for (const name of names) {
		const sectionStarted = performance.now();
		process.stdout.write(`${name}… `);
		const sectionRows = await SECTIONS[name]();
		rows.push(...sectionRows);
		process.stdout.write(`${((performance.now() - sectionStarted) / 1000).toFixed(1)} s\n`);
		for (const row of sectionRows)
			process.stdout.write(`  ${row.met ? 'ok ' : 'NO '} ${row.figure}: ${row.measured}\n`);
	}
	const seconds = (performance.now() - started) / 1000;
	const machine = `${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim() ?? 'unknown'}), Node ${process.version}`;
	process.stdout.write(
		`\n${terminalTable(rows)}\n\n${rows.filter((row) => row.met).length} of ${rows.length} targets met; ${seconds.toFixed(0)} s on ${machine}\n`,
	);
	const budgets = budgetMarkdown(requestBudgetTable());
	if (names.includes('requests'))
		process.stdout.write(
			`\nRequests an hour, polled every minute, beside each provider's documented budget:\n${budgets}\n`,
		);

	if (asked.length === 0) {
		const readme = readFileSync(README, 'utf8');
		const start = readme.indexOf(START_MARKER);
		const end = readme.indexOf(END_MARKER);
		if (start === -1 || end === -1)
			throw new Error(`README.md has no ${START_MARKER} … ${END_MARKER} section`);
		const table = `${START_MARKER}\n${markdownTable(rows)}\n\n_${new Date().toISOString().slice(0, 10)}, \`npm run bench\` in ${seconds.toFixed(0)} s on ${machine}._\n\nRequests an hour of a trigger polling every minute, beside each provider's documented request budget (not targets: the budget is the provider's):\n\n${budgets}\n`;
		writeFileSync(README, readme.slice(0, start) + table + readme.slice(end));
		process.stdout.write('README.md: table updated\n');
	}
	process.exit(rows.every((row) => row.met) ? 0 : 1);
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
	process.exit(2);
});
