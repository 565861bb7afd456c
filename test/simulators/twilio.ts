import { randomBytes } from 'node:crypto';

import { basicAuth, type RecordedRequest, type SimulatedResponse, HttpSimulator } from './server';
import type { ContractName } from '../support/providerContracts';

/**
 * Twilio's Senders API v2 as its docs and OpenAPI contract (shared/reference) describe it:
 * Basic auth with Account SID + Auth Token or API Key SID + Secret, a required Channel
 * query, PageSize 1..1000, PageToken paging with meta.next_page_url pointing at Twilio's
 * own host, and Twilio's error body { code, message, more_info, status }.
 */

export interface TwilioSenderSeed {
	sid?: string;
	phoneNumber: string;
	status?: string;
	displayName?: string;
	qualityRating?: string | null;
	messagingLimit?: string | null;
	wabaId?: string;
	offlineReasons?: Array<{ code: string; message: string; more_info?: string }> | null;
}

export type TwilioSender = Record<string, unknown> & { sid: string };

interface TwilioAccount {
	accountSid: string;
	authToken: string;
	apiKeys: Record<string, string>;
	senders: TwilioSender[];
}

const PUBLIC_HOST = 'https://messaging.twilio.com';
const SENDERS_PATH = '/v2/Channels/Senders';

export function twilioSid(prefix: string): string {
	return prefix + randomBytes(16).toString('hex');
}

export function makeTwilioSender(seed: TwilioSenderSeed): TwilioSender {
	const sid = seed.sid ?? twilioSid('XE');
	return {
		sid,
		status: seed.status ?? 'ONLINE',
		sender_id: `whatsapp:${seed.phoneNumber}`,
		configuration: {
			waba_id: seed.wabaId ?? '1234567890',
			verification_method: 'sms',
			verification_code: null,
			voice_application_sid: null,
		},
		webhook: {
			callback_url: null,
			callback_method: 'POST',
			fallback_url: null,
			fallback_method: 'POST',
			status_callback_url: null,
			status_callback_method: 'POST',
		},
		profile: {
			name: seed.displayName ?? 'Example Business',
			about: null,
			address: null,
			description: null,
			emails: null,
			logo_url: null,
			vertical: null,
			websites: null,
			banner_url: null,
			privacy_url: null,
			terms_of_service_url: null,
			accent_color: null,
			phone_numbers: null,
		},
		compliance: null,
		properties: {
			quality_rating: seed.qualityRating === undefined ? 'HIGH' : seed.qualityRating,
			messaging_limit:
				seed.messagingLimit === undefined ? '10K Customers/24hr' : seed.messagingLimit,
		},
		offline_reasons: seed.offlineReasons ?? null,
		url: `${PUBLIC_HOST}${SENDERS_PATH}/${sid}`,
	};
}

function twilioError(status: number, code: number, message: string): SimulatedResponse {
	return {
		status,
		body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
	};
}

function encodePageToken(offset: number): string {
	return 'PT' + Buffer.from(JSON.stringify({ offset }), 'utf8').toString('base64url');
}

function decodePageToken(token: string): number | undefined {
	if (!token.startsWith('PT')) return undefined;
	try {
		const { offset } = JSON.parse(Buffer.from(token.slice(2), 'base64url').toString('utf8'));
		return Number.isInteger(offset) && offset >= 0 ? offset : undefined;
	} catch {
		return undefined;
	}
}

function pageUrl(origin: string, query: Record<string, string | number>): string {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(query)) params.set(key, String(value));
	return `${origin}${SENDERS_PATH}?${params.toString()}`;
}

export interface TwilioLifecycle {
	/** How long a new sender stays CREATING before PENDING_VERIFICATION. */
	creatingMs: number;
	/** How long VERIFYING lasts after the right code, before ONLINE. */
	verifyingMs: number;
	/** How long ONLINE:UPDATING lasts after a profile or webhook update. */
	updatingMs: number;
	/** The code Meta "sent" to every new sender. */
	verificationCode: string;
}

