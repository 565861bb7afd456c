import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { type SenderChange, SnapshotComparison } from '../core/diff';
import { filterChanges, filterSenders } from '../core/eventFilter';
import { holdMassRemovals } from '../core/massRemoval';
import type { Sender } from '../core/sender';
import { hashOf } from '../core/hash';
import { emptySnapshot, encodeFingerprint, packSnapshot, unpackSnapshot } from '../core/snapshot';
import { resolveProvider } from '../providers';
import { createProviderHttp } from '../transport/http';
import { toNodeError } from '../transport/nodeError';
import { readTriggerParameters } from './parameters';

/**
 * What the trigger keeps in workflow static data: whose senders, their fingerprints (packed),
 * and the ids whose removal a suspect listing held back (comma-separated).
 */
interface TriggerState extends IDataObject {
	scope?: string;
	senders?: string | IDataObject;
	heldRemovals?: string;
	/** How many times the state was stored: a change seen against the same stored state has the same eventId. */
	generation?: number;
}

/**
 * The same change gets the same id, whichever poll reports it: should n8n die after a poll
 * emitted its events but before it stored the new state, the next poll compares against the
 * same stored state (same generation) and reports them again with the same ids, so a
 * workflow can drop what it has seen (e.g. with Remove Duplicates on `eventId`). The same
 * change happening again later (GREEN → YELLOW a second time) is compared against a newer
 * state, so it gets a new id.
 */
function eventId(stateId: string, change: Pick<SenderChange, 'event' | 'sender' | 'previous'>): string {
	return hashOf(stateId, change.event, change.sender.id, JSON.stringify(change.previous), encodeFingerprint(change.sender));
}

function eventItem(
	change: Pick<SenderChange, 'event' | 'sender' | 'previous' | 'changes' | 'direction'> | { event: 'currentState'; sender: Sender },
	provider: string,
	detectedAt: string,
	stateId?: string,
): INodeExecutionData {
	const json: IDataObject = {
		...(stateId !== undefined && 'previous' in change && { eventId: eventId(stateId, change) }),
		event: change.event,
		provider,
		sender: change.sender as unknown as IDataObject,
		previous: ('previous' in change ? change.previous : {}) as IDataObject,
		changes: 'changes' in change ? change.changes : [],
		detectedAt,
	};
	if ('direction' in change && change.direction) json.direction = change.direction;
	return { json };
}

/**
 * One poll: list every sender, compare with the stored snapshot, emit the changes the user
 * watches. The snapshot is replaced only after the whole listing succeeded; any failure
 * throws before that, so the next good poll reports every change exactly once.
 * A manual "Fetch test event" never moves the stored snapshot.
 */
export async function pollSenders(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	let items: INodeExecutionData[];
	try {
		const provider = resolveProvider(this.getNodeParameter('provider'));
		const parameters = readTriggerParameters(this);
		const http = await createProviderHttp(this, provider, { timeoutMs: parameters.timeoutMs });
		const state = this.getWorkflowStaticData('node') as TriggerState;
		const stored = state.scope === http.accountScope ? state.senders : undefined;
		// the current senders themselves are needed only on a first poll or a test run; otherwise
		// each page is compared as it arrives and only the changed senders are kept, so the
		// parsed pages (about 1 KB a sender) are freed young instead of piling up for the GC
		const keepSenders = stored === undefined || this.getMode() === 'manual';
		const senders: Sender[] = [];
		let comparison: SnapshotComparison | undefined;
		const compare = (page: Sender[]) => {
			comparison ??= new SnapshotComparison(unpackSnapshot(stored) ?? emptySnapshot());
			comparison.add(page);
			if (keepSenders) for (const sender of page) senders.push(sender);
		};
		const listedInOneGo = await provider.listSenders(http, {
			statusFilter: provider.listStatusFilters?.includes('all') ? 'all' : undefined,
			onPage: compare,
		});
		compare(listedInOneGo);
		const finished = comparison!.finish();
		const heldBefore = stored === undefined || !state.heldRemovals ? [] : state.heldRemovals.split(',');
		const { snapshot, changes: allChanges, held } = holdMassRemovals(
			unpackSnapshot(stored) ?? emptySnapshot(),
			finished.snapshot,
			finished.changes,
			heldBefore,
			parameters.massRemovalPercent,
		);
		const changed = finished.changed || held.join(',') !== heldBefore.join(',');
		const changes = stored === undefined ? [] : filterChanges(allChanges, parameters.filters);
		const detectedAt = new Date().toISOString();
		const generation = typeof state.generation === 'number' ? state.generation : 0;
		const stateId = `${http.accountScope}:${generation}`;
		const current = (sender: Sender) => eventItem({ event: 'currentState', sender }, provider.id, detectedAt);

		if (this.getMode() === 'manual') {
			items = changes.length > 0
				? changes.map((change) => eventItem(change, provider.id, detectedAt, stateId))
				: filterSenders(senders, parameters.filters).map(current);
		} else if (stored === undefined) {
			state.scope = http.accountScope;
			state.senders = packSnapshot(snapshot);
			state.heldRemovals = '';
			state.generation = 0;
			items = parameters.emitOnFirstPoll ? filterSenders(senders, parameters.filters).map(current) : [];
		} else {
			// an unchanged snapshot is neither packed nor written again: n8n has nothing new to save
			// (state stored as an object by an earlier version is packed on its first poll)
			if (changed || typeof stored !== 'string') {
				state.senders = packSnapshot(snapshot);
				state.heldRemovals = held.join(',');
				state.generation = generation + 1;
			}
			items = changes.map((change) => eventItem(change, provider.id, detectedAt, stateId));
		}
	} catch (error) {
		throw toNodeError(this.getNode(), error);
	}
	return items.length > 0 ? [items] : null;
}
