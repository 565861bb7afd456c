import { readFileSync, writeFileSync } from 'node:fs';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { pollSendersTrigger } from '../test/harness/n8nHarness';

/**
 * Runs in its own process (started by memory.ts with --expose-gc): peak RSS added by a poll
 * of the big account, and by just reading and parsing the same listing, each measured from
 * a garbage-collected start with the kernel's peak-RSS counter reset (/proc/self/clear_refs).
 */

interface Input {
	warmUp: Record<string, ICredentialDataDecryptedObject>;
	big: Record<string, ICredentialDataDecryptedObject>;
	pageUrls: string[];
	authorization: string;
}

const gc = (globalThis as { gc?: () => void }).gc;

function rssBytes(): number {
	return process.memoryUsage.rss();
}

function peakRssBytes(): number {
	const line = readFileSync('/proc/self/status', 'utf8')
		.split('\n')
		.find((entry) => entry.startsWith('VmHWM:'));
	return Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) * 1024;
}

/** Peak RSS above the collected start while `work` runs (its result is held until the end). */
async function peakAdded(work: () => Promise<unknown>): Promise<number> {
	gc!();
	gc!();
	writeFileSync('/proc/self/clear_refs', '5');
	const start = rssBytes();
	const kept = await work();
	const peak = peakRssBytes();
	if (kept === undefined) throw new Error('nothing measured');
	return peak - start;
}

async function poll(credentials: Input['big'], staticData: IDataObject): Promise<unknown> {
	const result = await pollSendersTrigger({
		parameters: { provider: 'twilio' },
		credentials,
		staticData,
	});
	if (result.error) throw result.error;
	return staticData;
}

async function main(): Promise<void> {
	if (!gc) throw new Error('run with --expose-gc');
	const input = JSON.parse(process.env.BENCH_MEMORY_INPUT ?? '{}') as Input;
	const warmState: IDataObject = {};
	await poll(input.warmUp, warmState);
	await poll(input.warmUp, warmState);
	const state: IDataObject = {};
	const firstPoll = await peakAdded(() => poll(input.big, state));
	const nextPoll = await peakAdded(() => poll(input.big, state));
	const parseOnly = await peakAdded(async () => {
		const pages: unknown[] = [];
		for (const url of input.pageUrls) {
			const response = await fetch(url, { headers: { authorization: input.authorization } });
			pages.push(JSON.parse(await response.text()));
		}
		return pages;
	});
	process.stdout.write(`${JSON.stringify({ firstPoll, nextPoll, parseOnly })}\n`);
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
	process.exit(1);
});
