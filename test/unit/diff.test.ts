import { qualityDirection, SnapshotComparison } from '../../nodes/WhatsAppSenders/core/diff';
import type { Sender } from '../../nodes/WhatsAppSenders/core/sender';
import {
	decodeFingerprint,
	encodeFingerprint,
	packSnapshot,
	unpackSnapshot,
} from '../../nodes/WhatsAppSenders/core/snapshot';
import { diffSnapshots, takeSnapshot } from '../support/snapshots';

function sender(id: string, overrides: Partial<Sender> = {}): Sender {
	return {
		provider: 'twilio',
		id,
		phoneNumber: '+14155550100',
		displayName: 'Acme',
		status: 'ONLINE',
		providerStatus: 'ONLINE',
		qualityRating: 'GREEN',
		messagingLimit: 10000,
		messagingLimitText: '10K Customers/24hr',
		raw: {},
		...overrides,
	};
}

describe('snapshot fingerprints', () => {
	it('round-trip the watched fields', () => {
		const fields = {
			status: 'PENDING_VERIFICATION',
			qualityRating: 'RED',
			messagingLimit: 250,
			phoneNumber: '+4930123456',
		} as const;
		expect(decodeFingerprint(encodeFingerprint(fields))).toEqual(fields);
	});

	it('keep an unlimited or missing limit and number as null', () => {
		const fields = {
			status: 'UNKNOWN',
			qualityRating: 'UNKNOWN',
			messagingLimit: null,
			phoneNumber: null,
		} as const;
		expect(decodeFingerprint(encodeFingerprint(fields))).toEqual(fields);
	});

	it("keep an OFFLINE sender's own word, and only an OFFLINE sender's", () => {
		const offline = {
			status: 'OFFLINE',
			qualityRating: 'GREEN',
			messagingLimit: null,
			phoneNumber: '+33612345678',
			providerStatus: 'suspended',
		} as const;
		expect(decodeFingerprint(encodeFingerprint(offline))).toEqual(offline);
		expect(
			decodeFingerprint(
				encodeFingerprint({ ...offline, status: 'ONLINE', providerStatus: 'online' }),
			).providerStatus,
		).toBeUndefined();
	});

	it('are short: a Twilio sender costs under 64 bytes of JSON', () => {
		const snapshot = takeSnapshot([
			sender('XE0123456789abcdef0123456789abcdef', { messagingLimit: 100000 }),
		]);
		expect(Buffer.byteLength(JSON.stringify(packSnapshot(snapshot)))).toBeLessThan(64);
	});
});

describe('the stored (packed) snapshot', () => {
	it('packs into one string and back to the same fingerprints', () => {
		const snapshot = takeSnapshot([
			sender('XE1'),
			sender('XE2', { status: 'OFFLINE', messagingLimit: null, phoneNumber: null }),
		]);
		const packed = packSnapshot(snapshot);
		expect(typeof packed).toBe('string');
		expect(unpackSnapshot(packed)).toEqual(snapshot);
	});

	it('keeps ids with a space, comma or percent sign intact', () => {
		const snapshot = takeSnapshot([sender('a b'), sender('c,d'), sender('100%'), sender('plain')]);
		expect(Object.keys(unpackSnapshot(packSnapshot(snapshot))).sort()).toEqual([
			'100%',
			'a b',
			'c,d',
			'plain',
		]);
	});

	it('treats an empty account as an empty snapshot', () => {
		expect(unpackSnapshot(packSnapshot(takeSnapshot([])))).toEqual({});
	});
});

