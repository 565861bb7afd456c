import { asRecord, type JsonRecord } from '../../core/json';
import { textOrNull, senderOf } from '../../core/normalize';
import type { Sender } from '../../core/sender';
import { joinHint } from '../shapes';
import type { ProviderErrorDetail } from '../types';
import { META_STATUS } from '../metaCloud';

/**
 * One result of Infobip's Get WhatsApp senders quality: `sender` (digits), `qualityRating`
 * HIGH / MEDIUM / LOW / UNKNOWN, `status` in Meta's phone-number words (CONNECTED, FLAGGED,
 * RESTRICTED, BANNED, …, read as Meta's), `currentLimit` LIMIT_NA, LIMIT_250 … UNLIMITED
 * (any LIMIT_<n>[K] read from its number) and `lastUpdated`. The sender id is the number in E.164.
 */
export function mapInfobipSender(result: JsonRecord): Sender {
	const digits = String(result.sender ?? '');
	const providerStatus = textOrNull(result.status);
	return senderOf({
		provider: 'infobip',
		id: `+${digits}`,
		phoneNumber: `+${digits}`,
		providerStatus,
		meaning: providerStatus === null ? undefined : META_STATUS[providerStatus.toUpperCase()],
		quality: result.qualityRating,
		limit: result.currentLimit,
		raw: result,
	});
}

/** Infobip's words: "Only senders associated with your account are included in the response". */
export const NOT_ON_ACCOUNT =
	'Infobip did not return this number: Infobip answers only for senders associated with this account. Check the number in the credential and that it is a WhatsApp sender of this Infobip account.';

/**
 * A number the user named that Infobip left out of its answer: NOT_FOUND, never a healthy
 * sender, and never a removal (the number is still in the credential).
 */
export function notFoundSender(e164: string): Sender {
	return senderOf({
		provider: 'infobip',
		id: e164,
		phoneNumber: e164,
		providerStatus: null,
		meaning: { status: 'NOT_FOUND' },
		offlineReasons: [{ code: 'NOT_ON_ACCOUNT', message: NOT_ON_ACCOUNT, moreInfo: null }],
		raw: {},
	});
}

/**
 * Infobip's error bodies: the API error `{errorCode, description, action, violations[]}` of its
 * newer endpoints, or the older `{requestError: {serviceException: {messageId, text,
 * validationErrors}}}`; both read.
 */
export function parseInfobipError(status: number, body: unknown): ProviderErrorDetail {
	const record = asRecord(body);
	const service = asRecord(asRecord(record?.requestError)?.serviceException);
	const code = textOrNull(record?.errorCode) ?? textOrNull(service?.messageId) ?? undefined;
	const message = textOrNull(record?.description) ?? textOrNull(service?.text) ?? undefined;
	const violations = Array.isArray(record?.violations)
		? record.violations
				.map((entry) => asRecord(entry))
				.map((entry) =>
					[textOrNull(entry?.property), textOrNull(entry?.violation)].filter(Boolean).join(': '),
				)
				.filter(Boolean)
		: Object.entries(asRecord(service?.validationErrors) ?? {}).map(
				([field, messages]) =>
					`${field}: ${Array.isArray(messages) ? messages.join(', ') : String(messages)}`,
			);
	const hint = joinHint([
		textOrNull(record?.action),
		violations.length > 0 ? `Infobip refused: ${violations.join('; ')}.` : null,
		status === 429
			? 'Infobip allows 10 requests a second per account; the node waited and tried again.'
			: null,
	]);
	return { code, message, hint };
}
