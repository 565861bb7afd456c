import {
	additionalInfo,
	applySendingBlock,
	healthErrorReasons,
	type SendingBlock,
} from '../../core/canSend';
import { asRecord, type JsonRecord } from '../../core/json';
import { type StatusMeaning, textOrNull, toE164, senderOf } from '../../core/normalize';
import type { Sender } from '../../core/sender';

/**
 * Every phone-number status Meta documents, mapped on purpose (sources in docs/providers.md):
 * the contract's list enum (PENDING, LINKED, UNLINKED, DELETED, MIGRATED, BANNED, RESTRICTED),
 * its account-number enum (CONNECTED, DISCONNECTED, UNVERIFIED, FLAGGED), its connection
 * statuses (RATE_LIMITED, MESSAGING_LIMIT_TIER_0…4) and the Graph reference's UNKNOWN.
 * OFFLINE means the number cannot send business-initiated messages; the reason says why.
 * Values Meta adds later become UNKNOWN with Meta's word kept in providerStatus.
 */
export const META_STATUS: Record<string, StatusMeaning> = {
	CONNECTED: { status: 'ONLINE' },
	LINKED: { status: 'ONLINE' },
	// a low-quality warning state until October 2025 (Meta no longer sets it): still sending
	FLAGGED: { status: 'ONLINE' },
	RATE_LIMITED: { status: 'ONLINE' },
	MESSAGING_LIMIT_TIER_0: { status: 'ONLINE' },
	MESSAGING_LIMIT_TIER_1: { status: 'ONLINE' },
	MESSAGING_LIMIT_TIER_2: { status: 'ONLINE' },
	MESSAGING_LIMIT_TIER_3: { status: 'ONLINE' },
	MESSAGING_LIMIT_TIER_4: { status: 'ONLINE' },
	PENDING: { status: 'PENDING' },
	UNVERIFIED: { status: 'PENDING_VERIFICATION' },
	DISCONNECTED: {
		status: 'OFFLINE',
		reason:
			'The number is disconnected from the WhatsApp Business Platform (deregistered or never registered).',
	},
	UNLINKED: {
		status: 'OFFLINE',
		reason: 'The number is no longer linked to the WhatsApp Business Account.',
	},
	BANNED: {
		status: 'OFFLINE',
		reason: 'Meta banned the number: it can neither send nor receive messages.',
	},
	RESTRICTED: {
		status: 'OFFLINE',
		reason:
			'Meta restricted the number: it cannot start conversations until the restriction ends; it can still reply.',
	},
	DELETED: {
		status: 'OFFLINE',
		reason: 'The number was deleted from the WhatsApp Business Account.',
	},
	MIGRATED: {
		status: 'OFFLINE',
		reason: 'The number was migrated to another WhatsApp Business Account.',
	},
	UNKNOWN: { status: 'UNKNOWN' },
};

/**
 * Graph API v24.0 replaced `messaging_limit_tier` with `whatsapp_business_manager_messaging_limit`
 * (the business portfolio's limit). A request that names a field its version lacks fails
 * with error #100, so each version is asked exactly its own field.
 */
export function metaLimitField(
	graphVersion: string,
): 'messaging_limit_tier' | 'whatsapp_business_manager_messaging_limit' {
	const major = Number(/^v([0-9]+)/.exec(graphVersion)?.[1]);
	return major >= 24 ? 'whatsapp_business_manager_messaging_limit' : 'messaging_limit_tier';
}

/** The fields List and Get ask Meta for: what the mapper reads, for the credential's Graph version. */
export function metaPhoneNumberFields(graphVersion: string): string {
	return [
		'id',
		'display_phone_number',
		'verified_name',
		'quality_rating',
		'status',
		'name_status',
		'code_verification_status',
		metaLimitField(graphVersion),
		'health_status',
	].join(',');
}

/** A number Meta still shows as PENDING waits for its code until the code is verified; after that it waits for Register. */
function normalizeStatus(status: string | null, codeVerification: string | null): StatusMeaning {
	if (!status) return { status: 'UNKNOWN' };
	const known = META_STATUS[status.toUpperCase()] ?? { status: 'UNKNOWN' };
	if (known.status === 'PENDING' && codeVerification !== 'VERIFIED')
		return { status: 'PENDING_VERIFICATION' };
	return known;
}

const HEALTH_ENTITIES: Record<string, string> = {
	PHONE_NUMBER: 'Phone number',
	WABA: 'WhatsApp Business Account',
	BUSINESS: 'Business',
	APP: 'App',
	MESSAGE_TEMPLATE: 'Message template',
};

/**
 * Meta's `health_status` of a number (developers.facebook.com/documentation/business-messaging/whatsapp/support/health-status):
 * `can_send_message` AVAILABLE, LIMITED or BLOCKED for the number as a whole, and per entity
 * of the chain (number, WABA, business, app) the errors with Meta's description and possible
 * solution. A number that cannot send because of its WABA, business or app is not ONLINE.
 */
export function metaSendingBlock(health: unknown): SendingBlock | undefined {
	const status = asRecord(health);
	const level = textOrNull(status?.can_send_message)?.toUpperCase();
	if (level !== 'BLOCKED' && level !== 'LIMITED') return undefined;
	const entities = Array.isArray(status?.entities)
		? status.entities.map(asRecord).filter((entity) => entity !== undefined)
		: [];
	const reasons = entities
		.filter((entity) => textOrNull(entity.can_send_message)?.toUpperCase() !== 'AVAILABLE')
		.flatMap((entity) => {
			const type = textOrNull(entity.entity_type) ?? 'entity';
			const name = `${HEALTH_ENTITIES[type] ?? type}${entity.id === undefined ? '' : ` ${String(entity.id)}`}`;
			const info = additionalInfo(entity.additional_info);
			const reasons = healthErrorReasons(entity.errors, name, info);
			return reasons.length > 0
				? reasons
				: [
						{
							code: textOrNull(entity.can_send_message),
							message: `${name}: ${info ?? `Meta reports can_send_message ${level}.`}`,
							moreInfo: null,
							solution: null,
						},
					];
		});
	if (reasons.length === 0)
		reasons.push({
			code: level,
			message: `Meta reports can_send_message ${level} for this number.`,
			moreInfo: null,
			solution: null,
		});
	return { level, word: level, reasons };
}

export function mapMetaPhoneNumber(raw: JsonRecord): Sender {
	return applySendingBlock(mapMetaNumberFields(raw), metaSendingBlock(raw.health_status));
}

function mapMetaNumberFields(raw: JsonRecord): Sender {
	const providerStatus = textOrNull(raw.status);
	return senderOf({
		provider: 'metaCloud',
		id: String(raw.id ?? ''),
		phoneNumber: toE164(raw.display_phone_number),
		displayName: textOrNull(raw.verified_name),
		providerStatus,
		meaning: normalizeStatus(providerStatus, textOrNull(raw.code_verification_status)),
		quality: raw.quality_rating,
		limit: textOrNull(raw.whatsapp_business_manager_messaging_limit) ?? raw.messaging_limit_tier,
		raw,
	});
}
