import { asRecord, type JsonRecord } from '../../core/json';
import { textOrNull, toE164 } from '../../core/normalize';
import type { Sender } from '../../core/sender';
import { withoutSecrets } from '../shapes';
import type { ProviderErrorDetail, RegisteredNumber } from '../types';

/** The per-number key 99digital returns for its messaging API: a secret, left out unless asked for. */
export const SECRET_FIELDS = ['apiKey'] as const;

/** The Partners API endpoints this package calls; each documents its own `reason` codes. */
export const NINETY_NINE_PATHS = {
	numbers: '/api/whatsapp/getWhatsApp',
	registered: '/api/whatsapp/getRegisteredNumbers',
	register: '/api/whatsapp/registerNumber',
	deleteNumber: '/api/whatsapp/deleteWhatsApp',
} as const;

interface ReasonMeaning {
	message: string;
	hint?: string;
	tokenExpired?: boolean;
	credentials?: boolean;
}

const TOKEN_EXPIRED: ReasonMeaning = {
	message: 'access token does not exist or expired',
	tokenExpired: true,
};
const WRONG_CREDENTIALS: ReasonMeaning = {
	message: 'wrong credentials',
	// the rejected-credentials message already says to check the client ID and secret
	hint: 'Both are in the 99digital partners dashboard.',
	credentials: true,
};
const wrongMethod = (method: string): ReasonMeaning => ({
	message: `99digital expects the ${method} method on this endpoint`,
});

/**
 * 99digital's `reason` codes per endpoint, in the words of each endpoint's page
 * (docs.99digital.co.il/partners-api/whatsapp/…): the same number means different things on
 * different endpoints. Reasons 2 and 3 read the same on every page found; a reason an
 * endpoint does not document is reported with its number and 99digital's own message.
 */
const REASONS_BY_PATH: Record<string, Record<string, ReasonMeaning>> = {
	[NINETY_NINE_PATHS.numbers]: {
		'2': WRONG_CREDENTIALS,
		'3': TOKEN_EXPIRED,
		'13': wrongMethod('GET'),
	},
	[NINETY_NINE_PATHS.registered]: {
		'2': WRONG_CREDENTIALS,
		'3': TOKEN_EXPIRED,
		'13': wrongMethod('GET'),
	},
	// the page's reason table is not in the copies found: only the reasons every page shares
	[NINETY_NINE_PATHS.register]: {
		'2': WRONG_CREDENTIALS,
		'3': TOKEN_EXPIRED,
		// the seed notes list 4 among the common reasons
		'4': {
			message: 'invalid number',
			hint: 'Give the number with its country code, e.g. +972501234567.',
		},
	},
	[NINETY_NINE_PATHS.deleteNumber]: {
		'2': {
			...WRONG_CREDENTIALS,
			message: 'partnerKey is incorrect or JSON format error',
			hint: 'Both are in the 99digital partners dashboard; the request body the node sends is always JSON.',
		},
		'3': TOKEN_EXPIRED,
		'4': {
			message: 'WhatsApp number is empty or wrong',
			hint: 'Give the number with its country code, as List shows it.',
		},
		'13': wrongMethod('DELETE'),
		'27': {
			message: 'WhatsApp number does not exist under your account',
			hint: 'List the numbers to see which ones this account has.',
		},
	},
};

/**
 * `"status": "FAIL"` with a `reason` means the call failed, whatever the HTTP status
 * (99digital often answers 200), and the reason is read with the endpoint's own table.
 * Anything else is not an envelope failure.
 */
export function readEnvelopeFailure(body: unknown, path = ''): ProviderErrorDetail | undefined {
	const envelope = asRecord(body);
	if (!envelope || String(envelope.status ?? '').toUpperCase() !== 'FAIL') return undefined;
	const reason =
		envelope.reason === undefined || envelope.reason === null ? undefined : String(envelope.reason);
	const known = reason === undefined ? undefined : REASONS_BY_PATH[path]?.[reason];
	return {
		code: reason === undefined ? undefined : `reason ${reason}`,
		message: known?.message ?? textOrNull(envelope.message) ?? 'the request failed (status FAIL)',
		hint: known?.hint,
		tokenExpired: known?.tokenExpired,
		credentialsRejected: known?.credentials,
	};
}

function digits(value: unknown): string {
	return String(value ?? '').replace(/[^0-9]/g, '');
}

/**
 * getWhatsApp lists the numbers that finished onboarding, so a listed number is ONLINE.
 * `isOnline`, `onlineAccount` and `onlineInbox` say whether the number is attached to an
 * inbox of 99digital's "Online" product (its "Create a new WhatsApp Inbox" page sends
 * partners to `isOnline` to find numbers free for an inbox), not whether it can send: they
 * are output as `onlineInbox`, and attaching or detaching an inbox is not a status change.
 * 99digital reports no quality rating or limit.
 */
export function mapNinetyNineNumber(raw: JsonRecord, includeSecrets = false): Sender {
	return {
		provider: '99digital',
		id: digits(raw.whatsapp),
		phoneNumber: toE164(raw.whatsapp),
		displayName: textOrNull(raw.display_name) ?? textOrNull(raw.business_name),
		status: 'ONLINE',
		providerStatus: null,
		qualityRating: 'UNKNOWN',
		messagingLimit: null,
		messagingLimitText: null,
		onlineInbox: {
			attached: Number(raw.isOnline) === 1,
			accountId: zeroAsNull(raw.onlineAccount),
			inboxId: zeroAsNull(raw.onlineInbox),
		},
		raw: withoutSecrets(raw, SECRET_FIELDS, includeSecrets),
	};
}

/** 99digital writes 0 where a number has no Online account or inbox. */
function zeroAsNull(value: unknown): string | null {
	const text = textOrNull(value);
	return text === null || text === '0' ? null : text;
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
	const totals = Object.fromEntries(
		Object.entries(response).filter(([key]) => key.startsWith('total')),
	);
	return { provider: '99digital', ...totals };
}

export { digits as phoneDigits };
