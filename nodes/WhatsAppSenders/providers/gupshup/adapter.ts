import { ProviderApiError, UnexpectedResponseError } from '../../core/errors';
import { asRecord, type JsonRecord } from '../../core/json';
import type { Sender } from '../../core/sender';
import type { ProviderAdapter } from '../adapter';
import type { ProviderHttp } from '../http';
import type { ListSendersOptions } from '../operations';
import { GUPSHUP_APP_ID, GUPSHUP_PATHS, isTokenRefusal, mapAppWithoutWabaInfo, mapGupshupApp, parseGupshupError } from './mapper';
import { gupshupTokenExchange } from './tokenExchange';

/**
 * Gupshup Partner API: email + client secret → a 24-hour partner token (the transport's
 * token exchange); the partner's apps, one WhatsApp number each, from Get Partner Apps;
 * per app a partner app token (cached per credential and app) and Get Waba Info, which
 * holds the number, its status, quality rating and messaging limit.
 * A listing of N apps costs 1 + N requests once the tokens are cached (1 login and N app
 * tokens more on the first one). Get Waba Info allows 10 requests per 60 seconds.
 * Lifecycle operations (create an app, register, verify, profile, delete) are left out:
 * their bodies are not documented precisely enough here (see docs/providers.md).
 */

/** "Cooldown time for the rate limit will be 1 second … or 1 minute": the per-minute limits' (partner-rate-limits). */
const GUPSHUP_COOLDOWN_MS = 60_000;

/** The answer carries no expiry ("expiresOn": 0 in the example): asked again after a day, or at once when refused. */
const APP_TOKEN_LIFETIME_MS = 24 * 60 * 60_000;

async function listApps(http: ProviderHttp): Promise<JsonRecord[]> {
	const answer = asRecord(await http.request({ method: 'GET', path: GUPSHUP_PATHS.partnerApps }));
	if (!answer || !Array.isArray(answer.partnerAppsList)) {
		throw new UnexpectedResponseError('Gupshup', 'the partner app list has no "partnerAppsList" array');
	}
	return answer.partnerAppsList.map((entry) => {
		const app = asRecord(entry);
		if (!app || typeof app.id !== 'string' || app.id === '') {
			throw new UnexpectedResponseError('Gupshup', 'an app in the partner app list has no id');
		}
		return app;
	});
}

async function fetchAppToken(http: ProviderHttp, appId: string): Promise<{ token: string; expiresAt: number }> {
	const answer = asRecord(await http.request({ method: 'GET', path: GUPSHUP_PATHS.appToken(appId) }));
	const token = asRecord(answer?.token);
	if (!token || typeof token.token !== 'string' || token.token === '') {
		throw new UnexpectedResponseError('Gupshup', 'the app token answer has no "token.token"');
	}
	const expiresOn = Number(token.expiresOn);
	const expiresAt = Number.isFinite(expiresOn) && expiresOn > Date.now() ? expiresOn : Date.now() + APP_TOKEN_LIFETIME_MS;
	return { token: token.token, expiresAt };
}

/** Get Waba Info with the app's token (cached per credential and app); a refused token (401, or 400 "Authentication Failed") is renewed once. */
async function wabaInfo(http: ProviderHttp, appId: string): Promise<JsonRecord> {
	const token = () => http.scopedTokens.get(appId, () => fetchAppToken(http, appId));
	const ask = async (appToken: string) => asRecord(await http.request({ method: 'GET', path: GUPSHUP_PATHS.wabaInfo(appId), headers: { token: appToken } }));
	const first = await token();
	// only a refusal of the cached token is worth a new one; everything else reaches the caller as it is
	const answer = await ask(first).catch(async (error: unknown) => {
		if (!(error instanceof ProviderApiError && error.httpStatus !== null && isTokenRefusal(error.httpStatus, error.message))) return await Promise.reject(error);
		http.scopedTokens.invalidate(appId, first);
		return await ask(await token());
	});
	const info = asRecord(answer?.wabaInfo);
	if (!info) throw new UnexpectedResponseError('Gupshup', `Get Waba Info for app ${appId} has no "wabaInfo" object`);
	return info;
}

