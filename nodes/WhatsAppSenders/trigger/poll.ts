import { randomBytes } from 'node:crypto';

import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { type SenderChange, SnapshotComparison, type WatchedField } from '../core/diff';
import { filterChanges, filterSenders, matchesSender } from '../core/eventFilter';
import {
	groupLimitChanges,
	groupStatusChanges,
	type LimitChangeGroup,
	type StatusChangeGroup,
} from '../core/limitGroups';
import { holdMassRemovals } from '../core/massRemoval';
import type { Sender } from '../core/sender';
import { placeholderSender, sampleChanges } from '../core/testSamples';
import { InvalidInputError, ProviderApiError, UnexpectedResponseError } from '../core/errors';
import { hashOf } from '../core/hash';
import {
	emptySnapshot,
	encodeFingerprint,
	limitWord,
	packSnapshot,
	unpackSnapshot,
} from '../core/snapshot';
import { resolveProvider } from '../providers';
import { createProviderHttp } from '../transport/http';
import { toNodeError } from '../nodeError';
import { assertCredentialOfProvider } from '../credentialCheck';
import { readTriggerParameters, STATUS_ONLY_EVENTS, type TriggerParameters } from './parameters';
import type { ProviderAdapter } from '../providers/types';

/**
 * What the trigger keeps in workflow static data: whose senders, their fingerprints (packed),
 * and the ids whose removal a suspect listing held back (comma-separated).
 */
interface TriggerState extends IDataObject {
	scope?: string;
	senders?: string;
	heldRemovals?: string;
	/** Random, set with each new baseline: ids of two baselines (another credential, a copied workflow) never meet. */
	epoch?: string;
	/** How many polls emitted items since the baseline (n8n saves the state when a poll emits). */
	generation?: number;
	/** The snapshot keeps the words of limits without a number (absent: written before it did). */
	limitWords?: boolean;
	/**
	 * The provider asked for no requests until then (ms since epoch; a Retry-After longer than a
	 * request may wait), for the account of `pausedScope`: polls send nothing until it has passed.
	 */
	pausedUntil?: number;
	pausedScope?: string;
	/**
	 * A blind spell: since when (ms since epoch) polls fail, how many did, and the cause the
	 * user was told of (one failed execution per cause, not one per poll).
	 */
	blindSince?: number;
	blindFailures?: number;
	blindCause?: string;
	blindMessage?: string;
	/** The account the blind spell is about: another account's poll neither continues nor ends it. */
	blindScope?: string;
}

/** A provider's Retry-After is honoured for this long at most: a wrong one must not silence a trigger for days. */
export const MAX_PAUSE_MS = 2 * 60 * 60_000;

/**
 * What a failure is about, so the same cause failing poll after poll is told once and another
 * cause is told again: the provider's HTTP status and code, or the kind of error.
 */
function causeOf(error: unknown, paused: boolean): string {
	// a pause is always told: it says when polling resumes
	if (paused && error instanceof ProviderApiError)
		return `pause:${error.provider}:${error.message}`;
	if (error instanceof ProviderApiError) {
		// an outage answering 502, then 503, or resetting, then timing out, is one cause
		const kind =
			error.httpStatus === null
				? 'network'
				: error.httpStatus >= 500
					? '5xx'
					: `${error.httpStatus}:${error.providerCode ?? ''}`;
		return `${error.provider}:${kind}`;
	}
	if (error instanceof InvalidInputError) return `input:${error.field}`;
	if (error instanceof UnexpectedResponseError) return `unreadable:${error.provider}`;
	return error instanceof Error ? `${error.name}:${error.message}` : String(error);
}

function clearBlindSpell(state: TriggerState): void {
	for (const key of [
		'pausedUntil',
		'pausedScope',
		'blindSince',
		'blindFailures',
		'blindCause',
		'blindMessage',
		'blindScope',
	] as const)
		delete state[key];
}

/** The item of the Polling Resumed event: the trigger reads its provider again after a blind spell. */
function resumedItem(
	state: TriggerState,
	provider: string,
	detectedAt: string,
	stateId: string,
): INodeExecutionData {
	const blindSince = new Date(state.blindSince!).toISOString();
	return {
		json: {
			eventId: hashOf(stateId, 'pollingResumed', blindSince),
			event: 'pollingResumed',
			provider,
			blindSince,
			failedPolls: state.blindFailures ?? 0,
			lastError: state.blindMessage ?? null,
			detectedAt,
		},
	};
}

/**
 * The one failed execution of a pause, or a test run during one: when the provider is polled
 * again and why. n8n's Error Workflow hears it once; the polls in between are silent.
 */
