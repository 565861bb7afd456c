import { asRecord, type JsonRecord } from '../../core/json';
import { textOrNull, toE164 } from '../../core/normalize';
import type { Sender } from '../../core/sender';
import type { ProviderErrorDetail, RegisteredNumber } from '../types';

/** The per-number key 99digital returns for its messaging API: a secret, left out unless asked for. */
export const SECRET_FIELDS = ['apiKey'] as const;

/** 99digital's `reason` codes, in words a user can act on. */
const REASONS: Record<string, { message: string; hint?: string; tokenExpired?: boolean; credentials?: boolean }> = {
	'2': { message: 'wrong credentials', hint: 'Check the client ID and client secret (partners dashboard).', credentials: true },
	'3': { message: 'access token missing or expired', tokenExpired: true },
	'4': { message: 'invalid number', hint: 'Give the number in international format: country code and number.' },
	'13': { message: 'wrong HTTP method for this endpoint' },
	'27': { message: 'the number does not belong to this account' },
};

/**
 * `"status": "FAIL"` with a `reason` means the call failed, whatever the HTTP status
 * (99digital often answers 200). Anything else is not an envelope failure.
 */
export function readEnvelopeFailure(body: unknown): ProviderErrorDetail | undefined {
	const envelope = asRecord(body);
	if (!envelope || String(envelope.status ?? '').toUpperCase() !== 'FAIL') return undefined;
	const reason = envelope.reason === undefined || envelope.reason === null ? undefined : String(envelope.reason);
	const known = reason === undefined ? undefined : REASONS[reason];
	return {
		code: reason === undefined ? undefined : `reason ${reason}`,
		message: known?.message ?? (textOrNull(envelope.message) ?? 'the request failed (status FAIL)'),
		hint: known?.hint,
		tokenExpired: known?.tokenExpired,
		credentialsRejected: known?.credentials,
	};
}

function withoutSecrets(raw: JsonRecord, includeSecrets: boolean): JsonRecord {
	if (includeSecrets) return raw;
	const copy = { ...raw };
	for (const field of SECRET_FIELDS) delete copy[field];
	return copy;
}

function digits(value: unknown): string {
	return String(value ?? '').replace(/[^0-9]/g, '');
}

/** A number that finished onboarding. `isOnline` (attached to a 99digital inbox) is its status; 99digital reports no quality rating or limit. */
export function mapNinetyNineNumber(raw: JsonRecord, includeSecrets = false): Sender {
	const online = raw.isOnline === undefined || raw.isOnline === null ? undefined : Number(raw.isOnline);
	return {
		provider: '99digital',
		id: digits(raw.whatsapp),
		phoneNumber: toE164(raw.whatsapp),
		displayName: textOrNull(raw.display_name) ?? textOrNull(raw.business_name),
		status: online === 1 ? 'ONLINE' : online === 0 ? 'OFFLINE' : 'UNKNOWN',
		providerStatus: online === undefined ? null : `isOnline=${online}`,
		qualityRating: 'UNKNOWN',
		messagingLimit: null,
		messagingLimitText: null,
		raw: withoutSecrets(raw, includeSecrets),
	};
}

function unixToIso(value: unknown): string | null {
	const seconds = Number(value);
	return value === null || value === undefined || value === '' || !Number.isFinite(seconds)
		? null
		: new Date(seconds * 1000).toISOString();
}

export function mapRegisteredNumber(raw: JsonRecord): RegisteredNumber {
	return {
		provider: '99digital',
		phoneNumber: toE164(raw.whatsapp),
		expiresAt: unixToIso(raw.expiration),
		onboardingLink: textOrNull(raw.onboarding_link),
		comment: textOrNull(raw.comment),
		raw,
	};
}

/** The account totals of getWhatsApp (every `total…` field, as 99digital names them). */
export function mapAccountUsage(response: JsonRecord): Record<string, unknown> {
	const totals = Object.fromEntries(Object.entries(response).filter(([key]) => key.startsWith('total')));
	return { provider: '99digital', ...totals };
}

export { digits as phoneDigits };
