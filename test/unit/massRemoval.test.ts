import type { SenderChange } from '../../nodes/WhatsAppSenders/core/diff';
import { holdMassRemovals } from '../../nodes/WhatsAppSenders/core/massRemoval';
import { decodeFingerprint, type Snapshot } from '../../nodes/WhatsAppSenders/core/snapshot';

const snapshot = (ids: string[]): Snapshot =>
	Object.fromEntries(ids.map((id, index) => [id, `OG|1415555010${index}`]));
const removal = (previous: Snapshot, id: string): SenderChange => ({
	event: 'senderRemoved',
	sender: { id, ...decodeFingerprint(previous[id]) },
	previous: {},
	changes: [],
});

describe('Holding the removals of a suspect listing', () => {
	it('holds the removal of the only sender of an account, and reports it when the next poll confirms it', () => {
		const previous = snapshot(['A']);
		const first = holdMassRemovals(previous, {}, [removal(previous, 'A')], []);
		expect(first).toEqual({ changes: [], snapshot: previous, held: ['A'] });
		const second = holdMassRemovals(first.snapshot, {}, [removal(first.snapshot, 'A')], first.held);
		expect(second.changes.map((change) => change.sender.id)).toEqual(['A']);
		expect(second).toMatchObject({ snapshot: {}, held: [] });
	});

	it('forgets a held removal when the sender is listed again', () => {
		const previous = snapshot(['A', 'B']);
		const back = holdMassRemovals(previous, previous, [], ['A', 'B']);
		expect(back).toEqual({ changes: [], snapshot: previous, held: [] });
	});

	it.each([
		[50, 5, false],
		[50, 6, true],
		[30, 4, true],
		[100, 9, false],
		[100, 10, true],
	])(
		'with a share of %i%, %i of 10 senders missing is suspect: %p',
		(percent, missing, suspect) => {
			const ids = 'ABCDEFGHIJ'.split('');
			const previous = snapshot(ids);
			const listed = snapshot(ids.slice(missing));
			const result = holdMassRemovals(
				previous,
				listed,
				ids.slice(0, missing).map((id) => removal(previous, id)),
				[],
				percent,
			);
			expect(result.held).toHaveLength(suspect ? missing : 0);
			expect(result.changes).toHaveLength(suspect ? 0 : missing);
		},
	);
});
