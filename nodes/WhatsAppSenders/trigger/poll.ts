import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import type { SenderChange } from '../core/diff';
import { detectChanges, filterSenders } from '../core/eventFilter';
import type { Sender } from '../core/sender';
import { type Snapshot, takeSnapshot } from '../core/snapshot';
import { resolveProvider } from '../providers';
import { createProviderHttp } from '../transport/http';
import { toNodeError } from '../transport/nodeError';
import { readTriggerParameters } from './parameters';

/** What the trigger keeps in workflow static data: whose senders, and their fingerprints. */
interface TriggerState extends IDataObject {
	scope?: string;
	senders?: Snapshot;
}

function eventItem(
	change: Pick<SenderChange, 'event' | 'sender' | 'previous' | 'changes' | 'direction'> | { event: 'currentState'; sender: Sender },
	provider: string,
	detectedAt: string,
): INodeExecutionData {
	const json: IDataObject = {
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
		const senders = await provider.listSenders(http, {
			statusFilter: provider.listStatusFilters?.includes('all') ? 'all' : undefined,
		});
		const state = this.getWorkflowStaticData('node') as TriggerState;
		const baseline = state.scope === http.accountScope ? state.senders : undefined;
		const detectedAt = new Date().toISOString();
		const current = (sender: Sender) => eventItem({ event: 'currentState', sender }, provider.id, detectedAt);

		if (this.getMode() === 'manual') {
			const changes = baseline ? detectChanges(baseline, senders, parameters.filters).changes : [];
			items = changes.length > 0
				? changes.map((change) => eventItem(change, provider.id, detectedAt))
				: filterSenders(senders, parameters.filters).map(current);
		} else if (!baseline) {
			state.scope = http.accountScope;
			state.senders = takeSnapshot(senders);
			items = parameters.emitOnFirstPoll ? filterSenders(senders, parameters.filters).map(current) : [];
		} else {
			const { snapshot, changes } = detectChanges(baseline, senders, parameters.filters);
			state.senders = snapshot;
			items = changes.map((change) => eventItem(change, provider.id, detectedAt));
		}
	} catch (error) {
		throw toNodeError(this.getNode(), error);
	}
	return items.length > 0 ? [items] : null;
}
