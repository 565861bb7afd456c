import type { EventFilters } from '../../nodes/WhatsAppSenders/core/eventFilter';
import type { Sender } from '../../nodes/WhatsAppSenders/core/sender';
import { placeholderSender, sampleChanges } from '../../nodes/WhatsAppSenders/core/testSamples';

/** The made-up "before" side of Fetch Test Event samples, as the README's trigger section states it. */

const sender = (id: string, fields: Partial<Sender> = {}): Sender => ({
	...placeholderSender('twilio'),
	id,
	raw: { id },
	...fields,
});
const filters = (fields: Partial<EventFilters> = {}): EventFilters => ({
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
	...fields,
});
const only = (
	event: EventFilters['events'][number],
	senders: Sender[],
	fields: Partial<EventFilters> = {},
	grouped = true,
) => sampleChanges(senders, filters({ events: [event], ...fields }), grouped);

describe('Fetch Test Event samples', () => {
	it('come in the order real changes come, one per chosen event', () => {
		expect(sampleChanges([sender('a')], filters(), false).map((change) => change.event)).toEqual([
			'senderAdded',
			'statusChanged',
			'qualityChanged',
			'messagingLimitChanged',
			'senderRemoved',
		]);
	});

	it.each([
		['GREEN', 'any', 'YELLOW', 'upgrade'],
		['YELLOW', 'any', 'GREEN', 'downgrade'],
		['RED', 'any', 'YELLOW', 'downgrade'],
		['YELLOW', 'upgrade', 'RED', 'upgrade'],
		['UNKNOWN', 'any', 'GREEN', undefined],
	] as const)(
		'quality %s (direction %s) comes from %s',
		(rating, qualityDirection, before, direction) => {
			const [change] = only('qualityChanged', [sender('a', { qualityRating: rating })], {
				qualityDirection,
			});
			expect(change).toEqual(
				expect.objectContaining({
					previous: { qualityRating: before },
					changes: ['qualityRating'],
				}),
			);
			expect(change.direction).toBe(direction);
		},
	);

	it('picks the sender a real change could pass the filters with', () => {
		const senders = [
			sender('green', { qualityRating: 'GREEN' }),
			sender('red', { qualityRating: 'RED' }),
			sender('offline', { status: 'OFFLINE' }),
		];
		expect(only('qualityChanged', senders, { qualityDirection: 'downgrade' })[0].sender.id).toBe(
			'red',
		);
		expect(only('statusChanged', senders, { statusBecomes: ['OFFLINE'] })[0]).toEqual(
			expect.objectContaining({
				sender: expect.objectContaining({ id: 'offline' }),
				previous: { status: 'ONLINE' },
			}),
		);
	});

	it.each([
		[1000, 250],
		[250, 1000],
		[10000, 2000],
		[null, 100000],
	])('limit %s comes from %s', (limit, before) => {
		expect(
			only('messagingLimitChanged', [sender('a', { messagingLimit: limit })])[0].previous,
		).toEqual({ messagingLimit: before });
	});

	it('lists every sender with the same limit when grouped, one when not', () => {
		const senders = [
			sender('a', { messagingLimit: 1000 }),
			sender('b', { messagingLimit: 2000 }),
			sender('c', { messagingLimit: 1000 }),
		];
		expect(only('messagingLimitChanged', senders).map((change) => change.sender.id)).toEqual([
			'a',
			'c',
		]);
		expect(
			only('messagingLimitChanged', senders, {}, false).map((change) => change.sender.id),
		).toEqual(['a']);
	});

	it('describes a removed sender only by what the trigger remembers', () => {
		expect(only('senderRemoved', [sender('a')])[0].sender).toEqual({
			id: 'a',
			status: 'ONLINE',
			qualityRating: 'YELLOW',
			messagingLimit: 1000,
			phoneNumber: '+15555550100',
		});
	});
});
