import { decodeFingerprint, emptySnapshot, encodeFingerprint, type Fingerprint, offlineWord, type Snapshot } from './snapshot';
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

export function qualityDirection(before: QualityRating, after: QualityRating): 'downgrade' | 'upgrade' | undefined {
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

	constructor(private readonly previous: Snapshot) {}

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
			if (before === undefined) changes.push({ event: 'senderAdded', sender, previous: {}, changes: [] });
			else changes.push(...fieldChanges(sender, before));
		}
		const removed = Object.keys(this.previous).filter((id) => this.snapshot[id] === undefined).sort();
		for (const id of removed) {
			changes.push({ event: 'senderRemoved', sender: { id, ...decodeFingerprint(this.previous[id]) }, previous: {}, changes: [] });
		}
		// a number written anew changes the snapshot without any event
		return { snapshot: this.snapshot, changes, changed: this.changed.size > 0 || removed.length > 0 };
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

/** One change per watched field that differs from the stored code, each listing all of them. */
function fieldChanges(sender: Sender, before: string): SenderChange[] {
	const old = decodeFingerprint(before);
	const changed = FIELD_EVENTS.filter(([field]) => (field === 'status' ? statusDiffers(old, sender) : old[field] !== sender[field]));
	const fields = changed.map(([field]) => field);
	const previousValues: Partial<Fingerprint> = {};
	for (const field of fields) Object.assign(previousValues, { [field]: old[field] });
	if (fields.includes('status') && old.providerStatus !== undefined) previousValues.providerStatus = old.providerStatus;
	return changed.map(([field, event]) => {
		const change: SenderChange = { event, sender, previous: previousValues, changes: fields };
		if (field === 'qualityRating') {
			const direction = qualityDirection(old.qualityRating, sender.qualityRating);
			if (direction) change.direction = direction;
		}
		return change;
	});
}