describe('diffing snapshots', () => {
	const before = takeSnapshot([sender('XE1'), sender('XE2', { phoneNumber: '+14155550200' })]);

	it('reports nothing when nothing changed', () => {
		expect(
			diffSnapshots(before, [sender('XE1'), sender('XE2', { phoneNumber: '+14155550200' })]),
		).toEqual([]);
	});

	it('reports a quality downgrade with the previous rating and its direction', () => {
		const [change] = diffSnapshots(before, [
			sender('XE1', { qualityRating: 'RED' }),
			sender('XE2', { phoneNumber: '+14155550200' }),
		]);
		expect(change).toMatchObject({
			event: 'qualityChanged',
			previous: { qualityRating: 'GREEN' },
			changes: ['qualityRating'],
			direction: 'downgrade',
		});
		expect(change.sender).toMatchObject({ id: 'XE1', qualityRating: 'RED' });
	});

	it('gives one event per changed field, each listing all the changes', () => {
		const events = diffSnapshots(before, [
			sender('XE1', { status: 'OFFLINE', qualityRating: 'YELLOW', messagingLimit: 1000 }),
			sender('XE2', { phoneNumber: '+14155550200' }),
		]);
		expect(events.map((e) => e.event)).toEqual([
			'statusChanged',
			'qualityChanged',
			'messagingLimitChanged',
		]);
		expect(events[0].changes).toEqual(['status', 'qualityRating', 'messagingLimit']);
		expect(events[0].previous).toEqual({
			status: 'ONLINE',
			qualityRating: 'GREEN',
			messagingLimit: 10000,
		});
	});

	it('reports added and removed senders, removals with what the snapshot kept', () => {
		const events = diffSnapshots(before, [sender('XE1'), sender('XE3')]);
		expect(events.map((e) => [e.event, e.sender.id])).toEqual([
			['senderAdded', 'XE3'],
			['senderRemoved', 'XE2'],
		]);
		expect(events[1].sender).toEqual({
			id: 'XE2',
			status: 'ONLINE',
			qualityRating: 'GREEN',
			messagingLimit: 10000,
			phoneNumber: '+14155550200',
		});
	});

	it('treats a sender that disappears and comes back as removed, then added', () => {
		const without = takeSnapshot([sender('XE1')]);
		expect(diffSnapshots(before, [sender('XE1')]).map((e) => e.event)).toEqual(['senderRemoved']);
		expect(diffSnapshots(without, [sender('XE1'), sender('XE2')]).map((e) => e.event)).toEqual([
			'senderAdded',
		]);
	});

	it('does not report a number written another way, because both sides are E.164', () => {
		// mappers normalize "whatsapp:+1 415-555-0100" and "14155550100" to the same E.164
		expect(
			diffSnapshots(before, [
				sender('XE1', { phoneNumber: '+14155550100' }),
				sender('XE2', { phoneNumber: '+14155550200' }),
			]),
		).toEqual([]);
	});

	it('counts a sender listed twice once, the last entry winning', () => {
		const events = diffSnapshots(before, [
			sender('XE1', { qualityRating: 'RED' }),
			sender('XE1', { qualityRating: 'YELLOW' }),
			sender('XE2', { phoneNumber: '+14155550200' }),
		]);
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({
			event: 'qualityChanged',
			direction: 'downgrade',
			sender: { qualityRating: 'YELLOW' },
		});
	});

	it('says whether the snapshot changed at all, so an unchanged one is not stored again', () => {
		const compare = (current: Sender[]) => new SnapshotComparison(before).add(current).finish();
		expect(compare([sender('XE1'), sender('XE2', { phoneNumber: '+14155550200' })]).changed).toBe(
			false,
		);
		// a number written anew changes what is stored, without any event
		const renumbered = compare([
			sender('XE1', { phoneNumber: '+14155550111' }),
			sender('XE2', { phoneNumber: '+14155550200' }),
		]);
		expect(renumbered).toMatchObject({ changed: true, changes: [] });
		expect(compare([sender('XE1')]).changed).toBe(true);
	});

	it('orders events by sender id whatever order the provider listed them in', () => {
		const events = diffSnapshots({}, [sender('XE9'), sender('XE1'), sender('XE5')]);
		expect(events.map((e) => e.sender.id)).toEqual(['XE1', 'XE5', 'XE9']);
	});
});

describe('quality direction', () => {
	it.each([
		['GREEN', 'YELLOW', 'downgrade'],
		['YELLOW', 'RED', 'downgrade'],
		['RED', 'GREEN', 'upgrade'],
		['UNKNOWN', 'RED', undefined],
		['GREEN', 'UNKNOWN', undefined],
	] as const)('%s → %s is %p', (before, after, direction) => {
		expect(qualityDirection(before, after)).toBe(direction);
	});
});

describe('trigger state size', () => {
	it('stays under 64 bytes per sender at 10,000 Twilio senders', () => {
		const senders = Array.from({ length: 10_000 }, (_, i) =>
			sender(`XE${i.toString(16).padStart(32, '0')}`, {
				phoneNumber: `+4915112${String(i).padStart(5, '0')}`,
				messagingLimit: i % 2 ? 100000 : null,
			}),
		);
		const state = { scope: '0123456789abcdef', senders: packSnapshot(takeSnapshot(senders)) };
		const bytesPerSender = Buffer.byteLength(JSON.stringify(state)) / senders.length;
		expect(bytesPerSender).toBeLessThanOrEqual(64);
	});
});

