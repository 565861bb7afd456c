import type { SendingBlock } from '../../core/canSend';
import { asRecord, type JsonRecord } from '../../core/json';
import { type StatusMeaning, textOrNull, toE164, senderOf } from '../../core/normalize';
import type { OfflineReason, Sender } from '../../core/sender';

/**
 * Every value of YCloud's WhatsappPhoneNumberStatus enum, each with the meaning YCloud's
 * official OpenAPI (ycloud_v2.openapi.yaml) gives it; the OFFLINE reasons are those words.
 * A word YCloud adds later becomes UNKNOWN with YCloud's word kept in providerStatus.
 */
const YCLOUD_STATUS: Record<string, StatusMeaning> = {
	// "Connected. Phone number is associated with this account and working properly."
	CONNECTED: { status: 'ONLINE' },
	// "Flagged … due to low quality messages." / "Warned. A warning has been issued …": still sending
	FLAGGED: { status: 'ONLINE' },
	WARNED: { status: 'ONLINE' },
	// "Rate limited. The number of messages you can send from this phone number may be restricted."
	RATE_LIMITED: {
		status: 'LIMITED',
		reason: 'Rate limited: the number of messages this phone number can send may be restricted.',
	},
	PENDING: { status: 'PENDING' },
	MANUAL_REVIEW: { status: 'PENDING' },
	UNVERIFIED: { status: 'PENDING_VERIFICATION' },
	RESTRICTED: {
		status: 'OFFLINE',
		reason:
			'The number has reached its 24-hour messaging limit and can no longer send messages to customers until the limit is reset.',
	},
	BLOCKED: {
		status: 'OFFLINE',
		reason: 'Message limit reached: the limit has been reached for this 24-hour period.',
	},
	DISCONNECTED: {
		status: 'OFFLINE',
		reason: 'Offline: the phone number is currently not reachable by WhatsApp servers.',
	},
	BANNED: {
		status: 'OFFLINE',
		reason: 'Banned: the phone number cannot be used with a WhatsApp account.',
	},
	MIGRATED: {
		status: 'OFFLINE',
		reason:
			'Transferred: the phone number has been transferred to another WhatsApp Business Account.',
	},
	// "Unavailable. The status of this phone number can't be determined right now."
	UNKNOWN: { status: 'UNKNOWN' },
};

/** The id this package gives a YCloud number: YCloud addresses one number by its WABA and its E.164 number. */
export function yCloudSenderId(wabaId: string, phoneNumber: string): string {
	return `${wabaId}/${phoneNumber}`;
}

/** A PENDING number whose code is not verified yet waits for the code (as on Meta, whose words these are). */
function normalizeStatus(status: string | null, codeVerification: string | null): StatusMeaning {
	if (!status) return { status: 'UNKNOWN' };
	const known = YCLOUD_STATUS[status.toUpperCase()] ?? { status: 'UNKNOWN' };
	if (
		known.status === 'PENDING' &&
		status.toUpperCase() === 'PENDING' &&
		codeVerification !== null &&
		codeVerification !== 'VERIFIED'
	) {
		return { status: 'PENDING_VERIFICATION' };
	}
	return known;
}

export function mapYCloudPhoneNumber(raw: JsonRecord): Sender {
	const phoneNumber = toE164(raw.phoneNumber) ?? toE164(raw.displayPhoneNumber);
	const wabaId = textOrNull(raw.wabaId);
	const providerStatus = textOrNull(raw.status);
	return senderOf({
		provider: 'ycloud',
		id: wabaId && phoneNumber ? yCloudSenderId(wabaId, phoneNumber) : String(raw.id ?? ''),
		phoneNumber,
		displayName: textOrNull(raw.verifiedName),
		providerStatus,
		meaning: normalizeStatus(providerStatus, textOrNull(raw.codeVerificationStatus)),
		quality: raw.qualityRating,
		// since October 7, 2025 the limit belongs to the business portfolio, shared by all its numbers:
		// YCloud's whatsappBusinessManagerMessagingLimit first, the number's own only without it
		limit: textOrNull(raw.whatsappBusinessManagerMessagingLimit) ?? raw.messagingLimit,
		raw,
	});
}

/**
 * A WABA's restrictions that stop its numbers sending (WhatsappBusinessAccountRestrictionInfo,
 * "restrictions imposed on the WABA, when that WABA violates WhatsApp Business Platform
 * policies"); RESTRICTED_ADD_PHONE_NUMBER_ACTION stops no sending and is left out.
 */
const SENDING_RESTRICTIONS: Record<string, string> = {
	RESTRICTED_BIZ_INITIATED_MESSAGING:
		'may not start conversations (business-initiated messages are restricted)',
	RESTRICTED_CUSTOMER_INITIATED_MESSAGING:
		'may not answer conversations customers start (customer-initiated messaging is restricted)',
};

/**
 * What a WhatsappBusinessAccount of YCloud's says about sending from its numbers: banState
 * DISABLE blocks them, SCHEDULE_FOR_DISABLE announces it; a restriction in force (no
 * expiration, or one after `now`) limits them, both messaging restrictions together block them.
 * REINSTATE, or no ban and no restriction, puts nothing on top of the numbers' own statuses.
 */
export function yCloudWabaBlock(waba: JsonRecord, now: number): SendingBlock | undefined {
	const about = `WhatsApp Business Account ${textOrNull(waba.id) ?? ''}`.trim();
	const reasons: OfflineReason[] = [];
	const ban = textOrNull(waba.banState);
	const violation = textOrNull(waba.violationType);
	const banDate = textOrNull(waba.banDate);
	if (ban === 'DISABLE' || ban === 'SCHEDULE_FOR_DISABLE') {
		const what =
			ban === 'DISABLE'
				? 'is banned (banState DISABLE)'
				: 'is scheduled for disabling (banState SCHEDULE_FOR_DISABLE)';
		reasons.push({
			code: ban,
			message: `${about} ${what}${violation ? `, violation ${violation}` : ''}.`,
			moreInfo: banDate ? `banDate ${banDate}` : null,
			solution: null,
		});
	}
	const restrictions = Array.isArray(waba.restrictions) ? waba.restrictions.map(asRecord) : [];
	const inForce = restrictions.filter((restriction): restriction is JsonRecord => {
		const type = textOrNull(restriction?.restrictionType);
		const expiration = Date.parse(textOrNull(restriction?.expiration) ?? '');
		return (
			type !== null &&
			type in SENDING_RESTRICTIONS &&
			(Number.isNaN(expiration) || expiration > now)
		);
	});
	for (const restriction of inForce) {
		const type = String(restriction.restrictionType);
		const until = textOrNull(restriction.expiration);
		reasons.push({
			code: type,
			message: `${about} ${SENDING_RESTRICTIONS[type]}${until ? ` until ${until}` : ''}.`,
			moreInfo: violation ? `violation ${violation}` : null,
			solution: null,
		});
	}
	if (reasons.length === 0) return undefined;
	const bothRestricted =
		new Set(inForce.map((restriction) => restriction.restrictionType)).size ===
		Object.keys(SENDING_RESTRICTIONS).length;
	const level = ban === 'DISABLE' || bothRestricted ? 'BLOCKED' : 'LIMITED';
	return { level, word: reasons[0].code!, reasons };
}