function pauseError(provider: string, until: number, cause?: ProviderApiError): ProviderApiError {
	const resume = new Date(until).toISOString().replace(/\.\d{3}Z$/, 'Z');
	const seconds =
		cause?.retryAfterMs === undefined ? undefined : Math.round(cause.retryAfterMs / 1000);
	return new ProviderApiError(
		`${provider} asked for no requests until ${resume}: polling resumes then`,
		provider,
		cause?.httpStatus ?? 429,
		cause?.providerCode,
		[
			cause
				? `${cause.message}${seconds === undefined ? '' : ` (Retry-After ${seconds} s)`}.`
				: undefined,
			cause?.description,
			`This trigger sends ${provider} no request before ${resume}, so it does not spend more of the quota; its polls until then end quietly, and the first poll after it reports every change made meanwhile, once.`,
		]
			.filter(Boolean)
			.join(' '),
	);
}

/** What the eventId of a *Fetch Test Event* sample starts with: a made-up change, never a real one. */
export const SAMPLE_ID_PREFIX = 'sample-';

/** The part of a change that identifies it: the field's value before and after, or the sender as it was / is. */
const EVENT_FIELDS: Partial<Record<SenderChange['event'], WatchedField>> = {
	statusChanged: 'status',
	qualityChanged: 'qualityRating',
	messagingLimitChanged: 'messagingLimit',
};

/** A sender's change, or its state on a first poll that emits it (*Emit Current State on First Poll*). */
type EmittedChange = Omit<SenderChange, 'event'> & {
	event: SenderChange['event'] | 'currentState';
};

/**
 * The words of a limit change without a number, before and after, or null when neither side
 * has one: ids of changes between numbers stay as they were before limits kept their words.
 */
function limitWords(
	previous: { messagingLimitText?: string | null },
	current: { messagingLimit: number | null; messagingLimitText?: string | null },
): Array<string | null> | null {
	const words = [previous.messagingLimitText ?? null, limitWord(current) ?? null];
	return words.every((word) => word === null) ? null : words;
}

/** What tells apart two changes whose values read the same: the offline word of a status, the words of a limit without a number. */
function wordOf(field: WatchedField, change: EmittedChange): unknown {
	if (field === 'status') return change.previous.providerStatus ?? null;
	return field === 'messagingLimit' ? limitWords(change.previous, change.sender) : null;
}

/**
 * The same change gets the same id, whichever poll reports it: n8n saves the trigger's state
 * when a poll hands over items, so should n8n die before that, the next poll compares with the
 * same state (same epoch and generation) and reports the change again with the same id; a
 * workflow can drop what it has seen (Remove Duplicates on `eventId`). Each emitting poll
 * moves the generation, so the same change happening again later gets a new id. Only the
 * changed field's before and after count, so another field changing meanwhile keeps the id.
 */
function eventId(stateId: string, change: EmittedChange): string {
	const field = change.event === 'currentState' ? undefined : EVENT_FIELDS[change.event];
	const what = field
		? JSON.stringify([change.previous[field], change.sender[field], wordOf(field, change)])
		: encodeFingerprint(change.sender);
	return hashOf(stateId, change.event, change.sender.id, what);
}

function eventItem(
	change: EmittedChange,
	provider: string,
	detectedAt: string,
	stateId: string,
): INodeExecutionData {
	const json: IDataObject = {
		eventId: eventId(stateId, change),
		event: change.event,
		provider,
		sender: change.sender as unknown as IDataObject,
		previous: change.previous as IDataObject,
		changes: change.changes,
		detectedAt,
	};
	if (change.direction) json.direction = change.direction;
	return { json };
}

/**
 * An account's change as one item: a limit, or a status with its cause. Its id covers the
 * senders it lists: should n8n die before saving, a repeat that lists one more sender is a
 * new id, so that sender is not dropped.
 */
function groupItem(
	group: LimitChangeGroup | StatusChangeGroup,
	provider: string,
	detectedAt: string,
	stateId: string,
): INodeExecutionData {
	const limit = group.event === 'messagingLimitChanged';
	const words = limit ? limitWords(group.previous, group.current) : null;
	const what = JSON.stringify([
		...(limit
			? [group.previous.messagingLimit, group.current.messagingLimit]
			: [group.previous, group.current.status, group.current.providerStatus]),
		group.senders.map((sender) => sender.id),
		...(words ? [words] : []),
	]);
	return {
		json: {
			eventId: hashOf(stateId, group.event, 'account', what),
			event: group.event,
			provider,
			scope: group.scope,
			senderCount: group.senders.length,
			senders: group.senders,
			previous: group.previous as IDataObject,
			current: group.current as unknown as IDataObject,
			changes: group.changes,
			detectedAt,
		},
	};
}