describe('a sender offline for another reason', () => {
	const offline = (word: string) =>
		sender('S1', { provider: 'autocalls', status: 'OFFLINE', providerStatus: word });

	it('is a status change, with the previous reason', () => {
		const changes = diffSnapshots(takeSnapshot([offline('offline')]), [offline('suspended')]);
		expect(changes).toEqual([
			expect.objectContaining({
				event: 'statusChanged',
				changes: ['status'],
				previous: { status: 'OFFLINE', providerStatus: 'offline' },
			}),
		]);
	});

	it('is not a change when the provider gave no word for it before', () => {
		const stored = takeSnapshot([{ ...offline('offline'), providerStatus: null }]);
		expect(diffSnapshots(stored, [offline('suspended')])).toEqual([]);
	});
});

describe('limits without a number', () => {
	const limit = (text: string | null, messagingLimit: number | null = null) =>
		sender('S1', { provider: 'sinch', messagingLimit, messagingLimitText: text });

	it('keep their word in the fingerprint, so unlimited, not set and unknown stay apart', () => {
		const unlimited = {
			status: 'ONLINE',
			qualityRating: 'GREEN',
			messagingLimit: null,
			phoneNumber: '+48777777777',
			messagingLimitText: 'TIER_UNLIMITED',
		} as const;
		expect(decodeFingerprint(encodeFingerprint(unlimited))).toEqual(unlimited);
		expect(encodeFingerprint({ ...unlimited, messagingLimitText: 'TIER_NOT_SET' })).not.toEqual(
			encodeFingerprint(unlimited),
		);
	});

	it.each([
		[
			'TIER_100K → TIER_UNLIMITED',
			limit('TIER_100K', 100000),
			limit('TIER_UNLIMITED'),
			{ messagingLimit: 100000 },
		],
		[
			'TIER_UNLIMITED → TIER_NOT_SET',
			limit('TIER_UNLIMITED'),
			limit('TIER_NOT_SET'),
			{ messagingLimit: null, messagingLimitText: 'TIER_UNLIMITED' },
		],
		[
			'TIER_NOT_SET → UNRECOGNIZED',
			limit('TIER_NOT_SET'),
			limit('UNRECOGNIZED'),
			{ messagingLimit: null, messagingLimitText: 'TIER_NOT_SET' },
		],
		[
			'TIER_UNLIMITED → TIER_250',
			limit('TIER_UNLIMITED'),
			limit('TIER_250', 250),
			{ messagingLimit: null, messagingLimitText: 'TIER_UNLIMITED' },
		],
		['not reported → TIER_NOT_SET', limit(null), limit('TIER_NOT_SET'), { messagingLimit: null }],
	])('%s is one limit change with the words before', (_name, before, after, previous) => {
		expect(diffSnapshots(takeSnapshot([before]), [after])).toEqual([
			expect.objectContaining({
				event: 'messagingLimitChanged',
				changes: ['messagingLimit'],
				previous,
			}),
		]);
	});

	it('is no change when the word stays the same', () => {
		expect(
			diffSnapshots(takeSnapshot([limit('TIER_UNLIMITED')]), [limit('TIER_UNLIMITED')]),
		).toEqual([]);
	});

	it('is no change on the first poll after an update, when the stored state kept no words', () => {
		const stored = takeSnapshot([limit(null)]);
		const comparison = new SnapshotComparison(stored, true).add([limit('TIER_UNLIMITED')]);
		expect(comparison.finish().changes).toEqual([]);
	});
});

describe('a LIMITED sender', () => {
	const limited = (word: string) =>
		sender('S1', { provider: 'ycloud', status: 'LIMITED', providerStatus: word });

	it('that becomes limited for another cause is a status change, with the previous cause', () => {
		const changes = diffSnapshots(takeSnapshot([limited('RATE_LIMITED')]), [
			limited('RATE_LIMITED/SCHEDULE_FOR_DISABLE'),
		]);
		expect(changes).toEqual([
			expect.objectContaining({
				event: 'statusChanged',
				previous: { status: 'LIMITED', providerStatus: 'RATE_LIMITED' },
			}),
		]);
	});

	it('is no change while its cause stays', () => {
		expect(
			diffSnapshots(takeSnapshot([limited('RATE_LIMITED')]), [limited('RATE_LIMITED')]),
		).toEqual([]);
	});
});
