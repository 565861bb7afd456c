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

/**
 * Folds the per-sender limit changes that share the same before and after into one group
 * each (a single sender's change is a group of one, so the output has one shape). Other
 * changes keep their order; the groups come after them and before the removals, so each
 * sender's own changes still read status, quality, limit.
 */
export function groupLimitChanges(changes: readonly SenderChange[]): Array<SenderChange | LimitChangeGroup> {
	const groups = new Map<string, LimitChangeGroup>();
	const others: Array<SenderChange | LimitChangeGroup> = [];
	for (const change of changes) {
		if (change.event !== 'messagingLimitChanged') {
			others.push(change);
			continue;
		}
		const sender = change.sender as Sender;
		const previous = {
			messagingLimit: change.previous.messagingLimit ?? null,
			...(change.previous.messagingLimitText !== undefined && { messagingLimitText: change.previous.messagingLimitText }),
		};
		const key = JSON.stringify([previous.messagingLimit, previous.messagingLimitText ?? null, sender.messagingLimit, sender.messagingLimitText]);
		let group = groups.get(key);
		if (!group) {
			group = {
				event: 'messagingLimitChanged',
				scope: 'account',
				senders: [],
				previous,
				current: { messagingLimit: sender.messagingLimit, messagingLimitText: sender.messagingLimitText },
				changes: ['messagingLimit'],
			};
			groups.set(key, group);
		}
		group.senders.push({ id: sender.id, phoneNumber: sender.phoneNumber, displayName: sender.displayName });
	}
	const firstRemoval = others.findIndex((change) => change.event === 'senderRemoved');
	others.splice(firstRemoval === -1 ? others.length : firstRemoval, 0, ...groups.values());
	return others;
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
	current: Pick<Sender, 'status' | 'providerStatus'> & { offlineReasons: NonNullable<Sender['offlineReasons']> };
	changes: ['status'];
}

/** Folds status changes that share their before, after and cause into one group each, placed as limit groups are. */
export function groupStatusChanges(changes: ReadonlyArray<SenderChange | LimitChangeGroup>): Array<SenderChange | LimitChangeGroup | StatusChangeGroup> {
	const groups = new Map<string, StatusChangeGroup>();
	const others: Array<SenderChange | LimitChangeGroup | StatusChangeGroup> = [];
	for (const change of changes) {
		if (change.event !== 'statusChanged' || 'scope' in change) {
			others.push(change);
			continue;
		}
		const sender = change.sender as Sender;
		const reasons = sender.offlineReasons ?? [];
		const previous = {
			status: change.previous.status ?? sender.status,
			...(change.previous.providerStatus !== undefined && { providerStatus: change.previous.providerStatus }),
		};
		const key = JSON.stringify([previous, sender.status, sender.providerStatus, reasons]);
		let group = groups.get(key);
		if (!group) {
			group = {
				event: 'statusChanged',
				scope: 'account',
				senders: [],
				previous,
				current: { status: sender.status, providerStatus: sender.providerStatus, offlineReasons: reasons },
				changes: ['status'],
			};
			groups.set(key, group);
		}
		group.senders.push({ id: sender.id, phoneNumber: sender.phoneNumber, displayName: sender.displayName });
	}
	const firstRemoval = others.findIndex((change) => change.event === 'senderRemoved');
	others.splice(firstRemoval === -1 ? others.length : firstRemoval, 0, ...groups.values());
	return others;
}
