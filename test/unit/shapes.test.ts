import {
	arrayIn,
	joinHint,
	objectIn,
	objectOf,
	withoutSecrets,
} from '../../nodes/WhatsAppSenders/providers/shapes';

/** What a user reads when a provider answers something the node cannot read. */
describe('An answer of the wrong shape says which provider and what was wrong', () => {
	it.each([
		[
			'not an object',
			() => objectOf([], 'YCloud', 'the phone number'),
			'the phone number is not an object',
		],
		[
			'an object without its list',
			() => arrayIn({ data: {} }, 'items', 'YCloud', 'the phone number list'),
			'the phone number list has no "items" array',
		],
		[
			'an object without its inner object',
			() => objectIn({ wabaInfo: 'x' }, 'wabaInfo', 'Gupshup', 'Get Waba Info for app A'),
			'Get Waba Info for app A has no "wabaInfo" object',
		],
	])('%s', (_case, read, detail) => {
		expect(read).toThrow(expect.objectContaining({ name: 'UnexpectedResponseError' }));
		expect(read).toThrow(`returned a response this node cannot read: ${detail}`);
	});

	it('gives back what has the expected shape', () => {
		expect(objectOf({ id: 1 }, 'Meta', 'the number')).toEqual({ id: 1 });
		expect(arrayIn({ items: [1] }, 'items', 'YCloud', 'the list')).toEqual([1]);
		expect(objectIn({ profile: { a: 1 } }, 'profile', 'Gupshup', 'the profile')).toEqual({ a: 1 });
	});
});

describe("A provider error's hint", () => {
	it('is the parts that are there, one after the other, or none at all', () => {
		expect(joinHint(['Field: about.', undefined, null, 'Request ID 7.'])).toBe(
			'Field: about. Request ID 7.',
		);
		expect(joinHint([undefined, null])).toBeUndefined();
	});
});

describe('Secrets in a listed record', () => {
	it('are left out unless the user asked for them, and the record itself is not changed', () => {
		const raw = { id: 'A', apiKey: 'key-1', name: 'n' };
		expect(withoutSecrets(raw, ['apiKey'], false)).toEqual({ id: 'A', name: 'n' });
		expect(raw.apiKey).toBe('key-1');
		expect(withoutSecrets(raw, ['apiKey'], true)).toBe(raw);
	});
});
