import type { QualityRating, SenderStatus } from './sender';

/**
 * What the trigger remembers between polls: per sender id, a short code of the fields it
 * watches (status, quality, messaging limit) and the number. Not the raw JSON: about
 * 20 bytes a sender plus its id, so 10,000 senders stay well under a megabyte.
 */
export type Snapshot = Record<string, string>;

/** Characters that cannot stand in an id of the packed form as they are. */
const UNSAFE_IN_PACKED_ID = /[\s,%]/;

/**
 * The snapshot as n8n stores it: one string "id code,id code,…". n8n wraps every object of
 * static data in a change-tracking proxy and (de)serializes it with the workflow several
 * times per execution; one string of 10,000 entries costs it next to nothing, where an
 * object of 10,000 keys cost tens of milliseconds per poll. Ids with a space, comma or %
 * are percent-encoded (no provider's ids have them).
 */
export function packSnapshot(snapshot: Snapshot): string {
	const entries: string[] = [];
	for (const id in snapshot) {
		entries.push(`${UNSAFE_IN_PACKED_ID.test(id) ? encodeURIComponent(id) : id} ${snapshot[id]}`);
	}
	return entries.join(',');
}

/** The stored snapshot, as packSnapshot wrote it. */
export function unpackSnapshot(stored: string): Snapshot {
	const snapshot = emptySnapshot();
	if (stored === '') return snapshot;
	for (const entry of stored.split(',')) {
		const space = entry.indexOf(' ');
		const id = entry.slice(0, space);
		snapshot[id.includes('%') ? decodeURIComponent(id) : id] = entry.slice(space + 1);
	}
	return snapshot;
}

export interface Fingerprint {
	status: SenderStatus;
	qualityRating: QualityRating;
	messagingLimit: number | null;
	phoneNumber: string | null;
	/**
	 * The provider's word for an OFFLINE or LIMITED sender (offline, suspended, BANNED,
	 * CONNECTED/SCHEDULE_FOR_DISABLE…), so a sender that goes from one cause to another is a
	 * status change too. Kept only while OFFLINE or LIMITED; absent when the provider gave no word.
	 */
	providerStatus?: string | null;
	/**
	 * The provider's word for a limit that has no number (TIER_UNLIMITED, TIER_NOT_SET,
	 * UNRECOGNIZED…), so unlimited, not set and unknown stay distinct: a move between them is a
	 * limit change. Absent when the limit is a number or the provider reports none.
	 */
	messagingLimitText?: string | null;
}

/**
 * The provider's status word as the packed state can hold it (no separators), for a sender that
 * cannot send (OFFLINE) or sends with limits (LIMITED) only: its cause changing is a status change.
 */
export function offlineWord(
	sender: Pick<Fingerprint, 'status' | 'providerStatus'>,
): string | undefined {
	if ((sender.status !== 'OFFLINE' && sender.status !== 'LIMITED') || !sender.providerStatus)
		return undefined;
	return packable(sender.providerStatus);
}

/** The provider's word for a limit without a number, as the packed state can hold it; undefined otherwise. */
export function limitWord(sender: {
	messagingLimit: number | null;
	messagingLimitText?: string | null;
}): string | undefined {
	if (sender.messagingLimit !== null || !sender.messagingLimitText) return undefined;
	return packable(sender.messagingLimitText);
}

/** A provider's word with the packed form's separators replaced, at most 40 characters. */
function packable(word: string): string {
	return word.replace(/[^A-Za-z0-9_.:-]/g, '_').slice(0, 40);
}

const STATUS_CODES: Record<SenderStatus, string> = {
	ONLINE: 'O',
	LIMITED: 'L',
	OFFLINE: 'F',
	PENDING: 'P',
	PENDING_VERIFICATION: 'V',
	VERIFYING: 'Y',
	NOT_FOUND: 'N',
	UNKNOWN: 'U',
};
const QUALITY_CODES: Record<QualityRating, string> = {
	GREEN: 'G',
	YELLOW: 'Y',
	RED: 'R',
	UNKNOWN: 'U',
};

function invert<K extends string>(codes: Record<K, string>): Record<string, K> {
	return Object.fromEntries(Object.entries(codes).map(([key, code]) => [code, key])) as Record<
		string,
		K
	>;
}
const STATUS_BY_CODE = invert(STATUS_CODES);
const QUALITY_BY_CODE = invert(QUALITY_CODES);

/**
 * "OG7ps|14155550100": status, quality, limit in base 36 (empty = none reported), number
 * without "+"; a limit without a number is its word after "~" ("OG~TIER_UNLIMITED|…"); an
 * OFFLINE sender adds its provider's word: "FG7ps|14155550100|suspended".
 */
export function encodeFingerprint(sender: Fingerprint): string {
	const word = limitWord(sender);
	const limit = sender.messagingLimit?.toString(36) ?? (word === undefined ? '' : `~${word}`);
	const phone = (sender.phoneNumber ?? '').replace(/^\+/, '');
	const offline = offlineWord(sender);
	return `${STATUS_CODES[sender.status]}${QUALITY_CODES[sender.qualityRating]}${limit}|${phone}${offline === undefined ? '' : `|${offline}`}`;
}

export function decodeFingerprint(code: string): Fingerprint {
	const [head, phone, word] = code.split('|');
	const limit = head.slice(2);
	const fingerprint: Fingerprint = {
		status: STATUS_BY_CODE[code[0]] ?? 'UNKNOWN',
		qualityRating: QUALITY_BY_CODE[code[1]] ?? 'UNKNOWN',
		messagingLimit: limit === '' || limit.startsWith('~') ? null : parseInt(limit, 36),
		phoneNumber: !phone ? null : `+${phone}`,
	};
	if (limit.startsWith('~')) fingerprint.messagingLimitText = limit.slice(1);
	if (word) fingerprint.providerStatus = word;
	return fingerprint;
}

/** No prototype: an id such as "constructor" is just another key. */
export function emptySnapshot(): Snapshot {
	return Object.create(null) as Snapshot;
}