const VERTICALS = new Set([
	'Alcohol',
	'Automotive',
	'Beauty, Spa and Salon',
	'Clothing and Apparel',
	'Education',
	'Entertainment',
	'Event Planning and Service',
	'Finance and Banking',
	'Food and Grocery',
	'Hotel and Lodging',
	'Matrimony Service',
	'Medical and Health',
	'Non-profit',
	'Online Gambling',
	'OTC Drugs',
	'Other',
	'Physical Gambling',
	'Professional Services',
	'Public Service',
	'Restaurant',
	'Shopping and Retail',
	'Travel and Transportation',
]);
const ALLOWED_KEYS: Record<string, Set<string>> = {
	'': new Set(['sender_id', 'configuration', 'webhook', 'profile']),
	configuration: new Set([
		'waba_id',
		'verification_method',
		'verification_code',
		'voice_application_sid',
		'account_type',
	]),
	webhook: new Set([
		'callback_url',
		'callback_method',
		'fallback_url',
		'fallback_method',
		'status_callback_url',
		'status_callback_method',
	]),
	profile: new Set([
		'name',
		'about',
		'address',
		'description',
		'emails',
		'logo_url',
		'banner_url',
		'privacy_url',
		'terms_of_service_url',
		'accent_color',
		'vertical',
		'websites',
		'phone_numbers',
	]),
};

type Json = Record<string, unknown>;

/** The request body against the contract's create/update schemas; a Twilio error for the first violation. */
function contractViolation(body: unknown, creating: boolean): SimulatedResponse | undefined {
	if (body === null || typeof body !== 'object' || Array.isArray(body))
		return twilioError(400, 20001, 'Request body must be a JSON object');
	const root = body as Json;
	for (const key of Object.keys(root))
		if (!ALLOWED_KEYS[''].has(key)) return twilioError(400, 20001, `Invalid parameter: ${key}`);
	if (creating) {
		if (root.sender_id === undefined)
			return twilioError(400, 20001, 'Missing required parameter sender_id in the post body');
		if (
			typeof root.sender_id !== 'string' ||
			!/^whatsapp:\+[1-9][0-9]{7,14}$/.test(root.sender_id)
		) {
			return twilioError(
				400,
				63100,
				`Invalid sender_id: ${String(root.sender_id)}. Expected whatsapp:<E.164 number>`,
			);
		}
	} else if (root.sender_id !== undefined) {
		return twilioError(400, 20001, 'Invalid parameter: sender_id cannot be updated');
	}
	for (const section of ['configuration', 'webhook', 'profile']) {
		const value = root[section];
		if (value === undefined || value === null) continue;
		if (typeof value !== 'object' || Array.isArray(value))
			return twilioError(400, 20001, `Invalid parameter: ${section} must be an object`);
		for (const key of Object.keys(value)) {
			if (!ALLOWED_KEYS[section].has(key))
				return twilioError(400, 20001, `Invalid parameter: ${section}.${key}`);
		}
	}
	const configuration = (root.configuration ?? {}) as Json;
	if (
		configuration.verification_method !== undefined &&
		!['sms', 'voice'].includes(String(configuration.verification_method))
	) {
		return twilioError(
			400,
			20001,
			'Invalid parameter: configuration.verification_method must be sms or voice',
		);
	}
	const webhook = (root.webhook ?? {}) as Json;
	for (const key of ['callback_method', 'fallback_method']) {
		if (webhook[key] !== undefined && !['POST', 'PUT'].includes(String(webhook[key]))) {
			return twilioError(400, 20001, `Invalid parameter: webhook.${key} must be POST or PUT`);
		}
	}
	const profile = (root.profile ?? {}) as Json;
	if (profile.vertical !== undefined && !VERTICALS.has(String(profile.vertical))) {
		return twilioError(400, 63100, `Invalid vertical: ${String(profile.vertical)}`);
	}
	for (const key of ['emails', 'websites']) {
		if (profile[key] !== undefined && !Array.isArray(profile[key]))
			return twilioError(400, 20001, `Invalid parameter: profile.${key} must be an array`);
	}
	return undefined;
}

export class TwilioSimulator extends HttpSimulator {
	contract: ContractName | undefined = 'twilio';

	/** The host a listing's page URLs (next_page_url…) name: Twilio's own, or one a test listens on. */
	pageOrigin = PUBLIC_HOST;

	private readonly accounts = new Map<string, TwilioAccount>();

	/** The order of each account's current listing, taken on its first page. */
	private readonly listings = new WeakMap<TwilioAccount, TwilioSender[]>();

	readonly lifecycle: TwilioLifecycle = {
		creatingMs: 0,
		verifyingMs: 0,
		updatingMs: 0,
		verificationCode: '123456',
	};

	/** Status changes due later, applied whenever the sender is read. */
	private readonly pending = new Map<string, Array<{ at: number; status: string }>>();

	private schedule(sid: string, steps: Array<{ afterMs: number; status: string }>): void {
		const now = Date.now();
		this.pending.set(
			sid,
			steps.map((step) => ({ at: now + step.afterMs, status: step.status })),
		);
	}

