import { runSendersNode } from '../harness/n8nHarness';
import { LISTING_PROVIDERS, type ListingProvider, listAllParameters, startListingAccount } from '../support/listingAccounts';

/**
 * What a full listing (List, Return All) costs in requests, counted at the simulator:
 * the largest page each API allows, so Twilio ceil(N / 1000), Meta and YCloud ceil(N / 100), one
 * request for the providers that answer with the whole list; Sinch ceil(N / 100) plus one
 * read of the account, whose messaging limit every sender shares; Gupshup the app list plus one
 * Waba Info per app. `npm run bench` prints the
 * same counts next to what the providers' default page sizes would cost.
 */

const EXPECTED_REQUESTS: Record<ListingProvider, (count: number) => number> = {
	twilio: (count) => Math.max(1, Math.ceil(count / 1000)),
	metaCloud: (count) => Math.max(1, Math.ceil(count / 100)),
	autocalls: () => 1,
	famulor: () => 1,
	'99digital': () => 1,
	// 100 a page, stopping at the total the first page reports: no empty page after a full one
	ycloud: (count) => Math.max(1, Math.ceil(count / 100)),
	// Gupshup has no bulk read: the app list, then Get Waba Info for each app (one WhatsApp number)
	gupshup: (count) => 1 + count,
	// one read of the account's messaging limit, then 100 senders per page
	sinch: (count) => 1 + Math.max(1, Math.ceil(count / 100)),
};

describe.each(LISTING_PROVIDERS)('A full listing of %s senders', (provider) => {
	it.each([10, 1_000, 10_000])('returns all %i senders in the fewest requests the API allows', async (count) => {
		const account = await startListingAccount(provider, count);
		try {
			const { items, error } = await runSendersNode({ parameters: listAllParameters(provider), credentials: account.credentials });
			expect(error).toBeUndefined();
			expect(items).toHaveLength(count);
			expect(new Set(items.map((item) => item.json.id)).size).toBe(count);
			expect(account.listRequests()).toHaveLength(EXPECTED_REQUESTS[provider](count));
		} finally {
			await account.stop();
		}
	}, 60_000);
});
