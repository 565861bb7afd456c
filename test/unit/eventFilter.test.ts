import type { SenderChange } from '../../nodes/WhatsAppSenders/core/diff';
import { type EventFilters, filterChanges } from '../../nodes/WhatsAppSenders/core/eventFilter';
import type { QualityRating, SenderStatus } from '../../nodes/WhatsAppSenders/core/sender';

const every: EventFilters = {
	events: [
		'senderAdded',
		'senderRemoved',
		'statusChanged',
		'qualityChanged',
		'messagingLimitChanged',
	],
	senders: [],
	qualityBecomes: [],
	statusBecomes: [],
	qualityDirection: 'any',
};

const base = { phoneNumber: '+14155550100', displayName: null, provider: 'twilio', raw: {} };

function qualityChange(id: string, from: QualityRating, to: QualityRating): SenderChange {
	const rank = { GREEN: 0, YELLOW: 1, RED: 2, UNKNOWN: -1 };
	return {
		event: 'qualityChanged',
		sender: {
			...base,
			id,
			status: 'ONLINE',
			providerStatus: null,
			qualityRating: to,
			messagingLimit: 1000,
			messagingLimitText: null,
		},
		previous: { qualityRating: from },
		changes: ['qualityRating'],
		direction: rank[to] > rank[from] ? 'downgrade' : 'upgrade',
	};
}

function statusChange(
	id: string,
	from: SenderStatus,
	to: SenderStatus,
	phoneNumber = base.phoneNumber,
): SenderChange {
	return {
		event: 'statusChanged',
		sender: {
			...base,
			id,
			phoneNumber,
			status: to,
			providerStatus: null,
			qualityRating: 'GREEN',
			messagingLimit: 1000,
			messagingLimitText: null,
		},
		previous: { status: from },
		changes: ['status'],
	};
}

const ids = (changes: SenderChange[]) => changes.map((change) => change.sender.id);

describe('Which changes the trigger emits (its filters)', () => {
	const changes = [
		qualityChange('worse', 'GREEN', 'YELLOW'),
		qualityChange('better', 'RED', 'YELLOW'),
		statusChange('offline', 'ONLINE', 'OFFLINE'),
	];

	it('Quality Direction "Downgrade Only" keeps a quality that got worse and drops one that got better', () => {
		expect(ids(filterChanges(changes, { ...every, qualityDirection: 'downgrade' }))).toEqual([
			'worse',
			'offline',
		]);
	});

	it('Quality Direction "Upgrade Only" keeps a quality that got better and drops one that got worse', () => {
		expect(ids(filterChanges(changes, { ...every, qualityDirection: 'upgrade' }))).toEqual([
			'better',
			'offline',
		]);
	});

	it('Only When Quality Becomes narrows quality changes and lets status changes through', () => {
		expect(ids(filterChanges(changes, { ...every, qualityBecomes: ['RED'] }))).toEqual(['offline']);
	});

	it('Only When Status Becomes narrows status changes and lets quality changes through', () => {
		expect(ids(filterChanges(changes, { ...every, statusBecomes: ['ONLINE'] }))).toEqual([
			'worse',
			'better',
		]);
	});

	it('Only Senders matches a sender by its ID or by its number', () => {
		const two = [
			statusChange('XE1', 'ONLINE', 'OFFLINE', '+14155550101'),
			statusChange('XE2', 'ONLINE', 'OFFLINE', '+14155550102'),
		];
		expect(ids(filterChanges(two, { ...every, senders: ['XE1'] }))).toEqual(['XE1']);
		expect(ids(filterChanges(two, { ...every, senders: ['+14155550102'] }))).toEqual(['XE2']);
	});

	it('drops the events that are not chosen', () => {
		expect(ids(filterChanges(changes, { ...every, events: ['statusChanged'] }))).toEqual([
			'offline',
		]);
	});
});
