import type { JsonRecord } from '../../core/json';
import {
	normalizeQuality,
	offlineReasonsOf,
	parseMessagingLimit,
	type StatusMeaning,
	textOrNull,
	toE164,
} from '../../core/normalize';
import type { Sender } from '../../core/sender';

/**
 * The platform's sender statuses (senders guide, "Sender Status"; the list API documents
 * `online` and, with status=all, the others). Every status in which the number cannot send
 * is OFFLINE, with the guide's explanation as the offline reason, so "status becomes
 * OFFLINE" fires for a suspension as much as for a number switched off.
 */
const PLATFORM_STATUS: Record<string, StatusMeaning> = {
	online: { status: 'ONLINE' },
	connecting: { status: 'PENDING' },
	pending: { status: 'PENDING' },
	offline: { status: 'OFFLINE', reason: 'Manually disabled: messages cannot be sent or received.' },
	suspended: { status: 'OFFLINE', reason: 'Suspended by Meta due to policy violations.' },
	failed: {
		status: 'OFFLINE',
		reason: 'Setup failed: see the error message in the dashboard for details.',
	},
};

export function mapPlatformSender(provider: string, raw: JsonRecord): Sender {
	const providerStatus = textOrNull(raw.status);
	const known = providerStatus === null ? undefined : PLATFORM_STATUS[providerStatus.toLowerCase()];
	const offlineReasons = offlineReasonsOf(providerStatus, known);
	return {
		provider,
		id: String(raw.id ?? ''),
		phoneNumber: toE164(raw.phone_number),
		displayName: textOrNull(raw.display_name),
		status: known?.status ?? 'UNKNOWN',
		providerStatus,
		qualityRating: normalizeQuality(raw.quality_rating),
		messagingLimit: parseMessagingLimit(raw.messaging_limit),
		messagingLimitText: textOrNull(raw.messaging_limit_formatted),
		...(offlineReasons && { offlineReasons }),
		raw,
	};
}
