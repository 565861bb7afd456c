import { runSendersNode } from '../harness/n8nHarness';
import {
	EXPECTED_REQUESTS,
	LISTING_PROVIDERS,
	listAllParameters,
	startListingAccount,
} from '../support/listingAccounts';

/**
 * What a full listing (List, Return All) costs in requests, counted at the simulator:
 * the largest page each API allows, so Twilio ceil(N / 1000), Meta and YCloud ceil(N / 100), one
 * request for the providers that answer with the whole list; Sinch ceil(N / 100) plus one
 * read of the account, whose messaging limit every sender shares; Gupshup the app list plus one
 * Waba Info per app (EXPECTED_REQUESTS, shared with `npm run bench`, which prints the
 * same counts next to what the providers' default page sizes would cost).
 */

describe.each(LISTING_PROVIDERS)('A full listing of %s senders', (provider) => {
	it.each([10, 1_000, 10_000])(
		'returns all %i senders in the fewest requests the API allows',
		async (count) => {
			const account = await startListingAccount(provider, count);
			try {
				const { items, error } = await runSendersNode({
					parameters: listAllParameters(provider),
					credentials: account.credentials,
				});
				expect(error).toBeUndefined();
				expect(items).toHaveLength(count);
				expect(new Set(items.map((item) => item.json.id)).size).toBe(count);
				expect(account.listRequests()).toHaveLength(EXPECTED_REQUESTS[provider].requests(count));
			} finally {
				await account.stop();
			}
		},
		60_000,
	);
});
