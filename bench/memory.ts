import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

import { startListingAccount } from '../test/support/listingAccounts';
import { type BenchRow, formatCount, formatMb } from './lib';
import { fetchTwilioPages } from './twilioPages';

/**
 * 5. Peak RSS added by one poll of 10,000 Twilio senders, in a process of its own
 *    (memoryChild.ts) so the simulator serving the pages is not counted; baseline: reading
 *    and JSON.parse-ing the same pages and holding them, in that same process.
 */

const COUNT = 10_000;
const LIMIT_BYTES = 50 * 1024 * 1024;

export async function benchMemory(): Promise<BenchRow[]> {
	const [big, warmUp] = await Promise.all([
		startListingAccount('twilio', COUNT),
		startListingAccount('twilio', 10),
	]);
	try {
		const credentials = big.credentials.twilioSendersApi as Record<string, string>;
		const pageUrls = (await fetchTwilioPages(credentials)).map(
			(page) => `${credentials.baseUrl}/v2/Channels/Senders?${new URLSearchParams(page.query)}`,
		);
		const input = {
			warmUp: warmUp.credentials,
			big: big.credentials,
			pageUrls,
			authorization: `Basic ${Buffer.from(`${credentials.accountSid}:${credentials.authToken}`).toString('base64')}`,
		};
		const { stdout } = await promisify(execFile)(
			process.execPath,
			['--expose-gc', '--import', 'tsx', path.join(__dirname, 'memoryChild.ts')],
			{
				env: { ...process.env, BENCH_MEMORY_INPUT: JSON.stringify(input) },
				maxBuffer: 16 * 1024 * 1024,
			},
		);
		const result = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as {
			firstPoll: number;
			nextPoll: number;
			parseOnly: number;
		};
		const worst = Math.max(result.firstPoll, result.nextPoll);
		return [
			{
				figure: `Peak RSS added by one poll of ${formatCount(COUNT)} Twilio senders`,
				measured: `${formatMb(result.firstPoll)} first poll, ${formatMb(result.nextPoll)} next poll (reading + JSON.parse of the same pages alone: ${formatMb(result.parseOnly)})`,
				target: `≤ ${formatMb(LIMIT_BYTES)}`,
				met: worst <= LIMIT_BYTES,
			},
		];
	} finally {
		await Promise.all([big.stop(), warmUp.stop()]);
	}
}