/** The items of a poll's changes: limit changes one per account unless the user asked for one per sender; status changes per account if asked. */
function changeItems(
	changes: SenderChange[],
	parameters: TriggerParameters,
	provider: string,
	detectedAt: string,
	stateId: string,
): INodeExecutionData[] {
	const limits = parameters.groupLimitChanges ? groupLimitChanges(changes) : changes;
	return (parameters.groupStatusChanges ? groupStatusChanges(limits) : limits).map((change) =>
		'scope' in change
			? groupItem(change, provider, detectedAt, stateId)
			: eventItem(change, provider, detectedAt, stateId),
	);
}

/**
 * A test run with no real change to show: one sample per chosen event, from the watched
 * senders (the first *Only Senders* match; a placeholder if the account has none), shaped
 * exactly as the real event, its eventId `sample-…` so nobody takes it for a change.
 */
function testSampleItems(
	senders: Sender[],
	parameters: TriggerParameters,
	provider: ProviderAdapter,
	detectedAt: string,
	stateId: string,
): INodeExecutionData[] {
	const watched = senders.filter((sender) => matchesSender(sender, parameters.filters.senders));
	// no sample of an event the provider can never produce
	const events = provider.withoutQualityAndLimit
		? parameters.filters.events.filter((event) => STATUS_ONLY_EVENTS.includes(event))
		: parameters.filters.events;
	const samples = sampleChanges(
		watched.length > 0 ? watched : [placeholderSender(provider.id)],
		{ ...parameters.filters, events },
		parameters.groupLimitChanges,
	);
	const items = changeItems(samples, parameters, provider.id, detectedAt, stateId);
	if (events.includes('pollingResumed')) {
		const blind: TriggerState = {
			blindSince: Date.parse(detectedAt) - 10 * 60_000,
			blindFailures: 10,
			blindMessage: `Sample: ${provider.displayName} error (HTTP 503)`,
		};
		items.unshift(resumedItem(blind, provider.id, detectedAt, stateId));
	}
	for (const item of items) item.json.eventId = `${SAMPLE_ID_PREFIX}${String(item.json.eventId)}`;
	return items;
}

/**
 * One poll: list every sender, compare with the stored snapshot, emit the changes the user
 * watches. The snapshot is replaced only after the whole listing succeeded; any failure
 * throws before that, so the next good poll reports every change exactly once.
 * A manual "Fetch test event" never moves the stored snapshot: it shows the real changes since
 * the last poll, or samples of the chosen events when there are none.
 */
