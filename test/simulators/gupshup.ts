import { randomBytes, randomUUID } from 'node:crypto';

import { registerCanary } from '../support/canaries';
import { type RecordedRequest, type SimulatedResponse, HttpSimulator } from './server';

/**
 * Gupshup's Partner API as partner-docs.gupshup.io describes it:
 * - POST /partner/account/login, form fields `email` and `secret` → `{ token, id, name, … }`,
 *   a partner token that lives 24 hours (post_partner-account-login).
 * - GET /partner/account/api/partnerApps, header `Authorization: <partner token>` →
 *   `{ status: "success", partnerAppsList: [{ id, name, customerId, live, partnerId, createdOn,
 *   modifiedOn, partnerCreated, cxpEnabled, partnerUsage, stopped, healthy, cap }] }`; no paging
 *   and no phone number documented (get_partner-account-api-partnerapps).
 * - GET /partner/app/{appId}/token/, header `Authorization: <partner token>` →
 *   `{ status: "success", token: { token, authoriserId, requestorId, createdOn, modifiedOn,
 *   expiresOn: 0, active } }`, the existing token when there is one (get_partner-app-appid-token).
 * - GET /partner/app/{appId}/waba/info, header `token: <app token>` → `{ status: "success",
 *   wabaInfo: { accountStatus, dockerStatus, messagingLimit, mmLiteStatus, ownershipType, phone,
 *   phoneQuality, throughput, verifiedName, wabaId, canSendMessage, … } }` (getwabahealth).
 * - GET /partner/app/{appId}/business/profile/ and PUT …/business/profile (form addLine1,
 *   addLine2, city, state, pinCode, country, vertical, website1, website2, desc, profileEmail) →
 *   `{ profile: { address, profileEmail, desc, vertical, website1, website2 }, status }`, and
 *   PUT …/business/profile/about (form about), header `Authorization: <app token>`
 *   (get_app-appid-business-profile, put_partner-app-appid-business-profile[-about]); the PUT
 *   replaces the whole profile: its 400 "vertical can't be empty", "Invalid Website URL" and
 *   "Please provide valid details" are the api.gupshup.io twin pages' (an assumption here).
 * Errors are `{ status: "error", message }`: 401 "Unauthorized Access", 429 "Too Many
 * Requests" (synctemplate's status table), 400 "Invalid app id provided" and 401 "Authentication Failed" (put_partner-app-appid-onboarding-contact). Gupshup documents
 * no Retry-After; a test may add one to a fault it injects.
 */

export interface GupshupAppSeed {
	/** The number as Waba Info writes it: country code and digits, no "+" ("917835039205"). */
	phone: string;
	verifiedName?: string;
	/** The app's name in Get Partner Apps. */
	appName?: string;
	/** dockerStatus: CONNECTED | DISCONNECTED | FLAGGED | PENDING | RESTRICTED | UNKNOWN. */
	dockerStatus?: string;
	/** accountStatus: ACTIVE | BANNED. */
	accountStatus?: string;
	/** canSendMessage: AVAILABLE | LIMITED | BLOCKED. */
	canSendMessage?: string;
	/** phoneQuality: GREEN | YELLOW | RED | UNKNOWN. */
	phoneQuality?: string;
	/** messagingLimit: TIER_50 … TIER_100K, TIER_NOT_SET, TIER_UNLIMITED. */
	messagingLimit?: string;
	/** An app without a WhatsApp Business Account yet: Waba Info answers 400. */
	withoutWaba?: boolean;
	/** `live` in Get Partner Apps (true by default); Waba Info of an app that is not live answers 400 "App is not live.". */
	live?: boolean;
	/** A fixed app id; a random UUID otherwise. */
	id?: string;
}

export interface GupshupApp {
	app: Record<string, unknown>;
	wabaInfo: Record<string, unknown>;
	withoutWaba: boolean;
	/** The business profile as Get Profile Details answers it; the about text apart (no GET answers it). */
	profile: Record<string, string>;
	about: string;
}

export type GupshupPatch = Partial<
	Pick<
		GupshupAppSeed,
		| 'dockerStatus'
		| 'accountStatus'
		| 'canSendMessage'
		| 'phoneQuality'
		| 'messagingLimit'
		| 'verifiedName'
	>
>;

const APP_ROUTE =
	/^\/partner\/app\/([^/]+)\/(token\/|waba\/info|business\/profile\/?|business\/profile\/about)$/;

export class GupshupSimulator extends HttpSimulator {
	readonly apps: GupshupApp[] = [];

