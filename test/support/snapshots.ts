import { type SenderChange, SnapshotComparison } from '../../nodes/WhatsAppSenders/core/diff';
import type { Sender } from '../../nodes/WhatsAppSenders/core/sender';
import {
	emptySnapshot,
	encodeFingerprint,
	type Snapshot,
} from '../../nodes/WhatsAppSenders/core/snapshot';

/**
 * Whole-listing shortcuts for the tests and the benchmark. The trigger never holds a whole
 * listing: it compares each page as it arrives (SnapshotComparison), so these stay out of the package.
 */

/** The stored snapshot of these senders, as a first poll would leave it. */
export function takeSnapshot(senders: readonly Sender[]): Snapshot {
	const snapshot = emptySnapshot();
	for (const sender of senders) snapshot[sender.id] = encodeFingerprint(sender);
	return snapshot;
}

/** The changes between a stored snapshot and a whole listing. */
export function diffSnapshots(previous: Snapshot, current: readonly Sender[]): SenderChange[] {
	return new SnapshotComparison(previous).add(current).finish().changes;
}