	private advance(senders: TwilioSender[]): void {
		const now = Date.now();
		for (const sender of senders) {
			const steps = this.pending.get(sender.sid);
			while (steps && steps.length > 0 && steps[0].at <= now) sender.status = steps.shift()!.status;
		}
	}

	addAccount(
		accountSid: string,
		authToken: string,
		apiKeys: Record<string, string> = {},
	): TwilioAccount {
		const account: TwilioAccount = { accountSid, authToken, apiKeys, senders: [] };
		this.accounts.set(accountSid, account);
		return account;
	}

	account(accountSid: string): TwilioAccount {
		const account = this.accounts.get(accountSid);
		if (!account) throw new Error(`no simulated Twilio account ${accountSid}`);
		return account;
	}

	addSenders(accountSid: string, ...seeds: TwilioSenderSeed[]): TwilioSender[] {
		const senders = seeds.map(makeTwilioSender);
		this.account(accountSid).senders.push(...senders);
		return senders;
	}

	/** Changes fields of a stored sender as Twilio would after Meta reports a change. */
	updateSender(accountSid: string, sid: string, change: (sender: TwilioSender) => void): void {
		const sender = this.account(accountSid).senders.find((s) => s.sid === sid);
		if (!sender) throw new Error(`no simulated sender ${sid}`);
		change(sender);
	}

	private authenticate(request: RecordedRequest): TwilioAccount | undefined {
		const credentials = basicAuth(request.headers);
		if (!credentials) return undefined;
		for (const account of this.accounts.values()) {
			if (credentials.user === account.accountSid && credentials.password === account.authToken)
				return account;
			if (
				account.apiKeys[credentials.user] !== undefined &&
				account.apiKeys[credentials.user] === credentials.password
			) {
				return account;
			}
		}
		return undefined;
	}

	protected route(request: RecordedRequest): SimulatedResponse {
		const account = this.authenticate(request);
		if (!account) {
			return {
				...twilioError(401, 20003, 'Authenticate'),
				headers: { 'WWW-Authenticate': 'Basic realm="Twilio API"' },
			};
		}
		if (request.path === SENDERS_PATH || request.path === `${SENDERS_PATH}/`) {
			if (request.method === 'GET') return this.list(account, request.query);
			if (request.method === 'POST') return this.create(account, request);
			return twilioError(405, 20004, 'Method not allowed');
		}
		const match = /^\/v2\/Channels\/Senders\/([^/]+)$/.exec(request.path);
		if (match) {
			const index = account.senders.findIndex((s) => s.sid === match[1]);
			if (index === -1)
				return twilioError(404, 20404, `The requested resource ${request.path} was not found`);
			this.advance([account.senders[index]]);
			if (request.method === 'GET') return { status: 200, body: account.senders[index] };
			if (request.method === 'POST') return this.update(account.senders[index], request);
			if (request.method === 'DELETE') {
				account.senders.splice(index, 1);
				return { status: 204 };
			}
			return twilioError(405, 20004, 'Method not allowed');
		}
		return twilioError(404, 20404, `The requested resource ${request.path} was not found`);
	}

	private parseJsonBody(request: RecordedRequest): { body?: unknown; error?: SimulatedResponse } {
		if (!String(request.headers['content-type'] ?? '').includes('application/json')) {
			return { error: twilioError(415, 20001, 'Content-Type must be application/json') };
		}
		try {
			return { body: JSON.parse(request.body) };
		} catch {
			return { error: twilioError(400, 20001, 'Request body is not valid JSON') };
		}
	}

	private create(account: TwilioAccount, request: RecordedRequest): SimulatedResponse {
		const { body, error } = this.parseJsonBody(request);
		if (error) return error;
		const violation = contractViolation(body, true);
		if (violation) return violation;
		const input = body as Json;
		const senderId = String(input.sender_id);
		if (account.senders.some((s) => s.sender_id === senderId)) {
			return twilioError(400, 63110, 'The phone number is already registered on WhatsApp');
		}
		const configuration = (input.configuration ?? {}) as Json;
		const sender = makeTwilioSender({
			phoneNumber: senderId.slice('whatsapp:'.length),
			status: 'CREATING',
			qualityRating: null,
			messagingLimit: null,
		});
		sender.configuration = {
			...(sender.configuration as Json),
			verification_method: 'sms',
			...configuration,
			verification_code: null,
		};
		sender.webhook = { ...(sender.webhook as Json), ...((input.webhook ?? {}) as Json) };
		sender.profile = {
			...(sender.profile as Json),
			name: null,
			...((input.profile ?? {}) as Json),
		};
		account.senders.push(sender);
		this.schedule(sender.sid, [
			{ afterMs: this.lifecycle.creatingMs, status: 'PENDING_VERIFICATION' },
		]);
		return { status: 202, body: sender };
	}

