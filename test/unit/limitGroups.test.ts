import {
	groupLimitChanges,
	groupStatusChanges,
} from '../../nodes/WhatsAppSenders/core/limitGroups';
import type { Sender } from '../../nodes/WhatsAppSenders/core/sender';
import { diffSnapshots, takeSnapshot } from '../support/snapshots';

function sender(
	id: string,
	messagingLimit: number | null,
	messagingLimitText: string | null,
	overrides: Partial<Sender> = {},
): Sender {
	return {
		provider: 'metaCloud',
		id,
		phoneNumber: `+5511900000${id}`,
		displayName: `Number ${id}`,
		status: 'ONLINE',
		providerStatus: 'CONNECTED',
		qualityRating: 'GREEN',
		messagingLimit,
		messagingLimitText,
		raw: {},
		...overrides,
	};
}

const portfolioAt2K = takeSnapshot(['1', '2', '3', '4'].map((id) => sender(id, 2000, 'TIER_2K')));

describe('grouping messaging-limit changes', () => {
	it('folds a portfolio moving from 2K to 10K into one change listing every number', () => {
		const changes = diffSnapshots(
			portfolioAt2K,
			['1', '2', '3', '4'].map((id) => sender(id, 10000, 'TIER_10K')),
		);
		expect(groupLimitChanges(changes)).toEqual([
			{
				event: 'messagingLimitChanged',
				scope: 'account',
				senders: ['1', '2', '3', '4'].map((id) => ({
					id,
					phoneNumber: `+5511900000${id}`,
					displayName: `Number ${id}`,
				})),
				previous: { messagingLimit: 2000 },
				current: { messagingLimit: 10000, messagingLimitText: 'TIER_10K' },
				changes: ['messagingLimit'],
			},
		]);
	});

	it('keeps "unlimited" and "not reported" apart, both having no number', () => {
		const changes = diffSnapshots(portfolioAt2K, [
			sender('1', null, 'TIER_UNLIMITED'),
			sender('2', null, 'TIER_UNLIMITED'),
			sender('3', null, null),
			sender('4', 2000, 'TIER_2K'),
		]);
		expect(
			groupLimitChanges(changes).map((group) => [
				'senders' in group && group.senders.length,
				'current' in group && group.current.messagingLimitText,
			]),
		).toEqual([
			[2, 'TIER_UNLIMITED'],
			[1, null],
		]);
	});

	it('keeps the word of a limit without a number on both sides, and one group per previous limit', () => {
		const stored = takeSnapshot([
			sender('1', null, 'TIER_UNLIMITED'),
			sender('2', null, 'TIER_UNLIMITED'),
			sender('3', null, 'TIER_NOT_SET'),
		]);
		const changes = diffSnapshots(
			stored,
			['1', '2', '3'].map((id) => sender(id, 250, 'TIER_250')),
		);
		expect(
			groupLimitChanges(changes).map(
				(group) => 'scope' in group && [group.senders.map((s) => s.id), group.previous],
			),
		).toEqual([
			[['1', '2'], { messagingLimit: null, messagingLimitText: 'TIER_UNLIMITED' }],
			[['3'], { messagingLimit: null, messagingLimitText: 'TIER_NOT_SET' }],
		]);
	});

	it('puts the account changes after the per-sender changes and before the removals', () => {
		const changes = diffSnapshots(portfolioAt2K, [
			sender('1', 10000, 'TIER_10K', { qualityRating: 'RED' }),
			sender('2', 10000, 'TIER_10K'),
			sender('5', 10000, 'TIER_10K'),
		]);
		expect(groupLimitChanges(changes).map((change) => change.event)).toEqual([
			'qualityChanged',
			'senderAdded',
			'messagingLimitChanged',
			'senderRemoved',
			'senderRemoved',
		]);
	});
});

describe('grouping status changes (Group Status Changes)', () => {
	const banned = (id: string) =>
		sender(id, 2000, 'TIER_2K', {
			status: 'OFFLINE',
			providerStatus: 'CONNECTED/BLOCKED',
			offlineReasons: [
				{ code: '141006', message: 'WABA disabled', moreInfo: null, solution: 'Appeal' },
			],
		});

	it('folds the numbers that went OFFLINE for the same cause into one change, and keeps another cause apart', () => {
		const stored = takeSnapshot(['1', '2', '3'].map((id) => sender(id, 2000, 'TIER_2K')));
		const changes = diffSnapshots(stored, [
			banned('1'),
			banned('2'),
			sender('3', 2000, 'TIER_2K', { status: 'OFFLINE', providerStatus: 'BANNED' }),
		]);
		const groups = groupStatusChanges(changes).filter(
			(group) => 'scope' in group && group.event === 'statusChanged',
		);
		expect(
			groups.map(
				(group) =>
					'scope' in group &&
					group.event === 'statusChanged' && [
						group.senders.map((s) => s.id),
						group.current.providerStatus,
					],
			),
		).toEqual([
			[['1', '2'], 'CONNECTED/BLOCKED'],
			[['3'], 'BANNED'],
		]);
	});

	it('keeps numbers with the same provider word but different reasons in separate changes', () => {
		const stored = takeSnapshot(['1', '2'].map((id) => sender(id, 2000, 'TIER_2K')));
		const changes = diffSnapshots(stored, [
			banned('1'),
			sender('2', 2000, 'TIER_2K', {
				status: 'OFFLINE',
				providerStatus: 'CONNECTED/BLOCKED',
				offlineReasons: [
					{ code: '131031', message: 'Business account locked', moreInfo: null, solution: null },
				],
			}),
		]);
		const groups = groupStatusChanges(changes).filter((group) => 'scope' in group);
		expect(groups.map((group) => 'scope' in group && group.senders.map((s) => s.id))).toEqual([
			['1'],
			['2'],
		]);
	});
});
