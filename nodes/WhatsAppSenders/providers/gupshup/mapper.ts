import {
	additionalInfo,
	applySendingBlock,
	healthErrorReasons,
	type SendingBlock,
} from '../../core/canSend';
import { asRecord, type JsonRecord } from '../../core/json';
import { type StatusMeaning, textOrNull, toE164, senderOf } from '../../core/normalize';
import type { Sender } from '../../core/sender';
import type { ProviderErrorDetail, ProviderRequest } from '../types';

/**
 * Gupshup Partner API paths this package calls (partner-docs.gupshup.io, sources in
 * docs/providers.md). The app id goes into the path as it is: it was checked against
 * GUPSHUP_APP_ID before any request.
 */
export const GUPSHUP_PATHS = {
	login: '/partner/account/login',
	partnerApps: '/partner/account/api/partnerApps',
	appToken: (appId: string) => `/partner/app/${encodeURIComponent(appId)}/token/`,
	wabaInfo: (appId: string) => `/partner/app/${encodeURIComponent(appId)}/waba/info`,
	/** GET with the trailing slash, as Gupshup's Get Profile Details curl writes it; PUT without. */
	profile: (appId: string) => `/partner/app/${encodeURIComponent(appId)}/business/profile/`,
	profileUpdate: (appId: string) => `/partner/app/${encodeURIComponent(appId)}/business/profile`,
	profileAbout: (appId: string) =>
		`/partner/app/${encodeURIComponent(appId)}/business/profile/about`,
} as const;

/** Every app id in Gupshup's examples is a UUID ("00065097-93ff-4c22-bfa4-845f01b7de3b"). */
export const GUPSHUP_APP_ID =
	/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/**
 * dockerStatus words of Get Waba Info. CONNECTED and PENDING say what they mean; the
 * others are read as Meta's phone-number statuses of the same name (an assumption: Gupshup
 * does not explain them). FLAGGED is Meta's low-quality warning, still sending.
 */
const DOCKER_STATUS: Record<string, StatusMeaning> = {
	CONNECTED: { status: 'ONLINE' },
	FLAGGED: { status: 'ONLINE' },
	PENDING: { status: 'PENDING' },
	DISCONNECTED: {
		status: 'OFFLINE',
		reason: 'Gupshup reports the number as DISCONNECTED from WhatsApp.',
	},
	RESTRICTED: {
		status: 'OFFLINE',
		reason:
			'Gupshup reports the number as RESTRICTED: it cannot start conversations until the restriction ends.',
	},
	UNKNOWN: { status: 'UNKNOWN' },
};

const BANNED: StatusMeaning = {
	status: 'OFFLINE',
	reason: 'Gupshup reports the WhatsApp Business Account as BANNED.',
};

function word(value: unknown): string | null {
	const text = textOrNull(value);
	return text === null ? null : text.trim().toUpperCase();
}

/**
 * The sender's status from dockerStatus and accountStatus: a banned account is OFFLINE
 * whatever the connection says; otherwise dockerStatus decides. canSendMessage comes on top
 * (sendingBlockOf).
 */
function statusOf(info: JsonRecord): StatusMeaning {
	if (word(info.accountStatus) === 'BANNED') return BANNED;
	const docker = word(info.dockerStatus);
	return docker === null ? { status: 'UNKNOWN' } : (DOCKER_STATUS[docker] ?? { status: 'UNKNOWN' });
}

/**
 * canSendMessage, Meta's health_status as Get Waba Info relays it: BLOCKED makes the number
 * OFFLINE, LIMITED makes an ONLINE one LIMITED, with Meta's errors and fixes as the reasons.
 */
function sendingBlockOf(info: JsonRecord): SendingBlock | undefined {
	const level = word(info.canSendMessage);
	if (level !== 'BLOCKED' && level !== 'LIMITED') return undefined;
	const more = additionalInfo(info.additionalInfo);
	const reasons = healthErrorReasons(info.errors, 'WhatsApp number', more);
	if (reasons.length === 0)
		reasons.push({
			code: level,
			message: more ?? `Gupshup reports canSendMessage ${level} for this app.`,
			moreInfo: null,
			solution: null,
		});
	return { level, word: level, reasons };
}

