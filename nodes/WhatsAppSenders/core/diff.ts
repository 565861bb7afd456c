import {
	decodeFingerprint,
	emptySnapshot,
	encodeFingerprint,
	type Fingerprint,
	limitWord,
	offlineWord,
	type Snapshot,
} from './snapshot';
import type { QualityRating, Sender } from './sender';

export const SENDER_EVENTS = [
	'senderAdded',
	'senderRemoved',
	'statusChanged',
	'qualityChanged',
	'messagingLimitChanged',
] as const;
export type SenderEventName = (typeof SENDER_EVENTS)[number];

export type WatchedField = 'status' | 'qualityRating' | 'messagingLimit';

/** A removed sender is known only by what the snapshot kept. */
export type RemovedSender = Fingerprint & { id: string };

export interface SenderChange {
	event: SenderEventName;
	sender: Sender | RemovedSender;
	/** The changed fields, before. */
	previous: Partial<Fingerprint>;
	/** Every watched field that changed on this sender in this poll. */
	changes: WatchedField[];
	direction?: 'downgrade' | 'upgrade';
}

const QUALITY_RANK: Record<QualityRating, number | undefined> = {
	GREEN: 3,
	YELLOW: 2,
	RED: 1,
	UNKNOWN: undefined,
};

const FIELD_EVENTS: Array<[WatchedField, SenderEventName]> = [
	['status', 'statusChanged'],
	['qualityRating', 'qualityChanged'],
	['messagingLimit', 'messagingLimitChanged'],
];

export function qualityDirection(
	before: QualityRating,
	after: QualityRating,
): 'downgrade' | 'upgrade' | undefined {
	const from = QUALITY_RANK[before];
	const to = QUALITY_RANK[after];
	if (from === undefined || to === undefined || from === to) return undefined;
	return to < from ? 'downgrade' : 'upgrade';
}

/**
 * Compares the senders of a listing with the stored snapshot as the pages arrive, so a
 * poll never holds every page at once; `finish` adds the removals and returns the new
 * snapshot and the changes. Each sender is encoded and compared once; only
 * the few that changed are decoded and sorted. A sender listed twice counts once (the last
 * entry wins); a number written differently is the same number, both sides being E.164.
 */
export class SnapshotComparison {
	readonly snapshot: Snapshot = emptySnapshot();

	private readonly changed = new Map<string, Sender>();

	/**
	 * `wordlessLimits`: the stored snapshot was written before limits kept their words, so a
	 * limit without a number stored there may have been any of them: one that now shows its word
	 * is not a change (no false alert on the first poll after an update).
	 */
	constructor(
		private readonly previous: Snapshot,
		private readonly wordlessLimits = false,
	) {}

	add(senders: readonly Sender[]): this {
		for (const sender of senders) {
			const code = encodeFingerprint(sender);
			this.snapshot[sender.id] = code;
			if (this.previous[sender.id] === code) this.changed.delete(sender.id);
			else this.changed.set(sender.id, sender);
		}
		return this;
	}

	/**
	 * The changes in a stable order: by sender id, then status, quality, limit; removals last;
	 * and whether the snapshot differs from the stored one at all. Pure: the trigger stores the new snapshot only after a poll that fully succeeded, so
	 * nothing is lost or repeated.
	 */
	finish(): { snapshot: Snapshot; changes: SenderChange[]; changed: boolean } {
		const changes: SenderChange[] = [];
		for (const id of [...this.changed.keys()].sort()) {
			const sender = this.changed.get(id)!;
			const before = this.previous[id];
			if (before === undefined)
				changes.push({ event: 'senderAdded', sender, previous: {}, changes: [] });
			else changes.push(...fieldChanges(sender, before, this.wordlessLimits));
		}
		const removed = Object.keys(this.previous)
			.filter((id) => this.snapshot[id] === undefined)
			.sort();
		for (const id of removed) {
			changes.push({
				event: 'senderRemoved',
				sender: { id, ...decodeFingerprint(this.previous[id]) },
				previous: {},
				changes: [],
			});
		}
		// a number written anew changes the snapshot without any event
		return {
			snapshot: this.snapshot,
			changes,
			changed: this.changed.size > 0 || removed.length > 0,
		};
	}
}

/**
 * The status changed, or an OFFLINE sender is now offline for another reason (switched off →
 * suspended by Meta). A fingerprint stored when the provider gave no word has none to compare.
 */
function statusDiffers(old: Fingerprint, sender: Sender): boolean {
	if (old.status !== sender.status) return true;
	return old.providerStatus !== undefined && old.providerStatus !== offlineWord(sender);
}

/**
 * The limit changed: another number, a number to a word or back, or one word to another
 * (TIER_UNLIMITED → TIER_NOT_SET), each side being the provider's own word.
 */
function limitDiffers(old: Fingerprint, sender: Sender, wordlessLimits: boolean): boolean {
	if (old.messagingLimit !== sender.messagingLimit) return true;
	if (sender.messagingLimit !== null) return false;
	if (wordlessLimits && old.messagingLimitText === undefined) return false;
	return (old.messagingLimitText ?? undefined) !== limitWord(sender);
}

/** One change per watched field that differs from the stored code, each listing all of them. */
function fieldChanges(sender: Sender, before: string, wordlessLimits: boolean): SenderChange[] {
	const old = decodeFingerprint(before);
	const differs: Record<WatchedField, boolean> = {
		status: statusDiffers(old, sender),
		qualityRating: old.qualityRating !== sender.qualityRating,
		messagingLimit: limitDiffers(old, sender, wordlessLimits),
	};
	const changed = FIELD_EVENTS.filter(([field]) => differs[field]);
	const fields = changed.map(([field]) => field);
	const previous: Partial<Fingerprint> = {};
	for (const field of fields) Object.assign(previous, { [field]: old[field] });
	if (differs.status && old.providerStatus !== undefined)
		previous.providerStatus = old.providerStatus;
	if (differs.messagingLimit && old.messagingLimitText !== undefined)
		previous.messagingLimitText = old.messagingLimitText;
	const direction = qualityDirection(old.qualityRating, sender.qualityRating);
	return changed.map(([field, event]) => ({
		event,
		sender,
		previous,
		changes: fields,
		...(field === 'qualityRating' && direction && { direction }),
	}));
}
