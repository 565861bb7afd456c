import type { IDataObject } from 'n8n-workflow';

import { SENDER_EVENTS, SnapshotComparison } from '../nodes/WhatsAppSenders/core/diff';
import { type EventFilters, filterChanges } from '../nodes/WhatsAppSenders/core/eventFilter';
import { type Snapshot, unpackSnapshot } from '../nodes/WhatsAppSenders/core/snapshot';
import type { ProviderHttp } from '../nodes/WhatsAppSenders/providers/types';
import { twilioAdapter } from '../nodes/WhatsAppSenders/providers/twilio/adapter';
import { scopedTokens } from '../nodes/WhatsAppSenders/transport/tokenCache';
import { pollSendersTrigger, runSendersNode } from '../test/harness/n8nHarness';
import {
	LISTING_PROVIDERS,
	listAllParameters,
	startListingAccount,
} from '../test/support/listingAccounts';
import { takeSnapshot } from '../test/support/snapshots';
import { type BenchRow, formatCount, formatMs, formatRatio, interleavedMedians } from './lib';
import { fetchTwilioPages } from './twilioPages';

/**
 * 2. CPU of mapping + diffing 10,000 Twilio senders per poll, against JSON.parse of the same
 *    response bodies, in the same process, interleaved.
 * 3. Bytes of workflow static data per sender at 10,000 senders, per provider, against the
 *    provider's own JSON for the same sender (what a workflow storing the list would keep).
 */

const COUNT = 10_000;
const CHANGED = 100;
const ALL_EVENTS: EventFilters = {
	events: SENDER_EVENTS,
	senders: [],
	qualityBecomes: [],
	statusBecomes: [],
	qualityDirection: 'any',
};

/** The adapter's HTTP, answered from parsed pages: what remains is exactly the adapter's mapping. */
function pagesAsHttp(parsed: Map<string, unknown>): ProviderHttp {
	return {
		accountScope: 'bench',
		account: {},
		scopedTokens: scopedTokens('bench'),
		request: async <T>(request: { qs?: Record<string, string | number> }) =>
			parsed.get(String(request.qs?.PageToken ?? '')) as T,
	};
}

/** The snapshot of the previous poll: the same senders with 1 % of them different. */
function previousSnapshot(current: Snapshot): Snapshot {
	const previous = { ...current };
	const ids = Object.keys(previous).sort();
	for (let i = 0; i < CHANGED; i++) {
		const id = ids[Math.floor((i * ids.length) / CHANGED)];
		const code = previous[id];
		previous[id] = `${code[0]}${code[1] === 'G' ? 'Y' : 'G'}${code.slice(2)}`;
	}
	return previous;
}

export async function benchCpu(): Promise<BenchRow[]> {
	const account = await startListingAccount('twilio', COUNT);
	try {
		const pages = await fetchTwilioPages(
			account.credentials.twilioSendersApi as Record<string, string>,
		);
		const bodies = pages.map((page) => page.text);
		const parsed = new Map(
			pages.map((page) => [page.query.PageToken ?? '', JSON.parse(page.text) as unknown]),
		);
		const http = pagesAsHttp(parsed);
		const baseline = previousSnapshot(takeSnapshot(await twilioAdapter.handlers.list(http, {})));
		let changes = 0;
		const medians = await interleavedMedians(
			{
				parse: () => {
					for (const text of bodies) JSON.parse(text);
				},
				mapAndDiff: async () => {
					// as the trigger does: each page compared as it is mapped, then the removals and filters
					const comparison = new SnapshotComparison(baseline);
					await twilioAdapter.handlers.list(http, { onPage: (page) => comparison.add(page) });
					changes = filterChanges(comparison.finish().changes, ALL_EVENTS).length;
				},
			},
			15,
		);
		if (changes !== CHANGED)
			throw new Error(`the diff found ${changes} changes, expected ${CHANGED}`);
		const ratio = medians.mapAndDiff / medians.parse;
		const megabytes = bodies.reduce((sum, text) => sum + text.length, 0) / 1024 / 1024;
		return [
			{
				figure: `CPU of mapping + diffing ${formatCount(COUNT)} Twilio senders (${CHANGED} changed)`,
				measured: `${formatMs(medians.mapAndDiff)} vs JSON.parse of the ${bodies.length} bodies (${megabytes.toFixed(1)} MB) ${formatMs(medians.parse)}: ${formatRatio(ratio)}`,
				target: '≤ 2× JSON.parse',
				met: ratio <= 2,
			},
		];
	} finally {
		await account.stop();
	}
}

export async function benchState(): Promise<BenchRow[]> {
	const rows: BenchRow[] = [];
	for (const provider of LISTING_PROVIDERS) {
		const account = await startListingAccount(provider, COUNT);
		try {
			const staticData: IDataObject = {};
			const { error } = await pollSendersTrigger({
				parameters: { provider },
				credentials: account.credentials,
				staticData,
			});
			if (error) throw error;
			// n8n keeps a node's static data under "node:<node name>"; the whole object is what it saves
			const nodeState = Object.values(staticData)[0] as { senders?: string } | undefined;
			const stored =
				nodeState?.senders === undefined
					? 0
					: Object.keys(unpackSnapshot(nodeState.senders)).length;
			if (stored !== COUNT)
				throw new Error(`${provider}: the trigger stored ${stored} senders, expected ${COUNT}`);
			const perSender = Buffer.byteLength(JSON.stringify(staticData)) / COUNT;
			const { items } = await runSendersNode({
				parameters: listAllParameters(provider),
				credentials: account.credentials,
			});
			const rawPerSender =
				items.reduce((sum, item) => sum + Buffer.byteLength(JSON.stringify(item.json.raw)), 0) /
				COUNT;
			rows.push({
				figure: `Trigger state per sender, ${provider}, N = ${formatCount(COUNT)}`,
				measured: `${perSender.toFixed(1)} B (the provider's JSON of a sender: ${Math.round(rawPerSender)} B, ${(rawPerSender / perSender).toFixed(0)}× more)`,
				target: '≤ 64 B',
				met: perSender <= 64,
			});
		} finally {
			await account.stop();
		}
	}
	return rows;
}
