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
