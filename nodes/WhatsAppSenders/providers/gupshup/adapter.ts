import { ProviderApiError, UnexpectedResponseError } from '../../core/errors';
import { asRecord, type JsonRecord } from '../../core/json';
import type { Sender } from '../../core/sender';
import type {
	ProviderAdapter,
	ProviderHttp,
	ProviderRequest,
	BusinessProfileInput,
	ListSendersOptions,
} from '../types';
import {
	GUPSHUP_APP_ID,
	GUPSHUP_PATHS,
	isTokenRefusal,
	mapAppWithoutWabaInfo,
	mapGupshupApp,
	parseGupshupError,
} from './mapper';
import { arrayIn, objectIn } from '../shapes';
import { listInSteps } from '../pagedListing';
import { profileChanges } from '../profile';
import { gupshupTokenExchange } from './tokenExchange';

/**
 * Gupshup Partner API: email + client secret → a 24-hour partner token (the transport's
 * token exchange); the partner's apps, one WhatsApp number each, from Get Partner Apps;
 * per app a partner app token (cached per credential and app) and Get Waba Info, which
 * holds the number, its status, quality rating and messaging limit.
 * A listing of N apps costs 1 + N requests once the tokens are cached (1 login and N app
 * tokens more on the first one). Get Waba Info allows 10 requests per 60 seconds.
 * The app's business profile is read and changed with the app token too. Lifecycle
 * operations (create an app, register, verify, delete) are left out: their bodies are not
 * documented precisely enough here (see docs/providers.md).
 */

/** "Cooldown time for the rate limit will be 1 second … or 1 minute": the per-minute limits' (partner-rate-limits). */
const GUPSHUP_COOLDOWN_MS = 60_000;

/** The answer carries no expiry ("expiresOn": 0 in the example): asked again after a day, or at once when refused. */
const APP_TOKEN_LIFETIME_MS = 24 * 60 * 60_000;

async function listApps(http: ProviderHttp): Promise<JsonRecord[]> {
	const answer = await http.request({ method: 'GET', path: GUPSHUP_PATHS.partnerApps });
	const apps = arrayIn(answer, 'partnerAppsList', 'Gupshup', 'the partner app list');
	return apps.map((entry) => {
		const app = asRecord(entry);
		if (!app || typeof app.id !== 'string' || app.id === '') {
			throw new UnexpectedResponseError('Gupshup', 'an app in the partner app list has no id');
		}
		return app;
	});
}

async function fetchAppToken(
	http: ProviderHttp,
	appId: string,
): Promise<{ token: string; expiresAt: number }> {
	const answer = asRecord(
		await http.request({ method: 'GET', path: GUPSHUP_PATHS.appToken(appId) }),
	);
	const token = asRecord(answer?.token);
	if (!token || typeof token.token !== 'string' || token.token === '') {
		throw new UnexpectedResponseError('Gupshup', 'the app token answer has no "token.token"');
	}
	const expiresOn = Number(token.expiresOn);
	const expiresAt =
		Number.isFinite(expiresOn) && expiresOn > Date.now()
			? expiresOn
			: Date.now() + APP_TOKEN_LIFETIME_MS;
	return { token: token.token, expiresAt };
}

/**
 * A request of one app, carrying the app's token (cached per credential and app) where
 * `sign` puts it; a refused token (401, or 400 "Authentication Failed") is renewed once.
 */
async function withAppToken(
	http: ProviderHttp,
	appId: string,
	sign: (appToken: string) => ProviderRequest,
): Promise<unknown> {
	const token = () => http.scopedTokens.get(appId, () => fetchAppToken(http, appId));
	const ask = async (appToken: string) => await http.request(sign(appToken));
	const first = await token();
	// only a refusal of the cached token is worth a new one; everything else reaches the caller as it is
	return await ask(first).catch(async (error: unknown) => {
		if (
			!(
				error instanceof ProviderApiError &&
				error.httpStatus !== null &&
				isTokenRefusal(error.httpStatus, error.message)
			)
		)
			return await Promise.reject(error);
		http.scopedTokens.invalidate(appId, first);
		return await ask(await token());
	});
}

/** Get Waba Info: the app token in a `token` header, as Gupshup's curl sends it. */
async function wabaInfo(http: ProviderHttp, appId: string): Promise<JsonRecord> {
	const answer = await withAppToken(http, appId, (token) => ({
		method: 'GET',
		path: GUPSHUP_PATHS.wabaInfo(appId),
		headers: { token },
	}));
	return objectIn(answer, 'wabaInfo', 'Gupshup', `Get Waba Info for app ${appId}`);
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
	if (app.live === false)
		return mapAppWithoutWabaInfo(
			app,
			'Get Partner Apps lists the app as not live; its Waba Info was not asked.',
		);
	const appId = String(app.id);
	return await wabaInfo(http, appId).then(
		(info) => mapGupshupApp(appId, app, info),
		async (error: unknown) => {
			const withoutWaba =
				isStatus(error, 400) && NO_WABA.test(`${error.message} ${error.description}`);
			return withoutWaba ? mapAppWithoutWabaInfo(app, error.message) : await Promise.reject(error);
		},
	);
}

