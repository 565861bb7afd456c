import { SENDER_EVENTS, type SenderChange } from './diff';
import { toE164 } from './normalize';
import type { QualityRating, Sender, SenderStatus } from './sender';

export type QualityDirectionFilter = 'any' | 'downgrade' | 'upgrade';

/** What the trigger can announce besides sender changes: it reads its provider again after failed polls. */
export const TRIGGER_EVENTS = [...SENDER_EVENTS, 'pollingResumed'] as const;
export type TriggerEventName = (typeof TRIGGER_EVENTS)[number];

export interface EventFilters {
	events: readonly TriggerEventName[];
	/** Sender ids and E.164 numbers; empty = every sender. */
	senders: readonly string[];
	qualityBecomes: readonly QualityRating[];
	statusBecomes: readonly SenderStatus[];
	qualityDirection: QualityDirectionFilter;
}

/** Splits "+1 415 555 0100, XE…\n12" into ids and E.164 numbers. */
export function parseSenderList(text: string): string[] {
	return text
		.split(/[,;\n]/)
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '')
		.map((entry) => (/^[+0-9][0-9\s().-]*$/.test(entry) && toE164(entry)) || entry);
}

function matchesSender(
	sender: SenderChange['sender'] | Sender,
	senders: readonly string[],
): boolean {
	if (senders.length === 0) return true;
	return (
		senders.includes(sender.id) ||
		(sender.phoneNumber !== null && senders.includes(sender.phoneNumber))
	);
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
		if (change.event === 'qualityChanged') {
			if (
				filters.qualityBecomes.length > 0 &&
				!filters.qualityBecomes.includes(change.sender.qualityRating)
			)
				return false;
			if (filters.qualityDirection !== 'any' && change.direction !== filters.qualityDirection)
				return false;
		}
		if (change.event === 'statusChanged' && filters.statusBecomes.length > 0) {
			return filters.statusBecomes.includes(change.sender.status);
		}
		return true;
	});
}

/** For "emit current state" and manual test runs: the senders the filters would watch. */
export function filterSenders(senders: readonly Sender[], filters: EventFilters): Sender[] {
	return senders.filter(
		(sender) =>
			matchesSender(sender, filters.senders) &&
			(filters.qualityBecomes.length === 0 ||
				filters.qualityBecomes.includes(sender.qualityRating)) &&
			(filters.statusBecomes.length === 0 || filters.statusBecomes.includes(sender.status)),
	);
}