function isStatus(error: unknown, status: number): error is ProviderApiError {
	return error instanceof ProviderApiError && error.httpStatus === status;
}

/**
 * Gupshup's words for an app that has no WhatsApp number to read: "App is not live." and
 * "Waba id not found for the given App" (the health endpoint's page).
 */
const NO_WABA = /not live|waba id not found/i;

/**
 * One app as a sender. An app that Get Partner Apps lists as not live has no number to read:
 * it is listed without Waba Info (UNKNOWN), and no request of the 10-per-60-s budget is spent
 * on it. A live app whose Waba Info answers 400 "not live" or "no WABA" is listed the same way,
 * the same on every poll. Any other failure fails the listing, so the trigger keeps its last
 * good state instead of reporting a healthy app as UNKNOWN and back (a false alert, then another).
 */
async function readApp(http: ProviderHttp, app: JsonRecord): Promise<Sender> {
	if (app.live === false) return mapAppWithoutWabaInfo(app, 'Get Partner Apps lists the app as not live; its Waba Info was not asked.');
	const appId = String(app.id);
	return await wabaInfo(http, appId).then(
		(info) => mapGupshupApp(appId, app, info),
		async (error: unknown) => {
			const withoutWaba = isStatus(error, 400) && NO_WABA.test(`${error.message} ${error.description}`);
			return withoutWaba ? mapAppWithoutWabaInfo(app, error.message) : await Promise.reject(error);
		},
	);
}

/** One app after the other: Get Waba Info allows 10 requests per 60 seconds. */
async function listSenders(http: ProviderHttp, options: ListSendersOptions): Promise<Sender[]> {
	const apps = await listApps(http);
	const chosen = options.limit === undefined ? apps : apps.slice(0, options.limit);
	const senders: Sender[] = [];
	for (const app of chosen) {
		const sender = await readApp(http, app);
		if (options.onPage) options.onPage([sender]);
		else senders.push(sender);
	}
	return senders;
}

/** The app from the partner's list (its name), then its Waba Info: an id of another account is refused before any app token is asked. */
async function getSender(http: ProviderHttp, id: string): Promise<Sender> {
	const app = (await listApps(http)).find((entry) => String(entry.id).toLowerCase() === id.toLowerCase());
	if (!app) {
		throw new ProviderApiError(
			`Gupshup has no app ${id} in this partner account`,
			'Gupshup',
			404,
			undefined,
			'Get Partner Apps does not list this app ID. List shows the app IDs of this partner account.',
		);
	}
	const appId = String(app.id);
	return mapGupshupApp(appId, app, await wabaInfo(http, appId));
}

export const gupshupAdapter: ProviderAdapter = {
	id: 'gupshup',
	displayName: 'Gupshup',
	credentialType: 'gupshupPartnerApi',
	defaultBaseUrl: 'https://partner.gupshup.io',
	credentialHint: 'the email and client secret',
	senderIdPattern: {
		regex: GUPSHUP_APP_ID,
		example: '00065097-93ff-4c22-bfa4-845f01b7de3b',
		description: 'A Gupshup sender is an app, identified by its app ID (a UUID), as List shows it',
	},
	tokenExchange: gupshupTokenExchange,
	parseError: parseGupshupError,
	accountIdentity: (credentials) => String(credentials.email ?? '').trim().toLowerCase(),
	rateLimitCooldownMs: GUPSHUP_COOLDOWN_MS,
	requestBudget: {
		perHour: 600,
		text: 'Get Waba Info: 10 requests per 60 seconds (not said per app or per account); other partner calls 10 a second',
		source: 'https://partner-docs.gupshup.io/reference/getwabahealth',
	},
	pollNotice:
		'Each poll reads every app of the partner account: one Gupshup Get Waba Info request per app. Gupshup allows 10 of those per 60 seconds (its docs do not say per app or per account) and a 1-minute cooldown once the limit is hit; the node waits the cooldown and goes on. If the limit is per account, a poll of more than 10 apps takes about a minute more for every 10 apps: choose a poll interval longer than that.',
	handlers: {
		list: listSenders,
		get: getSender,
	},
};