/** "dockerStatus/accountStatus/canSendMessage" as Gupshup words them ("-" for a missing one), so any of them changing shows. */
function providerStatusOf(info: JsonRecord): string | null {
	const parts = [info.dockerStatus, info.accountStatus, info.canSendMessage].map((value) =>
		textOrNull(value),
	);
	return parts.every((part) => part === null) ? null : parts.map((part) => part ?? '-').join('/');
}

/**
 * One Gupshup app (one WhatsApp number) as a sender: `app` is its entry in Get Partner Apps
 * (undefined when only Get Waba Info was read), `info` the `wabaInfo` object of Get Waba
 * Info. The app token is never part of either.
 */
export function mapGupshupApp(
	appId: string,
	app: JsonRecord | undefined,
	info: JsonRecord,
): Sender {
	return applySendingBlock(
		senderOf({
			provider: 'gupshup',
			id: appId,
			phoneNumber: toE164(info.phone),
			displayName: textOrNull(info.verifiedName) ?? textOrNull(app?.name),
			providerStatus: providerStatusOf(info),
			meaning: statusOf(info),
			quality: info.phoneQuality,
			limit: info.messagingLimit,
			raw: { app: app ?? null, wabaInfo: info },
		}),
		sendingBlockOf(info),
	);
}

/**
 * An app whose Get Waba Info answered 400 (an app that is not live or has no WhatsApp
 * Business Account yet): listed with what the app list says, status UNKNOWN, and Gupshup's
 * message kept, so one such app does not break the listing of all the others.
 */
export function mapAppWithoutWabaInfo(app: JsonRecord, message: string): Sender {
	return senderOf({
		provider: 'gupshup',
		id: String(app.id ?? ''),
		phoneNumber: toE164(app.phone),
		displayName: textOrNull(app.name),
		raw: { app, wabaInfo: null, wabaInfoError: message },
	});
}

/**
 * Gupshup refused the token: a 401, or the 400 "Authentication Failed" Gupshup documents on
 * partner endpoints ("Either appId or partner_token is incorrect").
 */
export function isTokenRefusal(status: number, message: string | null | undefined): boolean {
	return status === 401 || (status === 400 && /authentication failed/i.test(message ?? ''));
}

/** Paths whose Authorization header carries the partner token (a refusal there: log in again, once). */
function usesPartnerToken(path: string): boolean {
	return path === GUPSHUP_PATHS.partnerApps || /^\/partner\/app\/[^/]+\/token\/$/.test(path);
}

/**
 * Gupshup's error body `{"status":"error","message":"…"}`. A 401 on a request signed with the
 * partner token asks for a new login (it lives 24 hours); a 401 on Get Waba Info is about
 * the app token, which the adapter renews itself.
 */
export function parseGupshupError(
	status: number,
	body: unknown,
	request: ProviderRequest,
): ProviderErrorDetail {
	const envelope = asRecord(body);
	const message = textOrNull(envelope?.message) ?? (typeof body === 'string' ? body : undefined);
	const detail: ProviderErrorDetail = { message: message ?? undefined };
	const refusedToken = isTokenRefusal(status, message);
	if (refusedToken && usesPartnerToken(request.path)) detail.tokenExpired = true;
	if (status === 400 && /invalid app id/i.test(message ?? '')) {
		detail.hint = 'Check the app ID: List shows the app IDs of this Gupshup partner account.';
	}
	if (status === 400 && refusedToken && usesPartnerToken(request.path)) {
		detail.hint =
			'Gupshup refused the partner token ("Authentication Failed"), also after logging in again: check the email and client secret in the credential.';
	}
	if (refusedToken && !usesPartnerToken(request.path) && request.path !== GUPSHUP_PATHS.login) {
		detail.hint =
			'Gupshup refused the app token of this app, also after it was asked for again (Gupshup gives an app its existing token): check that the app is live and belongs to this partner account.';
	}
	if (status === 429) {
		detail.hint =
			'Gupshup allows 10 requests per 60 seconds on Get Waba Info, the request List and Get make once per app, and asks for a 1-minute cooldown; the node waited it out twice. Poll less often for many apps.';
	}
	return detail;
}
