import { SENDER_EVENTS, type SenderChange } from './diff';
import { toE164 } from './normalize';
import type { QualityRating, Sender, SenderStatus } from './sender';

/** What the trigger can announce besides sender changes: it reads its provider again after failed polls. */
export const TRIGGER_EVENTS = [...SENDER_EVENTS, 'pollingResumed'] as const;
export type TriggerEventName = (typeof TRIGGER_EVENTS)[number];

export interface EventFilters {
	events: readonly TriggerEventName[];
	/** Sender ids and E.164 numbers; empty = every sender. */
	senders: readonly string[];
	qualityBecomes: readonly QualityRating[];
	statusBecomes: readonly SenderStatus[];
	qualityDirection: 'any' | 'downgrade' | 'upgrade';
}

/** Splits "+1 415 555 0100, XE…\n12" into ids and E.164 numbers. */
export function parseSenderList(text: string): string[] {
	return text
		.split(/[,;\n]/)
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '')
		.map((entry) => (/^[+0-9][0-9\s().-]*$/.test(entry) && toE164(entry)) || entry);
}

/** Whether the sender is one the *Only Senders* filter names (by id or number); an empty one names all. */
export function matchesSender(
	sender: SenderChange['sender'] | Sender,
	senders: readonly string[],
): boolean {
	if (senders.length === 0) return true;
	return (
		senders.includes(sender.id) ||
		(sender.phoneNumber !== null && senders.includes(sender.phoneNumber))
	);
}

/** Whether a "becomes" filter lets the value through: an empty one lets every value through. */
export function allows<T>(becomes: readonly T[], value: T): boolean {
	return becomes.length === 0 || becomes.includes(value);
}

/**
 * Keeps the changes the user asked for. "Quality becomes" and "direction" narrow quality
 * changes only, "status becomes" narrows status changes only; other events pass them.
 */
export function filterChanges(
	changes: readonly SenderChange[],
	filters: EventFilters,
): SenderChange[] {
	return changes.filter((change) => {
		if (!filters.events.includes(change.event) || !matchesSender(change.sender, filters.senders))
			return false;
		if (change.event === 'qualityChanged')
			return (
				allows(filters.qualityBecomes, change.sender.qualityRating) &&
				(filters.qualityDirection === 'any' || change.direction === filters.qualityDirection)
			);
		if (change.event === 'statusChanged')
			return allows(filters.statusBecomes, change.sender.status);
		return true;
	});
}

/** For "emit current state" and manual test runs: the senders the filters would watch. */
export function filterSenders(senders: readonly Sender[], filters: EventFilters): Sender[] {
	return senders.filter(
		(sender) =>
			matchesSender(sender, filters.senders) &&
			allows(filters.qualityBecomes, sender.qualityRating) &&
			allows(filters.statusBecomes, sender.status),
	);
}
