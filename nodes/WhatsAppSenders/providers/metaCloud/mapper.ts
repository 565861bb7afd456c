import { asRecord, type JsonRecord } from '../../core/json';
import { normalizeQuality, parseMessagingLimit, textOrNull, toE164 } from '../../core/normalize';
import type { Sender, SenderStatus } from '../../core/sender';

/**
 * Meta's phone-number statuses in the normalized vocabulary. Meta adds values over time;
 * unknown ones become UNKNOWN with Meta's word kept in providerStatus.
 */
const META_STATUS: Record<string, SenderStatus> = {
	CONNECTED: 'ONLINE',
	// still sending, under watch or throttled
	FLAGGED: 'ONLINE',
	RATE_LIMITED: 'ONLINE',
	DISCONNECTED: 'OFFLINE',
	BANNED: 'OFFLINE',
	RESTRICTED: 'OFFLINE',
	DELETED: 'OFFLINE',
	MIGRATED: 'OFFLINE',
	UNLINKED: 'OFFLINE',
	PENDING: 'PENDING',
};

/** The fields List and Get ask Meta for: only what the mapper reads. */
export const META_PHONE_NUMBER_FIELDS = [
	'id',
	'display_phone_number',
	'verified_name',
	'quality_rating',
	'status',
	'name_status',
	'code_verification_status',
	'messaging_limit_tier',
	'whatsapp_business_manager_messaging_limit',
	'throughput',
	'platform_type',
].join(',');

/**
 * A number Meta still shows as PENDING waits for its code until the code is verified;
 * after that it waits for Register.
 */
function normalizeStatus(status: string | null, codeVerification: string | null): SenderStatus {
	if (!status) return 'UNKNOWN';
	const normalized = META_STATUS[status.toUpperCase()] ?? 'UNKNOWN';
	if (normalized === 'PENDING' && codeVerification !== 'VERIFIED') return 'PENDING_VERIFICATION';
	return normalized;
}

/**
 * The messaging limit from whichever field the answer carries: the deprecated
 * `messaging_limit_tier` (TIER_50 … TIER_UNLIMITED, NOT_SET) or its replacement
 * `whatsapp_business_manager_messaging_limit`, read as a tier word or, when Meta sends an
 * object, its first tier-like value. Limits are per business portfolio since October 2025.
 */
export function metaMessagingLimitText(raw: JsonRecord): string | null {
	const candidates = [raw.whatsapp_business_manager_messaging_limit, raw.messaging_limit_tier];
	for (const candidate of candidates) {
		const text = textOrNull(candidate);
		if (text) return text;
		const object = asRecord(candidate);
		if (object) {
			const value = Object.values(object).map(textOrNull).find((entry) => entry !== null);
			if (value) return value;
		}
	}
	return null;
}

function parseMetaLimit(text: string | null): number | null {
	if (!text || /NOT_SET/i.test(text)) return null;
	return parseMessagingLimit(text);
}

export function mapMetaPhoneNumber(raw: JsonRecord): Sender {
	const providerStatus = textOrNull(raw.status);
	const limitText = metaMessagingLimitText(raw);
	return {
		provider: 'metaCloud',
		id: String(raw.id ?? ''),
		phoneNumber: toE164(raw.display_phone_number),
		displayName: textOrNull(raw.verified_name),
		status: normalizeStatus(providerStatus, textOrNull(raw.code_verification_status)),
		providerStatus,
		qualityRating: normalizeQuality(raw.quality_rating),
		messagingLimit: parseMetaLimit(limitText),
		messagingLimitText: limitText,
		raw,
	};
}
