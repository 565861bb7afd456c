import { UnexpectedResponseError } from '../core/errors';
import { asRecord, type JsonRecord } from '../core/json';
import type { Sender } from '../core/sender';
import type { ProviderHttp, ProviderRequest } from './http';
import type { ListSendersOptions } from './operations';

export interface PagedSenderListing {
	/** The provider's name and what it calls one listed record, for errors ("Meta", "a phone number"). */
	provider: string;
	recordName: string;
	first: ProviderRequest;
	/** The page's records; throws when the page has no list of them. */
	records(page: unknown): unknown[];
	map(record: JsonRecord): Sender;
	/** The next page's request, read from the parsed page; undefined after the last page. */
	next(page: unknown, listed: number): ProviderRequest | undefined;
}

/**
 * Reads the pages of a cursor-paged listing one after the other, up to the Limit, handing
 * each page's senders to `onPage` as they are mapped, or collecting them when there is none.
 */
export async function listPagedSenders(
	http: ProviderHttp,
	options: ListSendersOptions,
	listing: PagedSenderListing,
): Promise<Sender[]> {
	const limit = options.limit ?? Infinity;
	const senders: Sender[] = [];
	let listed = 0;
	let request: ProviderRequest | undefined = listing.first;
	while (request) {
		const page = await http.request(request);
		const records = listing.records(page);
		const mapped: Sender[] = [];
		for (const raw of records) {
			const record = asRecord(raw);
			if (!record) throw new UnexpectedResponseError(listing.provider, `${listing.recordName} in the list is not an object`);
			mapped.push(listing.map(record));
			if (listed + mapped.length >= limit) break;
		}
		listed += mapped.length;
		if (options.onPage) options.onPage(mapped);
		else for (const sender of mapped) senders.push(sender);
		if (records.length === 0 || listed >= limit) break;
		request = listing.next(page, listed);
	}
	return senders;
}