	private update(sender: TwilioSender, request: RecordedRequest): SimulatedResponse {
		const { body, error } = this.parseJsonBody(request);
		if (error) return error;
		const violation = contractViolation(body, false);
		if (violation) return violation;
		const input = body as Json;
		const configuration = { ...((input.configuration ?? {}) as Json) };
		const code = configuration.verification_code;
		delete configuration.verification_code;
		if (code !== undefined) {
			if (sender.status !== 'PENDING_VERIFICATION') {
				return twilioError(
					400,
					63100,
					`The sender is ${sender.status}; a verification code is accepted only in PENDING_VERIFICATION`,
				);
			}
			if (code !== this.lifecycle.verificationCode) {
				return twilioError(
					400,
					63113,
					'Sender Cannot Be Verified: the verification code is incorrect',
				);
			}
			sender.status = 'VERIFYING';
			this.schedule(sender.sid, [{ afterMs: this.lifecycle.verifyingMs, status: 'ONLINE' }]);
			sender.properties = { quality_rating: 'HIGH', messaging_limit: '1K Customers/24hr' };
		}
		sender.configuration = { ...(sender.configuration as Json), ...configuration };
		sender.webhook = { ...(sender.webhook as Json), ...((input.webhook ?? {}) as Json) };
		sender.profile = { ...(sender.profile as Json), ...((input.profile ?? {}) as Json) };
		if (code === undefined && sender.status === 'ONLINE' && (input.profile || input.webhook)) {
			sender.status = 'ONLINE:UPDATING';
			this.schedule(sender.sid, [{ afterMs: this.lifecycle.updatingMs, status: 'ONLINE' }]);
		}
		// the contract's UpdateChannelsSender answers 202 Accepted
		return { status: 202, body: sender };
	}

	private list(account: TwilioAccount, query: Record<string, string>): SimulatedResponse {
		const channel = query.Channel;
		if (channel === undefined || channel === '') {
			return twilioError(400, 20001, 'Missing required parameter Channel in the query');
		}
		if (channel !== 'whatsapp' && channel !== 'rcs') {
			return twilioError(
				400,
				20001,
				`Invalid Channel: ${channel}. Supported values are whatsapp and rcs`,
			);
		}
		const pageSize = query.PageSize === undefined ? 50 : Number(query.PageSize);
		if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) {
			return twilioError(
				400,
				20001,
				`Invalid PageSize: ${query.PageSize}. PageSize must be between 1 and 1000`,
			);
		}
		let offset = 0;
		if (query.PageToken !== undefined) {
			const decoded = decodePageToken(query.PageToken);
			if (decoded === undefined)
				return twilioError(400, 20001, `Invalid PageToken: ${query.PageToken}`);
			offset = decoded;
		}
		// a listing is ordered by SID, sorted once on its first page and paged from that order,
		// so each later page costs only its own size (100,000 senders would otherwise sort 100 times)
		let listing = this.listings.get(account);
		if (query.PageToken === undefined || !listing) {
			this.advance(account.senders);
			listing = [...account.senders].sort((a, b) => (a.sid < b.sid ? -1 : a.sid > b.sid ? 1 : 0));
			this.listings.set(account, listing);
		}
		const senders = channel === 'whatsapp' ? listing : [];
		const page = senders.slice(offset, offset + pageSize);
		this.advance(page);
		const pageIndex = Math.floor(offset / pageSize);
		const hasNext = offset + pageSize < senders.length;
		const current = { PageSize: pageSize, Page: pageIndex, Channel: channel };
		return {
			status: 200,
			body: {
				senders: page,
				meta: {
					page: pageIndex,
					page_size: pageSize,
					first_page_url: pageUrl(this.pageOrigin, {
						PageSize: pageSize,
						Page: 0,
						Channel: channel,
					}),
					previous_page_url:
						offset > 0
							? pageUrl(this.pageOrigin, {
									PageSize: pageSize,
									Page: pageIndex - 1,
									PageToken: encodePageToken(Math.max(0, offset - pageSize)),
									Channel: channel,
								})
							: null,
					url: pageUrl(
						this.pageOrigin,
						query.PageToken ? { ...current, PageToken: query.PageToken } : current,
					),
					next_page_url: hasNext
						? pageUrl(this.pageOrigin, {
								PageSize: pageSize,
								Page: pageIndex + 1,
								PageToken: encodePageToken(offset + pageSize),
								Channel: channel,
							})
						: null,
					key: 'senders',
				},
			},
		};
	}
}
