import type { OfflineReason, QualityRating, Sender, SenderStatus } from './sender';

const PHONE_DECORATION = /[\s().-]/g;

/**
 * Turns the ways providers write a number ("whatsapp:+1 415-555 1234", "14155551234")
 * into E.164 ("+14155551234"). Returns null when nothing number-like is left, so a
 * sender is never given a made-up number.
 */
export function toE164(value: unknown): string | null {
	if (typeof value !== 'string' && typeof value !== 'number') return null;
	let text = String(value).trim();
	const channelPrefix = text.indexOf(':');
	if (channelPrefix !== -1) text = text.slice(channelPrefix + 1);
	text = text.replace(PHONE_DECORATION, '');
	if (text.startsWith('00')) text = text.slice(2);
	if (text.startsWith('+')) text = text.slice(1);
	return /^[0-9]{6,15}$/.test(text) ? `+${text}` : null;
}

const QUALITY_WORDS: Record<string, QualityRating> = {
	GREEN: 'GREEN',
	HIGH: 'GREEN',
	YELLOW: 'YELLOW',
	MEDIUM: 'YELLOW',
	RED: 'RED',
	LOW: 'RED',
};

/** Meta's colours as they are; Twilio's HIGH / MEDIUM / LOW mapped onto them. */
export function normalizeQuality(value: unknown): QualityRating {
	if (typeof value !== 'string') return 'UNKNOWN';
	return QUALITY_WORDS[value.trim().toUpperCase()] ?? 'UNKNOWN';
}

const LIMIT_NUMBER = /(\d[\d,]*(?:\.\d+)?)\s*([KM])?/i;
const MULTIPLIERS: Record<string, number> = { K: 1_000, M: 1_000_000 };

/**
 * Reads a messaging limit from a number or from text such as "10K Customers/24hr",
 * "10,000 / 24hr" or "TIER_1K". Unlimited, missing or unreadable limits are null.
 */
export function parseMessagingLimit(value: unknown): number | null {
	if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : null;
	if (typeof value !== 'string' || /unlimited/i.test(value)) return null;
	const match = LIMIT_NUMBER.exec(value);
	if (!match) return null;
	const base = Number(match[1].replace(/,/g, ''));
	const multiplier = match[2] ? MULTIPLIERS[match[2].toUpperCase()] : 1;
	return Number.isFinite(base) ? Math.round(base * multiplier) : null;
}

/**
 * A limit given as Meta's tier word, which the providers pass on (TIER_50, TIER_250, TIER_1K,
 * TIER_2K, TIER_10K, TIER_100K; TIER_UNLIMITED, TIER_NOT_SET, NOT_SET, UNTIERED, UNRECOGNIZED):
 * the word as text, and its number of business-initiated conversations per 24 h, read from
 * the word itself so that a tier added later ("TIER_5K") is read too. Unlimited and unset
 * tiers have no number (null).
 */
export function readTierLimit(value: unknown): { text: string | null; limit: number | null } {
	const text = textOrNull(value);
	return { text, limit: text === null ? null : parseMessagingLimit(text) };
}

export function textOrNull(value: unknown): string | null {
	if (typeof value === 'string') return value.length > 0 ? value : null;
	if (typeof value === 'number') return String(value);
	return null;
}

/** What a provider's status word means: the normalized status and, when the number cannot send, why. */
export interface StatusMeaning {
	status: SenderStatus;
	reason?: string;
}

/** The provider's explanation of an OFFLINE status as the sender's offline reason, under the provider's word. */
export function offlineReasonsOf(
	word: string | null,
	meaning: StatusMeaning | undefined,
): OfflineReason[] | undefined {
	return meaning?.reason ? [{ code: word, message: meaning.reason, moreInfo: null }] : undefined;
}

/** What a provider says of a sender, in its words: `senderOf` reads them as every provider's are read. */
export interface SenderWords {
	provider: string;
	id: string;
	phoneNumber?: string | null;
	displayName?: string | null;
	/** The provider's status word, and what it means (UNKNOWN when nothing); a reason becomes the offline reason. */
	providerStatus?: string | null;
	meaning?: StatusMeaning;
	quality?: unknown;
	/** A tier word or a number (readTierLimit). */
	limit?: unknown;
	/** Why it cannot send, when that is not the status meaning's reason. */
	offlineReasons?: OfflineReason[];
	raw: Record<string, unknown>;
}

export function senderOf(words: SenderWords): Sender {
	const providerStatus = words.providerStatus ?? null;
	const { text, limit } = readTierLimit(words.limit);
	const offlineReasons = words.offlineReasons ?? offlineReasonsOf(providerStatus, words.meaning);
	return {
		provider: words.provider,
		id: words.id,
		phoneNumber: words.phoneNumber ?? null,
		displayName: words.displayName ?? null,
		status: words.meaning?.status ?? 'UNKNOWN',
		providerStatus,
		qualityRating: normalizeQuality(words.quality),
		messagingLimit: limit,
		messagingLimitText: text,
		...(offlineReasons && { offlineReasons }),
		raw: words.raw,
	};
}