/** One app after the other: Get Waba Info allows 10 requests per 60 seconds. */
async function listSenders(http: ProviderHttp, options: ListSendersOptions): Promise<Sender[]> {
	return await listInSteps(options, await listApps(http), 1, async ([app]) => [
		await readApp(http, app),
	]);
}

/** The app from the partner's list (its name), then its Waba Info: an id of another account is refused before any app token is asked. */
async function getSender(http: ProviderHttp, id: string): Promise<Sender> {
	const app = (await listApps(http)).find(
		(entry) => String(entry.id).toLowerCase() === id.toLowerCase(),
	);
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

/** Get Profile Details: the app token in Authorization (no "Bearer"), as Gupshup's curl sends it. */
async function readProfile(http: ProviderHttp, appId: string): Promise<JsonRecord> {
	const answer = await withAppToken(http, appId, (token) => ({
		method: 'GET',
		path: GUPSHUP_PATHS.profile(appId),
		headers: { Authorization: token },
	}));
	return objectIn(answer, 'profile', 'Gupshup', `the business profile of app ${appId}`);
}

async function getGupshupProfile(
	http: ProviderHttp,
	appId: string,
): Promise<Record<string, unknown>> {
	return { provider: 'gupshup', id: appId, ...(await readProfile(http, appId)) };
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * Update Profile Details takes the whole profile as a form (addLine1, addLine2, city, state,
 * pinCode, country, vertical, website1, website2, desc, profileEmail) and documents no partial
 * update ("vertical can't be empty"): the profile is read first and sent back with the fields
 * set changed. The node's one Address goes to addLine1 with the other address parts emptied;
 * an address not changed is sent back in the parts Gupshup answered (or as addLine1 when it
 * answers one `address`).
 */
function profileForm(current: JsonRecord, profile: BusinessProfileInput): Record<string, string> {
	const address =
		profile.address !== undefined
			? { addLine1: profile.address, addLine2: '', city: '', state: '', pinCode: '', country: '' }
			: {
					addLine1: text(current.addressLine1 ?? current.addLine1 ?? current.address),
					addLine2: text(current.addressLine2 ?? current.addLine2),
					city: text(current.city),
					state: text(current.state),
					pinCode: text(current.pinCode ?? current.pincode),
					country: text(current.country),
				};
	const websites = profile.websites ?? [text(current.website1), text(current.website2)];
	return {
		...address,
		vertical: profile.vertical ?? text(current.vertical),
		website1: websites[0] ?? '',
		website2: websites[1] ?? '',
		desc: profile.description ?? text(current.desc),
		profileEmail: profile.email ?? text(current.profileEmail),
	};
}

/**
 * The profile details (read, then sent back whole with the fields set) and the about text
 * (its own endpoint), each only when one of its fields is set. Both are PUTs of the whole
 * value, safe to repeat. The output is the profile Gupshup answers, with the about text sent.
 */
async function updateGupshupProfile(
	http: ProviderHttp,
	appId: string,
	profile: BusinessProfileInput,
): Promise<Record<string, unknown>> {
	const { about, ...details } = profileChanges(profile, {
		provider: 'Gupshup',
		pictureInstead: 'the image file itself (Update Profile Picture)',
	});
	let updated: JsonRecord | undefined;
	if (Object.keys(details).length > 0) {
		const form = profileForm(await readProfile(http, appId), details);
		const answer = await withAppToken(http, appId, (token) => ({
			method: 'PUT',
			path: GUPSHUP_PATHS.profileUpdate(appId),
			form,
			headers: { Authorization: token },
		}));
		updated = objectIn(
			answer,
			'profile',
			'Gupshup',
			`the updated business profile of app ${appId}`,
		);
	}
	if (about !== undefined) {
		await withAppToken(http, appId, (token) => ({
			method: 'PUT',
			path: GUPSHUP_PATHS.profileAbout(appId),
			form: { about },
			headers: { Authorization: token },
		}));
	}
	return { provider: 'gupshup', id: appId, ...updated, ...(about !== undefined && { about }) };
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
	accountIdentity: (credentials) =>
		String(credentials.email ?? '')
			.trim()
			.toLowerCase(),
	rateLimitCooldownMs: GUPSHUP_COOLDOWN_MS,
	requestBudget: {
		perHour: 600,
		text: 'Get Waba Info: 10 requests per 60 seconds (not said per app or per account); other partner calls 10 a second',
		source: 'https://partner-docs.gupshup.io/reference/getwabahealth',
	},
	pollNotice:
		'Each poll reads every app of the partner account: one Gupshup Get Waba Info request per app. Gupshup allows 10 of those per 60 seconds (its docs do not say per app or per account) and a 1-minute cooldown once the limit is hit; the node waits the cooldown and goes on. If the limit is per account, a poll of more than 10 apps takes about a minute more for every 10 apps: choose a poll interval longer than that.',
	operationDescriptions: {
		getProfile:
			"The address, description, email, vertical and websites of the app's number, in Gupshup's words",
		updateProfile:
			'Change the about text, address, description, email, vertical or websites; Gupshup replaces the whole profile, so it is read and sent back with the fields set changed',
	},
	handlers: {
		list: listSenders,
		get: getSender,
		getProfile: getGupshupProfile,
		updateProfile: updateGupshupProfile,
	},
};