	/** App id → app, so a listing of 10,000 apps is not 10,000 searches of the list. */
	private readonly byId = new Map<string, GupshupApp>();

	loginRequests = 0;

	/**
	 * Which field of the login form this server reads the client secret from: `secret` (the
	 * current API reference) or `password` (Gupshup's guide and its legacy page).
	 */
	loginSecretField: 'secret' | 'password' = 'secret';

	/**
	 * How this server refuses a token it no longer accepts: 401 "Unauthorized Access", or the
	 * 400 "Authentication Failed" Gupshup documents on partner endpoints.
	 */
	tokenRefusal: { status: 400 | 401; message: string } = {
		status: 401,
		message: 'Unauthorized Access',
	};

	appTokenRequests = 0;

	/** Partner tokens and their expiry (ms). */
	private readonly partnerTokens = new Map<string, number>();

	/** App id → its app token; one per partner-app combination, as Gupshup returns the existing one. */
	private readonly appTokens = new Map<string, string>();

	constructor(
		readonly email: string,
		readonly clientSecret: string,
	) {
		super();
	}

	addNumbers(...seeds: GupshupAppSeed[]): GupshupApp[] {
		const added = seeds.map((seed, index) => {
			const id = seed.id ?? randomUUID();
			const entry: GupshupApp = {
				app: {
					id,
					name: seed.appName ?? `app${this.apps.length + index}`,
					customerId: '4000001311',
					live: seed.live ?? true,
					partnerId: 6,
					createdOn: 1624339843605,
					modifiedOn: 1651130376253,
					partnerCreated: false,
					cxpEnabled: false,
					partnerUsage: true,
					stopped: false,
					healthy: true,
					cap: 0.0,
				},
				wabaInfo: {
					accountStatus: seed.accountStatus ?? 'ACTIVE',
					dockerStatus: seed.dockerStatus ?? 'CONNECTED',
					messagingLimit: seed.messagingLimit ?? 'TIER_1K',
					mmLiteStatus: 'ELIGIBLE',
					ownershipType: 'CLIENT_OWNED',
					phone: seed.phone,
					phoneQuality: seed.phoneQuality ?? 'GREEN',
					throughput: 'STANDARD',
					verifiedName: seed.verifiedName ?? 'Acme',
					wabaId: '116676371511027',
					canSendMessage: seed.canSendMessage ?? 'AVAILABLE',
				},
				withoutWaba: seed.withoutWaba === true,
				profile: {
					address: '1 Main St',
					profileEmail: 'help@acme.example',
					desc: 'Garden supplies',
					vertical: 'RETAIL',
					website1: 'https://acme.example',
					website2: '',
				},
				about: 'Hello',
			};
			return entry;
		});
		for (const entry of added) {
			this.apps.push(entry);
			this.byId.set(String(entry.app.id), entry);
		}
		return added;
	}

	/** Changes one number's Waba Info between polls (quality, status words, limit, name). */
	update(phone: string, patch: GupshupPatch): void {
		const entry = this.apps.find((candidate) => candidate.wabaInfo.phone === phone);
		if (!entry) throw new Error(`no simulated Gupshup app for ${phone}`);
		for (const [key, value] of Object.entries(patch))
			if (value !== undefined) entry.wabaInfo[key] = value;
	}

	/** Every partner token issued so far stops working, as after its 24 hours. */
	expirePartnerTokens(): void {
		for (const token of this.partnerTokens.keys()) this.partnerTokens.set(token, 0);
	}

	/** Every app token is revoked: Waba Info refuses it, and the token endpoint issues new ones. */
	revokeAppTokens(): void {
		this.appTokens.clear();
	}

	/** What a request of Get Waba Info carries in its `token` header. */
	static appTokenOf(request: RecordedRequest): string | undefined {
		const header = request.headers.token;
		return typeof header === 'string' ? header : undefined;
	}

	private refuseToken(): SimulatedResponse {
		return this.error(this.tokenRefusal.status, this.tokenRefusal.message);
	}

	private error(status: number, message: string): SimulatedResponse {
		return { status, body: { status: 'error', message } };
	}

