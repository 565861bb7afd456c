import { decodeFingerprint, type Fingerprint, type Snapshot, takeSnapshot } from './snapshot';
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
 * The changes between the last snapshot and the senders listed now, in a stable order
 * (by sender id, then status, quality, limit; removals last). Pure: the trigger stores the
 * new snapshot only after a poll that fully succeeded, so nothing is lost or repeated.
 * The trigger passes the snapshot it is about to store, so every sender is encoded once a poll.
 * A sender listed twice counts once (the last entry wins); a number written differently
 * is the same number, because both sides are normalized to E.164.
 */
export function diffSnapshots(
	previous: Snapshot,
	current: readonly Sender[],
	currentSnapshot: Snapshot = takeSnapshot(current),
): SenderChange[] {
	const byId = new Map<string, Sender>();
	for (const sender of current) byId.set(sender.id, sender);
	const changes: SenderChange[] = [];
	const ids = [...byId.keys()].sort();
	for (const id of ids) {
		const sender = byId.get(id)!;
		const before = previous[id];
		if (before === undefined) {
			changes.push({ event: 'senderAdded', sender, previous: {}, changes: [] });
			continue;
		}
		if (before === currentSnapshot[id]) continue;
		const old = decodeFingerprint(before);
		const changed = FIELD_EVENTS.filter(([field]) => old[field] !== sender[field]);
		const fields = changed.map(([field]) => field);
		const previousValues: Partial<Fingerprint> = {};
		for (const field of fields) Object.assign(previousValues, { [field]: old[field] });
		for (const [field, event] of changed) {
			const change: SenderChange = { event, sender, previous: previousValues, changes: fields };
			if (field === 'qualityRating') {
				const direction = qualityDirection(old.qualityRating, sender.qualityRating);
				if (direction) change.direction = direction;
			}
			changes.push(change);
		}
	}
	for (const id of Object.keys(previous).sort()) {
		if (!byId.has(id)) {
			changes.push({ event: 'senderRemoved', sender: { id, ...decodeFingerprint(previous[id]) }, previous: {}, changes: [] });
		}
	}
	return changes;
}
