import axios from 'axios';

import { runSendersNode } from '../test/harness/n8nHarness';
import {
	LISTING_PROVIDERS,
	type ListingAccount,
	type ListingProvider,
	listAllParameters,
	startListingAccount,
} from '../test/support/listingAccounts';
import { type BenchRow, formatCount } from './lib';

/**
 * 1. Requests per full listing, counted at the simulator, next to what a client using the
 * provider's default page size pays for the same listing (walked here with axios, the way
 * twilio-node's `list()` pages: Twilio's default PageSize is 50, Meta's default limit 25).
 */

const SIZES = [10, 1_000, 10_000];

const DEFAULT_PAGE: Partial<Record<ListingProvider, { size: number; who: string; maxPage: number }>> = {
	twilio: { size: 50, who: "twilio-node's default page size 50", maxPage: 1000 },
	metaCloud: { size: 25, who: "Graph API's default limit 25", maxPage: 100 },
};

/** Follows next-page links with the provider's defaults; returns how many requests it took. */
async function requestsWithDefaultPageSize(account: ListingAccount): Promise<number> {
	let requests = 0;
	if (account.provider === 'twilio') {
		const { accountSid, authToken, baseUrl } = account.credentials.twilioSendersApi as Record<string, string>;
		let params: Record<string, string> = { Channel: 'whatsapp' };
		for (;;) {
			requests++;
			const { data } = await axios.get(`${baseUrl}/v2/Channels/Senders`, { params, auth: { username: accountSid, password: authToken } });
			const next = data.meta?.next_page_url as string | null;
			if (!next) return requests;
			params = Object.fromEntries(new URL(next).searchParams);
		}
	}
	const { accessToken, wabaId, baseUrl, graphApiVersion } = account.credentials.metaWhatsAppCloudApi as Record<string, string>;
	let params: Record<string, string> = {};
	for (;;) {
		requests++;
		const { data } = await axios.get(`${baseUrl}/${graphApiVersion}/${wabaId}/phone_numbers`, {
			params,
			headers: { Authorization: `Bearer ${accessToken}` },
		});
		const next = data.paging?.next as string | undefined;
		if (!next) return requests;
		params = { after: new URL(next).searchParams.get('after') ?? '' };
	}
}

export async function benchRequests(): Promise<BenchRow[]> {
	const rows: BenchRow[] = [];
	for (const provider of LISTING_PROVIDERS) {
		for (const count of SIZES) {
			const account = await startListingAccount(provider, count);
			try {
				const { items, error } = await runSendersNode({ parameters: listAllParameters(provider), credentials: account.credentials });
				if (error || items.length !== count) throw new Error(`listing ${count} ${provider} senders failed: ${error?.message ?? `${items.length} items`}`);
				const ours = account.listRequests().length;
				const paging = DEFAULT_PAGE[provider];
				const expected = paging ? Math.max(1, Math.ceil(count / paging.maxPage)) : 1;
				let measured = formatCount(ours);
				if (paging) {
					const defaults = await requestsWithDefaultPageSize(account);
					measured += ` (${paging.who}: ${formatCount(defaults)}, ${(defaults / ours).toFixed(0)}× more)`;
				}
				rows.push({
					figure: `Requests per full listing, ${provider}, N = ${formatCount(count)}`,
					measured,
					target: paging ? `ceil(N / ${formatCount(paging.maxPage)}) = ${formatCount(expected)}` : '1 (list-only API)',
					met: ours === expected,
				});
			} finally {
				await account.stop();
			}
		}
	}
	return rows;
}
