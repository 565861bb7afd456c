import type { IDataObject } from 'n8n-workflow';

import { pollSendersTrigger } from '../test/harness/n8nHarness';
import { startListingAccount } from '../test/support/listingAccounts';
import { type BenchRow, formatCount, formatRatio, interleavedMedians } from './lib';
import { fetchTwilioPages } from './twilioPages';

/**
 * 6. Time per sender of a whole poll (n8n-core's PollContext, real HTTP to the simulator,
 *    mapping, diff, state) at 1,000 / 10,000 / 100,000 Twilio senders; baseline at each N:
 *    JSON.parse of the same pages, interleaved with the polls. Flat means the 10,000 and
 *    100,000 figures stay within 1.5× of the 1,000 one.
 */

const SIZES = [1_000, 10_000, 100_000];
const MAX_GROWTH = 1.5;

export async function benchScaling(): Promise<BenchRow[]> {
	const perSender: Array<{ count: number; poll: number; parse: number }> = [];
	for (const count of SIZES) {
		const account = await startListingAccount('twilio', count);
		try {
			const bodies = (
				await fetchTwilioPages(account.credentials.twilioSendersApi as Record<string, string>)
			).map((page) => page.text);
			const staticData: IDataObject = {};
			const medians = await interleavedMedians(
				{
					poll: async () => {
						const { error } = await pollSendersTrigger({
							parameters: { provider: 'twilio' },
							credentials: account.credentials,
							staticData,
						});
						if (error) throw error;
					},
					parse: () => {
						for (const text of bodies) JSON.parse(text);
					},
				},
				count >= 100_000 ? 3 : 7,
			);
			perSender.push({
				count,
				poll: (medians.poll * 1000) / count,
				parse: (medians.parse * 1000) / count,
			});
		} finally {
			await account.stop();
		}
	}
	const [first] = perSender;
	return perSender.map(({ count, poll, parse }) => {
		const growth = poll / first.poll;
		return {
			figure: `Poll time per sender, Twilio, N = ${formatCount(count)}`,
			measured: `${poll.toFixed(1)} µs (${formatRatio(growth)} of N = ${formatCount(first.count)}; JSON.parse alone ${parse.toFixed(1)} µs, ${formatRatio(parse / first.parse)})`,
			target:
				count === first.count
					? 'reference'
					: `≤ ${formatRatio(MAX_GROWTH)} of N = ${formatCount(first.count)}`,
			met: growth <= MAX_GROWTH,
		};
	});
}