export async function pollSenders(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	let items: INodeExecutionData[];
	/** The account polled and its provider's name, once known: what a pause or blind spell is about. */
	let watched: { scope: string; provider: string } | undefined;
	const state = this.getWorkflowStaticData('node') as TriggerState;
	const live = this.getMode() !== 'manual';
	try {
		const provider = resolveProvider(this.getNodeParameter('provider'));
		assertCredentialOfProvider(this.getNode(), provider);
		const parameters = readTriggerParameters(this);
		const http = await createProviderHttp(this, provider, { timeoutMs: parameters.timeoutMs });
		const pausedUntil = state.pausedScope === http.accountScope ? (state.pausedUntil ?? 0) : 0;
		if (Date.now() < pausedUntil) {
			if (!live) throw pauseError(provider.displayName, pausedUntil);
			return null;
		}
		watched = { scope: http.accountScope, provider: provider.displayName };
		// state this version cannot read (not the packed string) starts a new baseline, as another account's does
		const stored =
			state.scope === http.accountScope && typeof state.senders === 'string'
				? state.senders
				: undefined;
		// the current senders themselves are needed only on a first poll or a test run; otherwise
		// each page is compared as it arrives and only the changed senders are kept, so the
		// parsed pages (about 1 KB a sender) are freed young instead of piling up for the GC
		const keepSenders = stored === undefined || !live;
		const senders: Sender[] = [];
		const previous = stored === undefined ? emptySnapshot() : unpackSnapshot(stored);
		const comparison = new SnapshotComparison(
			previous,
			stored !== undefined && state.limitWords !== true,
		);
		const compare = (page: Sender[]) => {
			comparison.add(page);
			if (keepSenders) for (const sender of page) senders.push(sender);
		};
		const notices: string[] = [];
		const listedInOneGo = await provider.handlers.list(http, {
			statusFilter: provider.listStatusFilters?.includes('all') ? 'all' : undefined,
			onPage: compare,
			onNotice: (message) => notices.push(message),
		});
		compare(listedInOneGo);
		// a listing made without part of what it reads (Sinch's account: ban state and limit) is
		// not compared: its senders would flip to the fallback values and back, false alerts both ways
		if (notices.length > 0) {
			throw new NodeOperationError(this.getNode(), notices[0], {
				description:
					'The trigger does not compare a listing made without it, so no sender is reported as changed because of the missing data; the stored state is kept and the next poll that reads it compares again.',
			});
		}
		const finished = comparison.finish();
		const heldBefore =
			stored === undefined || !state.heldRemovals ? [] : state.heldRemovals.split(',');
		const {
			snapshot,
			changes: allChanges,
			held,
		} = holdMassRemovals(
			previous,
			finished.snapshot,
			finished.changes,
			heldBefore,
			parameters.massRemovalPercent,
		);
		const changed = finished.changed || held.join(',') !== heldBefore.join(',');
		const changes = stored === undefined ? [] : filterChanges(allChanges, parameters.filters);
		const detectedAt = new Date().toISOString();
		const generation = typeof state.generation === 'number' ? state.generation : 0;
		// a test run's ids are its own: a workflow that records ids must not drop the live event later
		const stateId = `${live ? '' : 'test:'}${http.accountScope}:${String(state.epoch ?? '')}:${generation}`;

		if (!live) {
			items =
				changes.length > 0
					? changeItems(changes, parameters, provider.id, detectedAt, stateId)
					: testSampleItems(senders, parameters, provider, detectedAt, stateId);
		} else if (stored === undefined) {
			state.scope = http.accountScope;
			state.senders = packSnapshot(snapshot);
			state.heldRemovals = '';
			state.epoch = randomBytes(6).toString('hex');
			state.generation = 0;
			const firstId = `${http.accountScope}:${state.epoch}:0`;
			items = parameters.emitOnFirstPoll
				? filterSenders(senders, parameters.filters).map((sender) =>
						eventItem(
							{ event: 'currentState', sender, previous: {}, changes: [] },
							provider.id,
							detectedAt,
							firstId,
						),
					)
				: [];
			if (items.length > 0) state.generation = 1;
		} else {
			// an unchanged snapshot is neither packed nor written again: n8n has nothing new to save
			if (changed) {
				state.senders = packSnapshot(snapshot);
				state.heldRemovals = held.join(',');
			}
			items = changeItems(changes, parameters, provider.id, detectedAt, stateId);
			if (items.length > 0) state.generation = generation + 1;
		}
		if (live && state.blindSince !== undefined) {
			// the blind spell is over: said once, if the user watches it, before the changes made meanwhile
			const ours = state.blindScope === undefined || state.blindScope === http.accountScope;
			if (ours && parameters.filters.events.includes('pollingResumed'))
				items.unshift(resumedItem(state, provider.id, detectedAt, stateId));
			clearBlindSpell(state);
		}
		// every successful live poll leaves a snapshot in today's encoding (an unchanged one is the same bytes)
		if (live && state.scope === http.accountScope) state.limitWords = true;
	} catch (error) {
		// kept in the workflow's static data, which n8n holds between the polls of an active workflow
		let failure = error;
		let paused = false;
		// another account's blind spell (the credential changed) is not this one's: cleared
		// before this account's pause is kept, which clearing it afterwards would drop
		if (live && watched && state.blindScope !== undefined && state.blindScope !== watched.scope)
			clearBlindSpell(state);
		if (watched && live && error instanceof ProviderApiError && error.retryAfterMs !== undefined) {
			paused = true;
			state.pausedUntil = Date.now() + Math.min(error.retryAfterMs, MAX_PAUSE_MS);
			state.pausedScope = watched.scope;
			failure = pauseError(watched.provider, state.pausedUntil, error);
		}
		const nodeError = toNodeError(this.getNode(), failure);
		if (!live) throw nodeError;
		// a blind spell is told once per cause: the same failure poll after poll ends quietly
		const cause = causeOf(failure, paused);
		state.blindFailures = (state.blindFailures ?? 0) + 1;
		if (state.blindSince !== undefined && state.blindCause === cause) {
			this.logger.warn(
				`WhatsApp Senders Trigger still cannot read its provider (${state.blindFailures} polls since ${new Date(state.blindSince).toISOString()}): ${nodeError.message}`,
			);
			return null;
		}
		state.blindSince ??= Date.now();
		state.blindCause = cause;
		if (watched) state.blindScope = watched.scope;
		state.blindMessage = nodeError.message;
		nodeError.description =
			`${nodeError.description ?? ''} This trigger says this once: while the same failure lasts, its polls end quietly; the first poll that reads the provider again reports every change made meanwhile, once, and the Polling Resumed event if it is chosen.`.trim();
		throw nodeError;
	}
	return items.length > 0 ? [items] : null;
}
