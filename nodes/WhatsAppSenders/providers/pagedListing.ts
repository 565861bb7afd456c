import type { ProviderHttp, ProviderRequest } from './types';

export interface PagedListing {
	first: ProviderRequest;
	/** Takes a page's items; false stops the listing (the limit is reached, or an empty page). */
	onPage(page: unknown): boolean;
	/** The next page's request, read from the parsed page; undefined after the last page. */
	next(page: unknown): ProviderRequest | undefined;
}

/** Reads the pages of a cursor-paged listing one after the other, each handed over as it arrives. */
export async function readPagedListing(http: ProviderHttp, listing: PagedListing): Promise<void> {
	let request: ProviderRequest | undefined = listing.first;
	while (request) {
		const page = await http.request(request);
		if (!listing.onPage(page)) return;
		request = listing.next(page);
	}
}
