import { applySendingBlock, type SendingBlock } from '../../core/canSend';
import { asRecord, type JsonRecord } from '../../core/json';
import {
	normalizeQuality,
	offlineReasonsOf,
	readTierLimit,
	textOrNull,
	type StatusMeaning,
} from '../../core/normalize';
import type { OfflineReason, Sender } from '../../core/sender';
import { joinHint, withoutSecrets } from '../shapes';
import type { ProviderErrorDetail } from '../types';

/**
 * Sinch Provisioning API, WhatsApp senders (developers.sinch.com/docs/provisioning-api, API
 * reference 1.2.x; enum descriptions from Sinch's OpenAPI bundle as mirrored in
 * api-evangelist/sinch). docs/providers.md lists the source of every mapping below.
 */

/** The sender's token for connecting it to a Conversation API app: a secret, left out unless asked for. */
export const SECRET_FIELDS = ['bearerToken'] as const;

/**
 * `state` of a sender (WhatsappSenderStatesEnum). The OFFLINE reasons are Sinch's own
 * descriptions of each state. Which normalized status each state means is this package's
 * reading of those descriptions (docs/providers.md marks it an assumption where it is one).
 */
export const SINCH_STATES: Record<string, StatusMeaning> = {
	ACTIVE: { status: 'ONLINE' },
	IN_PROGRESS: { status: 'PENDING' },
	PENDING_VERIFICATION: { status: 'PENDING_VERIFICATION' },
	INACTIVE: { status: 'OFFLINE', reason: 'The sender exists but is currently not active.' },
	SUSPENDED: {
		status: 'OFFLINE',
		reason:
			'The sender has been temporarily suspended due to administrative or policy restrictions.',
	},
	ERROR: {
		status: 'OFFLINE',
		reason:
			'The sender has encountered an operational failure and requires technical troubleshooting.',
	},
};

/**
 * A newly created sender has no `state` yet, only its pending `changes.status`
 * (WhatsappSenderStatusesEnum): read as the state of its setup.
 */
const CHANGE_STATUSES: Record<string, StatusMeaning> = {
	DRAFT: { status: 'PENDING' },
	IN_PROGRESS: { status: 'PENDING' },
	REJECTED: { status: 'OFFLINE', reason: 'The sender request was reviewed and rejected.' },
	ERROR: {
		status: 'OFFLINE',
		reason: 'The sender request failed and needs troubleshooting or a new attempt.',
	},
	MULTIPLE_WABA_ERROR: {
		status: 'OFFLINE',
		reason: 'The sender request failed (MULTIPLE_WABA_ERROR).',
	},
};

/** "+" + countryCode + phoneNumber ("48" and "777777777" in Sinch's example); null when either is missing. */
export function sinchPhoneNumber(countryCode: unknown, phoneNumber: unknown): string | null {
	const country = textOrNull(countryCode)?.replace(/\D/g, '') ?? '';
	const national = textOrNull(phoneNumber)?.replace(/\D/g, '') ?? '';
	if (country === '' || national === '') return null;
	const digits = `${country}${national}`;
	return /^[0-9]{6,15}$/.test(digits) ? `+${digits}` : null;
}

function statusOf(
	raw: JsonRecord,
	changes: JsonRecord | undefined,
): { word: string | null; meaning?: StatusMeaning } {
	const state = textOrNull(raw.state);
	if (state !== null) return { word: state, meaning: SINCH_STATES[state] };
	const change = textOrNull(changes?.status);
	return { word: change, meaning: change === null ? undefined : CHANGE_STATUSES[change] };
}

function offlineReasons(
	word: string | null,
	meaning: StatusMeaning | undefined,
	changes: JsonRecord | undefined,
): OfflineReason[] | undefined {
	const reasons = offlineReasonsOf(word, meaning);
	if (!reasons) return undefined;
	// Sinch says why a sender is in ERROR in `changes.errorReason` / `changes.errorCode`
	const errorReason = textOrNull(changes?.errorReason);
	const errorCode = textOrNull(changes?.errorCode);
	if (errorReason === null && errorCode === null) return reasons;
	return [{ code: errorCode ?? word, message: errorReason ?? reasons[0].message, moreInfo: null }];
}