	protected route(request: RecordedRequest): SimulatedResponse {
		if (request.path === '/partner/account/login') return this.login(request);
		if (request.path === '/partner/account/api/partnerApps') {
			if (request.method !== 'GET') return this.error(405, 'Method Not Allowed');
			if (!this.partnerTokenValid(request)) return this.refuseToken();
			return {
				status: 200,
				body: { status: 'success', partnerAppsList: this.apps.map((entry) => entry.app) },
			};
		}
		const match = APP_ROUTE.exec(request.path);
		if (!match) return this.error(404, 'Not Found');
		const appId = decodeURIComponent(match[1]);
		const entry = this.byId.get(appId);
		if (match[2].startsWith('business/profile'))
			return this.profileRoute(request, match[2], appId, entry);
		if (request.method !== 'GET') return this.error(404, 'Not Found');
		if (match[2] === 'token/') {
			if (!this.partnerTokenValid(request)) return this.refuseToken();
			if (!entry) return this.error(400, 'Invalid app id provided');
			this.appTokenRequests += 1;
			return { status: 200, body: { status: 'success', token: this.appToken(appId) } };
		}
		const token = GupshupSimulator.appTokenOf(request);
		if (!entry) return this.error(401, 'Unauthorized Access');
		if (token === undefined || this.appTokens.get(appId) !== token) return this.refuseToken();
		if (entry.app.live === false) return this.error(400, 'App is not live.');
		if (entry.withoutWaba) return this.error(400, 'Waba id not found for the given App');
		return { status: 200, body: { status: 'success', wabaInfo: { ...entry.wabaInfo } } };
	}

	/** The business profile, read and replaced with the app token in Authorization. */
	private profileRoute(
		request: RecordedRequest,
		route: string,
		appId: string,
		entry: GupshupApp | undefined,
	): SimulatedResponse {
		if (!entry) return this.error(400, 'Invalid app id provided');
		if (request.headers.authorization !== this.appTokens.get(appId)) return this.refuseToken();
		if (route === 'business/profile/' && request.method === 'GET')
			return { status: 200, body: { profile: { ...entry.profile }, status: 'success' } };
		if (request.method !== 'PUT' || route === 'business/profile/')
			return this.error(404, 'Not Found');
		if (entry.app.live === false) return this.error(400, 'app is not live');
		if (
			!String(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')
		)
			return this.error(400, 'Please provide valid details');
		const form = new URLSearchParams(request.body);
		if (route === 'business/profile/about') {
			const about = form.get('about') ?? '';
			if (about === '' || about.length > 139)
				return this.error(400, 'Please provide valid details');
			entry.about = about;
			return {
				status: 200,
				body: { message: 'profile about updated successfully', status: 'success' },
			};
		}
		const field = (name: string) => form.get(name) ?? '';
		if (field('vertical') === '') return this.error(400, "vertical can't be empty");
		if (
			[field('website1'), field('website2')].some(
				(website) => website !== '' && !/^https?:\/\/\S+$/.test(website),
			)
		)
			return this.error(400, 'Invalid Website URL');
		entry.profile = {
			address: ['addLine1', 'addLine2', 'city', 'state', 'pinCode', 'country']
				.map(field)
				.filter(Boolean)
				.join(', '),
			profileEmail: field('profileEmail'),
			desc: field('desc'),
			vertical: field('vertical'),
			website1: field('website1'),
			website2: field('website2'),
		};
		return { status: 200, body: { profile: { ...entry.profile }, status: 'success' } };
	}

	private login(request: RecordedRequest): SimulatedResponse {
		if (request.method !== 'POST') return this.error(405, 'Method Not Allowed');
		this.loginRequests += 1;
		if (
			!String(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')
		) {
			return this.error(400, 'Bad Request');
		}
		const form = new URLSearchParams(request.body);
		if (form.get('email') !== this.email || form.get(this.loginSecretField) !== this.clientSecret) {
			return this.error(401, 'Authentication Failed');
		}
		const token = `partner-token-${randomBytes(12).toString('hex')}`;
		registerCanary(token, 'token');
		this.partnerTokens.set(token, Date.now() + 24 * 60 * 60_000);
		return {
			status: 200,
			body: { token, id: 1003, name: 'gupshup', terms_read: true, admin: true, email: this.email },
		};
	}

	private partnerTokenValid(request: RecordedRequest): boolean {
		const token = request.headers.authorization;
		const expiresAt = typeof token === 'string' ? this.partnerTokens.get(token) : undefined;
		return expiresAt !== undefined && expiresAt > Date.now();
	}

	private appToken(appId: string): Record<string, unknown> {
		let token = this.appTokens.get(appId);
		if (!token) {
			token = `sk_${randomBytes(16).toString('hex')}`;
			registerCanary(token, 'token');
			this.appTokens.set(appId, token);
		}
		return {
			token,
			authoriserId: randomUUID(),
			requestorId: '4002',
			createdOn: 1705905891100,
			modifiedOn: 1705905891100,
			expiresOn: 0,
			active: true,
		};
	}
}
