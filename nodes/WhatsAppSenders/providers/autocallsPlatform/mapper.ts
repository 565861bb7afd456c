import type { JsonRecord } from '../../core/json';
import { normalizeQuality, parseMessagingLimit, textOrNull, toE164 } from '../../core/normalize';
import type { Sender, SenderStatus } from '../../core/sender';

/** The documented values are online and offline; the rest are the platform's other states seen in its UI. */
const PLATFORM_STATUS: Record<string, SenderStatus> = {
	online: 'ONLINE',
	offline: 'OFFLINE',
	pending: 'PENDING',
	connecting: 'PENDING',
};

export function mapPlatformSender(provider: string, raw: JsonRecord): Sender {
	const providerStatus = textOrNull(raw.status);
	return {
		provider,
		id: String(raw.id ?? ''),
		phoneNumber: toE164(raw.phone_number),
		displayName: textOrNull(raw.display_name),
		status: (providerStatus && PLATFORM_STATUS[providerStatus.toLowerCase()]) || 'UNKNOWN',
		providerStatus,
		qualityRating: normalizeQuality(raw.quality_rating),
		messagingLimit: parseMessagingLimit(raw.messaging_limit),
		messagingLimitText: textOrNull(raw.messaging_limit_formatted),
		raw,
	};
}
