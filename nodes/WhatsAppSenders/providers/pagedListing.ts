import { UnexpectedResponseError } from '../core/errors';
import type { JsonRecord } from '../core/json';
import type { Sender } from '../core/sender';
import { objectOf } from './shapes';
import type { ProviderHttp, ProviderRequest, ListSendersOptions } from './types';

/** The first `options.limit` items, or all of them without a Limit. */
export function withinLimit<T>(items: T[], options: ListSendersOptions): T[] {
	return options.limit === undefined ? items : items.slice(0, options.limit);
}

/** A page's senders go to `options.onPage` as soon as they are mapped, or into the list returned. */
function handOver(options: ListSendersOptions, senders: Sender[], page: Sender[]): void {
	if (options.onPage) options.onPage(page);
	else senders.push(...page);
}

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
	/**
	 * How many records the whole listing holds, when the first page says so (YCloud's `total`,
	 * Sinch's `totalSize`): a listing that ends short of it was cut, which is an error, never a
	 * shorter list (the trigger would report the missing senders as removed).
	 */
	total?(firstPage: unknown): number | undefined;
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
	const asked = new Set<string>();
	let announced: number | undefined;
	let listed = 0;
	let request: ProviderRequest | undefined = listing.first;
	while (request) {
		// a provider pointing back at a page already read would loop for ever
		const key = JSON.stringify([request.path, request.qs]);
		if (asked.has(key))
			throw new UnexpectedResponseError(
				listing.provider,
				'the next page it pointed to is one already read',
			);
		asked.add(key);
		const page = await http.request(request);
		if (asked.size === 1) announced = listing.total?.(page);
		const records = listing.records(page);
		const mapped: Sender[] = [];
		for (const raw of records) {
			mapped.push(
				listing.map(objectOf(raw, listing.provider, `${listing.recordName} in the list`)),
			);
			if (listed + mapped.length >= limit) break;
		}
		listed += mapped.length;
		handOver(options, senders, mapped);
		if (listed >= limit) return senders;
		if (records.length === 0) break;
		request = listing.next(page, listed);
	}
	if (announced !== undefined && listed < announced) {
		throw new UnexpectedResponseError(
			listing.provider,
			`the list ended after ${listed} of the ${announced} senders its first page announced`,
		);
	}
	return senders;
}

/**
 * Reads a listing whose items are known before any sender is (Infobip's named numbers,
 * Gupshup's apps): up to the Limit, `size` items a step, each step's senders handed over.
 */
export async function listInSteps<T>(
	options: ListSendersOptions,
	items: T[],
	size: number,
	read: (step: T[]) => Promise<Sender[]>,
): Promise<Sender[]> {
	const chosen = withinLimit(items, options);
	const senders: Sender[] = [];
	for (let start = 0; start < chosen.length; start += size)
		handOver(options, senders, await read(chosen.slice(start, start + size)));
	return senders;
}
