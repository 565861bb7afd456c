import axios from 'axios';

import { runSendersNode } from '../test/harness/n8nHarness';
import {
	EXPECTED_REQUESTS,
	LISTING_PROVIDERS,
	type ListingAccount,
	type ListingProvider,
	listAllParameters,
	startListingAccount,
} from '../test/support/listingAccounts';
import { type BenchRow, formatCount } from './lib';

/**
 * 1. Requests per full listing, counted at the simulator and held to EXPECTED_REQUESTS (the
 * table the request-count test uses), next to what a client using the provider's default page
 * size pays for the same listing (walked here with axios, the way twilio-node's `list()`
 * pages: Twilio's default PageSize is 50, Meta's default limit 25, YCloud's default limit 10,
 * Sinch's default pageSize 50). Gupshup has no paging to compare: one Waba Info per app either way.
 */

const SIZES = [10, 1_000, 10_000];

const DEFAULT_PAGE: Partial<Record<ListingProvider, { size: number; who: string }>> = {
	twilio: { size: 50, who: "twilio-node's default page size 50" },
	metaCloud: { size: 25, who: "Graph API's default limit 25" },
	ycloud: { size: 10, who: "YCloud's default limit 10" },
	sinch: { size: 50, who: "Sinch's default pageSize 50" },
};

/** YCloud refuses `page` above 100: with its default limit of 10 a client reaches 1,000 numbers at most. */
const YCLOUD_MAX_PAGE = 100;

/** What walking the listing with the provider's defaults took, and how many senders it reached. */
interface DefaultWalk {
	requests: number;
	reached: number;
}

/** Follows next-page links with the provider's defaults. */
async function walkWithDefaultPageSize(
	account: ListingAccount,
	pageSize: number,
): Promise<DefaultWalk> {
	let requests = 0;
	let reached = 0;
	switch (account.provider) {
		case 'twilio': {
			const { accountSid, authToken, baseUrl } = account.credentials.twilioSendersApi as Record<
				string,
				string
			>;
			let params: Record<string, string> = { Channel: 'whatsapp' };
			for (;;) {
				requests++;
				const { data } = await axios.get(`${baseUrl}/v2/Channels/Senders`, {
					params,
					auth: { username: accountSid, password: authToken },
				});
				reached += (data.senders as unknown[]).length;
				const next = data.meta?.next_page_url as string | null;
				if (!next) return { requests, reached };
				params = Object.fromEntries(new URL(next).searchParams);
			}
		}
		case 'metaCloud': {
			const { accessToken, wabaId, baseUrl, graphApiVersion } = account.credentials
				.metaWhatsAppCloudApi as Record<string, string>;
			let params: Record<string, string> = {};
			for (;;) {
				requests++;
				const { data } = await axios.get(`${baseUrl}/${graphApiVersion}/${wabaId}/phone_numbers`, {
					params,
					headers: { Authorization: `Bearer ${accessToken}` },
				});
				reached += (data.data as unknown[]).length;
				const next = data.paging?.next as string | undefined;
				if (!next) return { requests, reached };
				params = { after: new URL(next).searchParams.get('after') ?? '' };
			}
		}
		case 'ycloud': {
			// the same WABA read the node makes (ban state, restrictions), then page after page
			// without `limit` (10), asking the total once so no empty page is asked for
			const { apiKey, baseUrl } = account.credentials.yCloudApi as Record<string, string>;
			requests++;
			await axios.get(`${baseUrl}/whatsapp/businessAccounts`, { headers: { 'X-API-Key': apiKey } });
			let total = Infinity;
			for (let page = 1; page <= YCLOUD_MAX_PAGE && reached < total; page++) {
				requests++;
				const { data } = await axios.get(`${baseUrl}/whatsapp/phoneNumbers`, {
					params: page === 1 ? { page, includeTotal: 'true' } : { page },
					headers: { 'X-API-Key': apiKey },
				});
				if (page === 1) total = data.total as number;
				reached += data.length as number;
				if ((data.length as number) < pageSize) break;
			}
			return { requests, reached };
		}
		case 'sinch': {
			// the same account read the node makes (the shared limit), then pages without `pageSize` (50)
			const { projectId, keyId, keySecret, baseUrl, tokenUrl } = account.credentials
				.sinchProvisioningApi as Record<string, string>;
			const { data: token } = await axios.post(
				tokenUrl,
				new URLSearchParams({ grant_type: 'client_credentials' }),
				{
					auth: { username: keyId, password: keySecret },
				},
			);
			const headers = { Authorization: `Bearer ${token.access_token as string}` };
			requests++;
			await axios.get(`${baseUrl}/v1/projects/${projectId}/whatsapp`, { headers });
			let params: Record<string, string> = {};
			for (;;) {
				requests++;
				const { data } = await axios.get(`${baseUrl}/v1/projects/${projectId}/whatsapp/senders`, {
					params,
					headers,
				});
				reached += (data.senders as unknown[]).length;
				const next = data.nextPageToken as string | undefined;
				if (!next) return { requests, reached };
				params = { pageToken: next };
			}
		}
		default:
			throw new Error(`no default paging to walk for ${account.provider}`);
	}
}

export async function benchRequests(): Promise<BenchRow[]> {
	const rows: BenchRow[] = [];
	for (const provider of LISTING_PROVIDERS) {
		for (const count of SIZES) {
			const account = await startListingAccount(provider, count);
			try {
				const { items, error } = await runSendersNode({
					parameters: listAllParameters(provider),
					credentials: account.credentials,
				});
				if (error || items.length !== count)
					throw new Error(
						`listing ${count} ${provider} senders failed: ${error?.message ?? `${items.length} items`}`,
					);
				const ours = account.listRequests().length;
				const { requests, formula } = EXPECTED_REQUESTS[provider];
				const expected = requests(count);
				let measured = formatCount(ours);
				const paging = DEFAULT_PAGE[provider];
				if (paging) {
					const defaults = await walkWithDefaultPageSize(account, paging.size);
					const missed =
						defaults.reached < count
							? `; reaches only ${formatCount(defaults.reached)} of ${formatCount(count)}`
							: '';
					measured += ` (${paging.who}: ${formatCount(defaults.requests)}, ${(defaults.requests / ours).toFixed(0)}× more${missed})`;
				}
				rows.push({
					figure: `Requests per full listing, ${provider}, N = ${formatCount(count)}`,
					measured,
					// a constant needs no "= n" after it
					target: /\bN\b/.test(formula) ? `${formula} = ${formatCount(expected)}` : formula,
					met: ours === expected,
				});
			} finally {
				await account.stop();
			}
		}
	}
	return rows;
}
