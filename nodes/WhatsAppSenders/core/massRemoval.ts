import type { SenderChange } from './diff';
import { emptySnapshot, type Snapshot } from './snapshot';

/**
 * Providers in trouble sometimes answer 200 with an empty or cut-short list. Reporting that
 * as removals would wake someone for every number, and again for every number coming back.
 * So a listing that loses all known senders, or more than `thresholdPercent` of them, is
 * suspect: its removals are held (the senders stay in the stored state) and reported only if
 * the next poll confirms them. Adds and field changes of a suspect listing are reported as
 * usual, and stored, so nothing is reported twice.
 */
export interface MassRemovalResult {
	/** The changes to report now. */
	changes: SenderChange[];
	/** The snapshot to store: the listing plus the senders whose removal is held. */
	snapshot: Snapshot;
	/** Ids whose removal is held until the next poll. */
	held: string[];
}

export const DEFAULT_MASS_REMOVAL_PERCENT = 50;

export function holdMassRemovals(
	previous: Snapshot,
	listed: Snapshot,
	changes: readonly SenderChange[],
	heldBefore: readonly string[],
	thresholdPercent: number = DEFAULT_MASS_REMOVAL_PERCENT,
): MassRemovalResult {
	const wasHeld = new Set(heldBefore);
	const removals = changes.filter((change) => change.event === 'senderRemoved');
	// a held sender missing again is confirmed and reported now; only fresh removals can be suspect
	const fresh = removals.filter((change) => !wasHeld.has(change.sender.id));
	if (fresh.length === 0) return { changes: [...changes], snapshot: listed, held: [] };
	// counted only when something is missing: most polls remove nothing
	const known = Object.keys(previous).length;
	const suspect = fresh.length === known || (fresh.length * 100) / known > thresholdPercent;
	if (!suspect) return { changes: [...changes], snapshot: listed, held: [] };

	const snapshot = Object.assign(emptySnapshot(), listed);
	for (const change of fresh) snapshot[change.sender.id] = previous[change.sender.id];
	return {
		changes: changes.filter(
			(change) => change.event !== 'senderRemoved' || wasHeld.has(change.sender.id),
		),
		snapshot,
		held: fresh.map((change) => change.sender.id).sort(),
	};
}
