import type { QualityRating, Sender, SenderStatus } from './sender';

/**
 * What the trigger remembers between polls: per sender id, a short code of the fields it
 * watches (status, quality, messaging limit) and the number. Not the raw JSON: about
 * 20 bytes a sender plus its id, so 10,000 senders stay well under a megabyte.
 */
export type Snapshot = Record<string, string>;

export interface Fingerprint {
	status: SenderStatus;
	qualityRating: QualityRating;
	messagingLimit: number | null;
	phoneNumber: string | null;
}

const STATUS_CODES: Record<SenderStatus, string> = {
	ONLINE: 'O',
	OFFLINE: 'F',
	PENDING: 'P',
	PENDING_VERIFICATION: 'V',
	VERIFYING: 'Y',
	UNKNOWN: 'U',
};
const QUALITY_CODES: Record<QualityRating, string> = { GREEN: 'G', YELLOW: 'Y', RED: 'R', UNKNOWN: 'U' };

function invert<K extends string>(codes: Record<K, string>): Record<string, K> {
	return Object.fromEntries(Object.entries(codes).map(([key, code]) => [code, key])) as Record<string, K>;
}
const STATUS_BY_CODE = invert(STATUS_CODES);
const QUALITY_BY_CODE = invert(QUALITY_CODES);

/** "OG7ps|14155550100": status, quality, limit in base 36 (empty = none), number without "+". */
export function encodeFingerprint(sender: Fingerprint): string {
	const limit = sender.messagingLimit === null ? '' : sender.messagingLimit.toString(36);
	const phone = sender.phoneNumber === null ? '' : sender.phoneNumber.replace(/^\+/, '');
	return `${STATUS_CODES[sender.status]}${QUALITY_CODES[sender.qualityRating]}${limit}|${phone}`;
}

export function decodeFingerprint(code: string): Fingerprint {
	const bar = code.indexOf('|');
	const limit = code.slice(2, bar);
	const phone = code.slice(bar + 1);
	return {
		status: STATUS_BY_CODE[code[0]] ?? 'UNKNOWN',
		qualityRating: QUALITY_BY_CODE[code[1]] ?? 'UNKNOWN',
		messagingLimit: limit === '' ? null : parseInt(limit, 36),
		phoneNumber: phone === '' ? null : `+${phone}`,
	};
}

export function takeSnapshot(senders: readonly Sender[]): Snapshot {
	const snapshot: Snapshot = {};
	for (const sender of senders) snapshot[sender.id] = encodeFingerprint(sender);
	return snapshot;
}
