import { normalizeQuality, parseMessagingLimit, textOrNull, toE164 } from '../../core/normalize';
import { asRecord, type JsonRecord } from '../../core/json';
import type { OfflineReason, Sender, SenderStatus } from '../../core/sender';

/** Twilio's sender statuses (the contract's channels_sender_enum_status) in the normalized vocabulary. */
const TWILIO_STATUS: Record<string, SenderStatus> = {
	ONLINE: 'ONLINE',
	'ONLINE:UPDATING': 'ONLINE',
	OFFLINE: 'OFFLINE',
	CREATING: 'PENDING',
	TWILIO_REVIEW: 'PENDING',
	DRAFT: 'PENDING',
	STUBBED: 'PENDING',
	PENDING_VERIFICATION: 'PENDING_VERIFICATION',
	VERIFYING: 'VERIFYING',
};

function mapOfflineReasons(value: unknown): OfflineReason[] {
	if (!Array.isArray(value)) return [];
	return value.map((reason) => {
		const entry = asRecord(reason) ?? {};
		return {
			code: textOrNull(entry.code),
			message: textOrNull(entry.message),
			moreInfo: textOrNull(entry.more_info),
		};
	});
}

export function mapTwilioSender(raw: JsonRecord): Sender {
	const properties = asRecord(raw.properties);
	const providerStatus = textOrNull(raw.status);
	return {
		provider: 'twilio',
		id: String(raw.sid ?? ''),
		phoneNumber: toE164(raw.sender_id),
		displayName: textOrNull(asRecord(raw.profile)?.name),
		status: (providerStatus && TWILIO_STATUS[providerStatus]) || 'UNKNOWN',
		providerStatus,
		qualityRating: normalizeQuality(properties?.quality_rating),
		messagingLimit: parseMessagingLimit(properties?.messaging_limit),
		messagingLimitText: textOrNull(properties?.messaging_limit),
		offlineReasons: mapOfflineReasons(raw.offline_reasons),
		raw,
	};
}
