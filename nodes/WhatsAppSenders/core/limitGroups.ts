import type { SenderChange } from './diff';
import type { Sender } from './sender';

/**
 * One messaging-limit change of the account, covering every sender that made it in the same
 * poll. Since October 2025 Meta's limit belongs to the business portfolio: when it moves,
 * every number of the account reports the new value at once, and one alert is what a user
 * wants, not one per number.
 */
export interface LimitChangeGroup {
	event: 'messagingLimitChanged';
	scope: 'account';
	/** The senders that made this change, in the order of the changes (by id). */
	senders: Array<Pick<Sender, 'id' | 'phoneNumber' | 'displayName'>>;
	/** The limit before; its word when it had no number (TIER_UNLIMITED, TIER_NOT_SET…). */
	previous: { messagingLimit: number | null; messagingLimitText?: string | null };
	current: Pick<Sender, 'messagingLimit' | 'messagingLimitText'>;
	changes: ['messagingLimit'];
}

type AccountGroup = LimitChangeGroup | StatusChangeGroup;
type Grouped<G> = Array<SenderChange | AccountGroup | G>;

/**
 * Folds the per-sender changes of one event that share a key into one account group each (a
 * single sender's change is a group of one, so the output has one shape). Other changes keep
 * their order; the groups come after them and before the removals, so each sender's own
 * changes still read status, quality, limit.
 */
function foldIntoGroups<G extends AccountGroup>(
	changes: ReadonlyArray<SenderChange | AccountGroup>,
	event: G['event'],
	groupOf: (change: SenderChange, sender: Sender) => G,
	keyOf: (group: G) => string,
): Grouped<G> {
	const groups = new Map<string, G>();
	const others: Grouped<G> = [];
	for (const change of changes) {
		if (change.event !== event || 'scope' in change) {
			others.push(change);
			continue;
		}
		const sender = change.sender as Sender;
		const candidate = groupOf(change, sender);
		const key = keyOf(candidate);
		const group = groups.get(key) ?? candidate;
		groups.set(key, group);
		group.senders.push({
			id: sender.id,
			phoneNumber: sender.phoneNumber,
			displayName: sender.displayName,
		});
	}
	const firstRemoval = others.findIndex((change) => change.event === 'senderRemoved');
	others.splice(firstRemoval === -1 ? others.length : firstRemoval, 0, ...groups.values());
	return others;
}

/** The limit changes that share the same before and after, one group each. */
export function groupLimitChanges(
	changes: readonly SenderChange[],
): Array<SenderChange | LimitChangeGroup> {
	return foldIntoGroups<LimitChangeGroup>(
		changes,
		'messagingLimitChanged',
		(change, sender) => ({
			event: 'messagingLimitChanged',
			scope: 'account',
			senders: [],
			previous: {
				messagingLimit: change.previous.messagingLimit ?? null,
				...(change.previous.messagingLimitText !== undefined && {
					messagingLimitText: change.previous.messagingLimitText,
				}),
			},
			current: {
				messagingLimit: sender.messagingLimit,
				messagingLimitText: sender.messagingLimitText,
			},
			changes: ['messagingLimit'],
		}),
		({ previous, current }) =>
			JSON.stringify([
				previous.messagingLimit,
				previous.messagingLimitText ?? null,
				current.messagingLimit,
				current.messagingLimitText,
			]),
	) as Array<SenderChange | LimitChangeGroup>;
}

/**
 * One status change of the account: the senders that moved from the same status to the same
 * status for the same cause (the provider's word and reasons) in one poll, e.g. every number
 * of a WhatsApp Business Account that was disabled. Opt-in (*Group Status Changes*).
 */
export interface StatusChangeGroup {
	event: 'statusChanged';
	scope: 'account';
	senders: Array<Pick<Sender, 'id' | 'phoneNumber' | 'displayName'>>;
	previous: { status: Sender['status']; providerStatus?: string | null };
	current: Pick<Sender, 'status' | 'providerStatus'> & {
		offlineReasons: NonNullable<Sender['offlineReasons']>;
	};
	changes: ['status'];
}

/** Folds status changes that share their before, after and cause into one group each, placed as limit groups are. */
export function groupStatusChanges(
	changes: ReadonlyArray<SenderChange | LimitChangeGroup>,
): Array<SenderChange | LimitChangeGroup | StatusChangeGroup> {
	return foldIntoGroups<StatusChangeGroup>(
		changes,
		'statusChanged',
		(change, sender) => ({
			event: 'statusChanged',
			scope: 'account',
			senders: [],
			previous: {
				status: change.previous.status ?? sender.status,
				...(change.previous.providerStatus !== undefined && {
					providerStatus: change.previous.providerStatus,
				}),
			},
			current: {
				status: sender.status,
				providerStatus: sender.providerStatus,
				offlineReasons: sender.offlineReasons ?? [],
			},
			changes: ['status'],
		}),
		({ previous, current }) =>
			JSON.stringify([previous, current.status, current.providerStatus, current.offlineReasons]),
	);
}