/** The WhatsappAccountDto of GET /v1/projects/{projectId}/whatsapp, or undefined when Sinch could not read it. */
export type SinchAccount = JsonRecord;

/**
 * `wabaBanState` (WhatsappWabaBanStatesEnum), in Sinch's own descriptions: DISABLE blocks every
 * sender of the account; SCHEDULE_FOR_DISABLE still sends, until the disablement. REINSTATE
 * and UNRECOGNIZED put nothing on top of the senders' own states.
 */
const BAN_STATES: Record<string, { level: SendingBlock['level']; message: string }> = {
	DISABLE: {
		level: 'BLOCKED',
		message:
			'The WhatsApp Business Account has been disabled due to administrative or policy enforcement.',
	},
	SCHEDULE_FOR_DISABLE: {
		level: 'LIMITED',
		message:
			'The WhatsApp Business Account is scheduled for automatic disablement following a grace or appeal period.',
	},
};

function banOf(state: unknown, date: unknown): SendingBlock | undefined {
	const word = textOrNull(state);
	const ban = word === null ? undefined : BAN_STATES[word];
	if (!word || !ban) return undefined;
	const since = textOrNull(date);
	return {
		level: ban.level,
		word,
		reasons: [
			{
				code: word,
				message: ban.message,
				moreInfo: since === null ? null : `wabaBanDate ${since}`,
				solution: null,
			},
		],
	};
}

/**
 * One WhatsappSenderDto. `account` is the account read: its `businessDailyLimit` and
 * `wabaBanState` replace the deprecated per-sender copies, which are read only when the
 * account could not be read (undefined) or does not give them.
 */
export function mapSinchSender(
	raw: JsonRecord,
	account?: SinchAccount,
	includeSecrets = false,
): Sender {
	const changes = asRecord(raw.changes);
	const details = asRecord(raw.details) ?? asRecord(changes?.details);
	const { word, meaning } = statusOf(raw, changes);
	const limitWord = textOrNull(account?.businessDailyLimit) ?? textOrNull(raw.dailyLimit);
	const reasons = offlineReasons(word, meaning, changes);
	const ban = account
		? banOf(account.wabaBanState, account.wabaBanDate)
		: banOf(raw.wabaBanState, raw.wabaBanDate);
	return applySendingBlock(
		{
			provider: 'sinch',
			id: String(raw.id ?? ''),
			phoneNumber: sinchPhoneNumber(raw.countryCode, raw.phoneNumber),
			displayName: textOrNull(details?.displayName),
			status: meaning?.status ?? 'UNKNOWN',
			providerStatus: word,
			qualityRating: normalizeQuality(raw.qualityRating),
			messagingLimit: readTierLimit(limitWord).limit,
			messagingLimitText: limitWord,
			...(reasons ? { offlineReasons: reasons } : {}),
			raw: withoutSecrets(raw, SECRET_FIELDS, includeSecrets),
		},
		ban,
	);
}

/** The business profile shown on WhatsApp: the sender's `details`, with any pending `changes`. */
export function mapSinchProfile(raw: JsonRecord): Record<string, unknown> {
	const changes = asRecord(raw.changes);
	return {
		provider: 'sinch',
		id: String(raw.id ?? ''),
		...(asRecord(raw.details) ?? {}),
		...(changes ? { pendingChanges: changes } : {}),
	};
}

/**
 * The PAPI error body every Provisioning API endpoint returns: `errorCode`, `message`,
 * `resolution` (what to change) and `additionalInformation` (e.g. the validation errors).
 * A 401 may be an expired token: the transport fetches a new one once before giving up.
 */
export function parseSinchError(status: number, body: unknown): ProviderErrorDetail {
	const error = asRecord(body);
	const code = textOrNull(error?.errorCode) ?? undefined;
	const validation = asRecord(error?.additionalInformation)?.validationErrors;
	return {
		code,
		message: textOrNull(error?.message) ?? undefined,
		hint: joinHint([
			textOrNull(error?.resolution),
			Array.isArray(validation) && validation.length > 0
				? `Sinch's validation errors: ${validation.map(String).join('; ')}.`
				: null,
		]),
		tokenExpired: status === 401 || undefined,
	};
}
