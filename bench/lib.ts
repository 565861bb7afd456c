/**
 * Small helpers every benchmark shares: timing that interleaves the candidate with its
 * baseline (so a noisy neighbour slows both alike), medians, and the result table.
 */

export interface BenchRow {
	/** What is measured, e.g. "Requests per full listing, Twilio, N = 10,000". */
	figure: string;
	/** The measurement, with its baseline where there is one. */
	measured: string;
	target: string;
	met: boolean;
}

export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Runs each function `rounds` times, alternating between them within every round, and
 * returns the median milliseconds of each. A first untimed round warms the JIT up.
 */
export async function interleavedMedians<K extends string>(
	candidates: Record<K, () => unknown>,
	rounds: number,
): Promise<Record<K, number>> {
	const names = Object.keys(candidates) as K[];
	const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<
		K,
		number[]
	>;
	for (let round = -1; round < rounds; round++) {
		for (const name of round % 2 === 0 ? names : [...names].reverse()) {
			const started = performance.now();
			await candidates[name]();
			if (round >= 0) samples[name].push(performance.now() - started);
		}
	}
	return Object.fromEntries(names.map((name) => [name, median(samples[name])])) as Record<
		K,
		number
	>;
}

export const formatCount = (value: number): string => value.toLocaleString('en-US');
export const formatRatio = (value: number): string => `${value.toFixed(2)}×`;
export const formatMs = (value: number): string =>
	value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`;
export const formatMb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function markdownTable(rows: readonly BenchRow[]): string {
	const lines = [
		'| Figure | Measured (baseline in the same run) | Target | Met |',
		'|---|---|---|---|',
	];
	for (const row of rows)
		lines.push(
			`| ${row.figure} | ${row.measured} | ${row.target} | ${row.met ? 'yes' : '**no**'} |`,
		);
	return lines.join('\n');
}

export function terminalTable(rows: readonly BenchRow[]): string {
	const headers = ['Figure', 'Measured (baseline in the same run)', 'Target', 'Met'];
	const cells = rows.map((row) => [row.figure, row.measured, row.target, row.met ? 'yes' : 'NO']);
	const widths = headers.map((header, column) =>
		Math.max(header.length, ...cells.map((line) => line[column].length)),
	);
	const format = (line: string[]) =>
		line.map((cell, column) => cell.padEnd(widths[column])).join('  ');
	return [
		format(headers),
		widths.map((width) => '─'.repeat(width)).join('  '),
		...cells.map(format),
	].join('\n');
}
