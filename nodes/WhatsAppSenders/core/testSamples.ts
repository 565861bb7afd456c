import { qualityDirection, type SenderChange, type SenderEventName } from './diff';
import { allows, type EventFilters } from './eventFilter';
import type { QualityRating, Sender, SenderStatus } from './sender';
import { decodeFingerprint, encodeFingerprint } from './snapshot';

/**
 * Sample changes for *Fetch Test Event* when nothing changed since the last poll: one per
 * chosen event, built from a real sender of the account, in exactly the shape a real change
 * of that kind has, so the expressions a user builds on the test output
 * (`{{ $json.previous.qualityRating }}`) find their fields when a real event arrives.
 * The "before" side is made up (a plausible neighbouring value); the sender and its current
 * values are real. The caller marks the items as samples (eventId `sample-…`).
 */

/** The rating a quality change most likely came from: one step better (a downgrade) where there is one. */
const QUALITY_BEFORE: Record<
	'downgrade' | 'upgrade',
	Partial<Record<QualityRating, QualityRating>>
> = {
	downgrade: { YELLOW: 'GREEN', RED: 'YELLOW' },
	upgrade: { GREEN: 'YELLOW', YELLOW: 'RED' },
};

/** The status a sender usually comes from on its way to this one (onboarding, or going offline). */
const STATUS_BEFORE: Record<SenderStatus, SenderStatus> = {
	ONLINE: 'PENDING',
	LIMITED: 'ONLINE',
	OFFLINE: 'ONLINE',
	PENDING: 'VERIFYING',
	VERIFYING: 'PENDING_VERIFICATION',
	PENDING_VERIFICATION: 'PENDING',
	NOT_FOUND: 'ONLINE',
	UNKNOWN: 'ONLINE',
};

/** Meta's tiers (and Twilio's, Autocalls'): a sample limit change is the step up to the sender's limit. */
const LIMIT_TIERS = [250, 1000, 2000, 10000, 100000];

function limitBefore(current: number | null): number | null {
	if (current === null) return LIMIT_TIERS[LIMIT_TIERS.length - 1];
	const lower = LIMIT_TIERS.filter((tier) => tier < current);
	return lower.length > 0 ? lower[lower.length - 1] : LIMIT_TIERS.find((tier) => tier > current)!;
}

function qualityBefore(
	after: QualityRating,
	wanted: EventFilters['qualityDirection'],
): QualityRating | undefined {
	if (wanted !== 'any') return QUALITY_BEFORE[wanted][after];
	if (after === 'UNKNOWN') return 'GREEN';
	return QUALITY_BEFORE.downgrade[after] ?? QUALITY_BEFORE.upgrade[after];
}

/** A stand-in when the account has no sender the filters watch: the shape still shows, the values say sample. */
export function placeholderSender(provider: string): Sender {
	return {
		provider,
		id: 'sample',
		phoneNumber: '+15555550100',
		displayName: 'Sample sender',
		status: 'ONLINE',
		providerStatus: null,
		qualityRating: 'YELLOW',
		messagingLimit: 1000,
		messagingLimitText: null,
		raw: {},
	};
}

/**
 * One sample per chosen event, in the order real changes come (a sender's added, status,
 * quality and limit changes; removals last), each from the first watched sender that a real
 * change of that kind could pass the filters with (quality/status "becomes", quality
 * direction); if none could, from the first watched sender all the same. `senders` are the
 * senders the *Only Senders* filter watches, at least one (see placeholderSender).
 * With `grouped` limit changes, every sender sharing the chosen sender's limit is in the sample,
 * as they would be in a real account-wide change.
 */
export function sampleChanges(
	senders: readonly Sender[],
	filters: EventFilters,
	grouped: boolean,
): SenderChange[] {
	const wanted = (event: SenderEventName) => filters.events.includes(event);
	const first = senders[0];
	const changes: SenderChange[] = [];
	if (wanted('senderAdded'))
		changes.push({ event: 'senderAdded', sender: first, previous: {}, changes: [] });
	if (wanted('statusChanged')) {
		const sender = senders.find((s) => allows(filters.statusBecomes, s.status)) ?? first;
		changes.push({
			event: 'statusChanged',
			sender,
			previous: { status: STATUS_BEFORE[sender.status] },
			changes: ['status'],
		});
	}
	if (wanted('qualityChanged')) {
		const fits = (s: Sender) =>
			allows(filters.qualityBecomes, s.qualityRating) &&
			qualityBefore(s.qualityRating, filters.qualityDirection) !== undefined;
		const sender =
			senders.find((s) => fits(s) && s.qualityRating !== 'UNKNOWN') ?? senders.find(fits) ?? first;
		const before =
			qualityBefore(sender.qualityRating, filters.qualityDirection) ??
			qualityBefore(sender.qualityRating, 'any')!;
		const direction = qualityDirection(before, sender.qualityRating);
		changes.push({
			event: 'qualityChanged',
			sender,
			previous: { qualityRating: before },
			changes: ['qualityRating'],
			...(direction && { direction }),
		});
	}
	if (wanted('messagingLimitChanged')) {
		const chosen = senders.find((s) => s.messagingLimit !== null) ?? first;
		const alike = grouped
			? senders.filter(
					(s) =>
						s.messagingLimit === chosen.messagingLimit &&
						s.messagingLimitText === chosen.messagingLimitText,
				)
			: [chosen];
		const previous = { messagingLimit: limitBefore(chosen.messagingLimit) };
		for (const sender of alike)
			changes.push({
				event: 'messagingLimitChanged',
				sender,
				previous,
				changes: ['messagingLimit'],
			});
	}
	if (wanted('senderRemoved')) {
		// a removed sender is known only by what the trigger remembered of it
		changes.push({
			event: 'senderRemoved',
			sender: { id: first.id, ...decodeFingerprint(encodeFingerprint(first)) },
			previous: {},
			changes: [],
		});
	}
	return changes;
}
