import type { ContractName } from '../support/providerContracts';
import { type RecordedRequest, type SimulatedResponse, HttpSimulator } from './server';

/**
 * YCloud's WhatsApp phone-number endpoints as YCloud documents them (sources in
 * docs/providers.md, YCloud section): `X-API-Key` (no Bearer), GET /whatsapp/phoneNumbers with
 * `page` and `limit` 1..100 (defaults 1 and 10) and `includeTotal`, answered as
 * {offset, limit, length, total?, items}; GET /whatsapp/phoneNumbers/{wabaId}/{phoneNumber}
 * and …/profile; PATCH …/profile with WhatsappPhoneNumberProfileUpdateRequest (about 1–139,
 * address ≤ 256, description ≤ 512, email ≤ 128, profilePictureUrl, vertical from
 * WhatsappPhoneNumberProfileVertical or "", websites: at most 2 of ≤ 255 with http(s)://),
 * answered with the updated WhatsappPhoneNumberProfile; a field it does not know or a value
 * out of those bounds is a 400 PARAM_INVALID naming the field in `target`;
 * errors as {"error": {status, code, message, target?, requestId}}.
 * Its Base URL is the server's origin plus /v2, like https://api.ycloud.com/v2.
 */

export interface YCloudNumberSeed {
	phoneNumber: string;
	wabaId?: string;
	verifiedName?: string;
	/** WhatsappPhoneNumberStatus, e.g. CONNECTED, FLAGGED, RESTRICTED. */
	status?: string;
	/** GREEN, YELLOW, RED or UNKNOWN. */
	qualityRating?: string;
	/** The number's own tier (messagingLimit), e.g. TIER_1K. */
	messagingLimit?: string;
	/** The business portfolio's tier (whatsappBusinessManagerMessagingLimit); null leaves the field out. */
	whatsappBusinessManagerMessagingLimit?: string | null;
	codeVerificationStatus?: string;
}

export type YCloudNumber = Record<string, unknown> & {
	id: string;
	phoneNumber: string;
	wabaId: string;
};

export type YCloudNumberPatch = Partial<
	Pick<
		YCloudNumberSeed,
		| 'status'
		| 'qualityRating'
		| 'messagingLimit'
		| 'whatsappBusinessManagerMessagingLimit'
		| 'verifiedName'
	>
>;

export const YCLOUD_DEFAULT_WABA_ID = '102290129340398';

/** WhatsappPhoneNumberProfileVertical: "either an empty string or one of the accepted values". */
export const YCLOUD_PROFILE_VERTICALS = [
	'OTHER',
	'AUTO',
	'BEAUTY',
	'APPAREL',
	'EDU',
	'ENTERTAIN',
	'EVENT_PLAN',
	'FINANCE',
	'GROCERY',
	'GOVT',
	'HOTEL',
	'HEALTH',
	'NONPROFIT',
	'PROF_SERVICES',
	'RETAIL',
	'TRAVEL',
	'RESTAURANT',
];

const TEXT_LIMITS: Record<string, { min: number; max: number }> = {
	about: { min: 1, max: 139 },
	address: { min: 0, max: 256 },
	description: { min: 0, max: 512 },
	email: { min: 0, max: 128 },
	profilePictureUrl: { min: 0, max: Number.MAX_SAFE_INTEGER },
};

let requestCounter = 0;

export function yCloudError(status: number, code: string, message: string, target?: string) {
	return {
		error: {
			status,
			code,
			message,
			...(target === undefined ? {} : { target }),
			requestId: `req_${(++requestCounter).toString(36)}KjtKI80`,
		},
	};
}

/** A WhatsappBusinessAccount as GET /whatsapp/businessAccounts answers it (banState, banDate, restrictions…). */
export type YCloudWaba = Record<string, unknown> & { id: string };

export class YCloudSimulator extends HttpSimulator {
	private readonly numbers = new Map<string, YCloudNumber>();

	/** The WABAs, one for each WABA ID a number was added with, in the order they appeared. */
	readonly wabas = new Map<string, YCloudWaba>();

	/** Each number's business profile, as GET and PATCH …/profile answer it. */
	readonly profiles = new Map<string, Record<string, unknown>>();

	private nextId = 1234567890120000;

	contract: ContractName | undefined = 'ycloud';

	constructor(readonly apiKey: string) {
		super();
	}

	override get baseUrl(): string {
		return `${this.server.origin}/v2`;
	}

	/** Numbers in the order List returns them. */
	addNumbers(...seeds: YCloudNumberSeed[]): YCloudNumber[] {
		return seeds.map((seed) => {
			const wabaId = seed.wabaId ?? YCLOUD_DEFAULT_WABA_ID;
			const number: YCloudNumber = {
				id: String(this.nextId++),
				phoneNumber: seed.phoneNumber,
				displayPhoneNumber: seed.phoneNumber,
				wabaId,
				qualityRating: seed.qualityRating ?? 'GREEN',
				messagingLimit: seed.messagingLimit ?? 'TIER_1K',
				verifiedName: seed.verifiedName ?? 'Example Business',
				codeVerificationStatus: seed.codeVerificationStatus ?? 'VERIFIED',
				isOfficialBusinessAccount: false,
				status: seed.status ?? 'CONNECTED',
				nameStatus: 'APPROVED',
			};
			if (seed.whatsappBusinessManagerMessagingLimit !== null) {
				number.whatsappBusinessManagerMessagingLimit =
					seed.whatsappBusinessManagerMessagingLimit ?? 'TIER_2K';
			}
			this.numbers.set(this.key(wabaId, seed.phoneNumber), number);
			if (!this.wabas.has(wabaId)) {
				this.wabas.set(wabaId, {
					id: wabaId,
					name: `WABA ${wabaId}`,
					currency: 'USD',
					accountReviewStatus: 'APPROVED',
					businessId: '2729063490586005',
					businessName: 'Example Business',
				});
			}
			this.profiles.set(this.key(wabaId, seed.phoneNumber), {
				about: 'Hello',
				vertical: 'OTHER',
				websites: [],
			});
			return number;
		});
	}

	/** Changes a WABA's ban state or restrictions between polls (a null value removes the field). */
	updateWaba(wabaId: string, patch: Record<string, unknown>): void {
		const waba = this.wabas.get(wabaId);
		if (!waba) throw new Error(`no simulated YCloud WABA ${wabaId}`);
		for (const [field, value] of Object.entries(patch)) {
			if (value === null) delete waba[field];
			else waba[field] = value;
		}
	}

	/** Changes one number's status, quality or limits between polls. */
	update(
		phoneNumber: string,
		patch: YCloudNumberPatch,
		wabaId = YCLOUD_DEFAULT_WABA_ID,
	): YCloudNumber {
		const number = this.numbers.get(this.key(wabaId, phoneNumber));
		if (!number) throw new Error(`no simulated YCloud number ${wabaId}/${phoneNumber}`);
		for (const [field, value] of Object.entries(patch)) {
			if (value === null) delete number[field];
			else if (value !== undefined) number[field] = value;
		}
		return number;
	}

	removeNumber(phoneNumber: string, wabaId = YCLOUD_DEFAULT_WABA_ID): void {
		this.numbers.delete(this.key(wabaId, phoneNumber));
	}

	private key(wabaId: string, phoneNumber: string): string {
		return `${wabaId}/${phoneNumber}`;
	}

	/**
	 * The account's hourly quota (10,000 management requests, shared): once used up, every
	 * request is answered 429 ACCOUNT_RATE_LIMITED with this Retry-After (seconds) until it is
	 * restored; undefined while there is quota.
	 */
	quotaRetryAfterSeconds: number | undefined;

	protected route(request: RecordedRequest): SimulatedResponse {
		if (request.headers['x-api-key'] !== this.apiKey) {
			return { status: 401, body: yCloudError(401, 'UNAUTHORIZED', 'Authentication is required.') };
		}
		if (this.quotaRetryAfterSeconds !== undefined) {
			return {
				status: 429,
				headers: { 'Retry-After': String(this.quotaRetryAfterSeconds) },
				body: yCloudError(429, 'ACCOUNT_RATE_LIMITED', 'Account rate limit exceeded.'),
			};
		}
		if (request.method === 'GET' && request.path === '/v2/whatsapp/phoneNumbers')
			return this.list(request);
		if (request.method === 'GET' && request.path === '/v2/whatsapp/businessAccounts')
			return this.listWabas(request);
		const waba = /^\/v2\/whatsapp\/businessAccounts\/([^/]+)$/.exec(request.path);
		if (waba && request.method === 'GET') {
			const found = this.wabas.get(decodeURIComponent(waba[1]));
			return found
				? { status: 200, body: found }
				: {
						status: 404,
						body: yCloudError(404, 'NOT_FOUND', 'The requested resource does not exist.'),
					};
		}
		const displayName = /^\/v2\/whatsapp\/phoneNumbers\/([^/]+)\/([^/]+)\/displayName$/.exec(
			request.path,
		);
		if (displayName && request.method === 'PATCH') {
			const number = this.numbers.get(
				this.key(decodeURIComponent(displayName[1]), decodeURIComponent(displayName[2])),
			);
			if (!number)
				return {
					status: 404,
					body: yCloudError(404, 'NOT_FOUND', 'The requested resource does not exist.'),
				};
			return this.updateDisplayName(request, number);
		}
		const match = /^\/v2\/whatsapp\/phoneNumbers\/([^/]+)\/([^/]+)(\/profile)?$/.exec(request.path);
		if (match && (request.method === 'GET' || (request.method === 'PATCH' && match[3]))) {
			const key = this.key(decodeURIComponent(match[1]), decodeURIComponent(match[2]));
			const number = this.numbers.get(key);
			if (!number)
				return {
					status: 404,
					body: yCloudError(404, 'NOT_FOUND', 'The requested resource does not exist.'),
				};
			if (request.method === 'PATCH') return this.updateProfile(request, key, number);
			if (match[3]) return { status: 200, body: this.profileOf(key, number) };
			return { status: 200, body: number };
		}
		return {
			status: 404,
			body: yCloudError(404, 'NOT_FOUND', 'The requested resource does not exist.'),
		};
	}

	/**
	 * WhatsappPhoneNameUpdateRequest {newName: 3..150 characters} → WhatsappPhoneNameUpdateResponse:
	 * the verified name stays until Meta approves; the new one waits in PENDING_REVIEW.
	 */
	private updateDisplayName(request: RecordedRequest, number: YCloudNumber): SimulatedResponse {
		const newName = (JSON.parse(request.body || '{}') as { newName?: unknown }).newName;
		if (typeof newName !== 'string' || newName.length < 3 || newName.length > 150) {
			return {
				status: 400,
				body: yCloudError(
					400,
					'PARAM_INVALID',
					"Parameter 'newName' should be a string of 3 to 150 characters.",
					'newName',
				),
			};
		}
		number.newName = newName;
		number.newNameStatus = 'PENDING_REVIEW';
		return {
			status: 200,
			body: {
				verifiedName: number.verifiedName,
				nameStatus: number.nameStatus,
				newName,
				newNameStatus: 'PENDING_REVIEW',
			},
		};
	}

	private profileOf(key: string, number: YCloudNumber): Record<string, unknown> {
		return {
			...this.profiles.get(key),
			verifiedName: number.verifiedName,
			nameStatus: number.nameStatus,
		};
	}

	private updateProfile(
		request: RecordedRequest,
		key: string,
		number: YCloudNumber,
	): SimulatedResponse {
		const invalid = (target: string, message: string): SimulatedResponse => ({
			status: 400,
			body: yCloudError(400, 'PARAM_INVALID', message, target),
		});
		let body: unknown;
		try {
			body = JSON.parse(request.body);
		} catch {
			return invalid('body', 'The request body is not valid JSON.');
		}
		if (typeof body !== 'object' || body === null || Array.isArray(body))
			return invalid('body', 'The request body must be an object.');
		for (const [field, value] of Object.entries(body)) {
			if (field in TEXT_LIMITS) {
				const { min, max } = TEXT_LIMITS[field];
				if (typeof value !== 'string' || value.length < min || value.length > max) {
					return invalid(
						field,
						`Parameter '${field}' should be a string of ${min} to ${max} characters.`,
					);
				}
				if (field === 'email' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value))
					return invalid(field, "Parameter 'email' should be a valid email address.");
			} else if (field === 'vertical') {
				if (value !== '' && !YCLOUD_PROFILE_VERTICALS.includes(value as string))
					return invalid(
						field,
						`Parameter 'vertical' should be one of ${YCLOUD_PROFILE_VERTICALS.join(', ')}.`,
					);
			} else if (field === 'websites') {
				if (!Array.isArray(value) || value.length > 2)
					return invalid(field, "Parameter 'websites' should be an array of at most 2 URLs.");
				if (
					value.some(
						(website) =>
							typeof website !== 'string' || website.length > 255 || !/^https?:\/\//.test(website),
					)
				) {
					return invalid(
						field,
						"Parameter 'websites' should hold URLs with http:// or https:// of at most 255 characters.",
					);
				}
			} else {
				return invalid(field, `Unrecognized field '${field}'.`);
			}
		}
		this.profiles.set(key, { ...this.profiles.get(key), ...body });
		return { status: 200, body: this.profileOf(key, number) };
	}

	/**
	 * YCloud's page of numbers. `filter.wabaId` is "Required if you have more than 100 WABAs":
	 * without it such an account is refused here with a 400 naming the parameter (YCloud does
	 * not document its answer; an assumption, docs/providers.md).
	 */
	private list(request: RecordedRequest): SimulatedResponse {
		const wabaFilter = request.query['filter.wabaId'];
		if (!wabaFilter && this.wabas.size > 100) {
			return {
				status: 400,
				body: yCloudError(
					400,
					'PARAM_INVALID',
					"Parameter 'filter.wabaId' is required for accounts with more than 100 WABAs.",
					'filter.wabaId',
				),
			};
		}
		return this.page(
			request,
			[...this.numbers.values()].filter((number) => !wabaFilter || number.wabaId === wabaFilter),
		);
	}

	private listWabas(request: RecordedRequest): SimulatedResponse {
		return this.page(request, [...this.wabas.values()]);
	}

	/** One page of `page` (1..100) and `limit` (1..100, 10 by default), with the total when asked. */
	private page(request: RecordedRequest, all: unknown[]): SimulatedResponse {
		const page = request.query.page === undefined ? 1 : Number(request.query.page);
		const limit = request.query.limit === undefined ? 10 : Number(request.query.limit);
		if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
			return {
				status: 400,
				body: yCloudError(
					400,
					'PARAM_INVALID',
					"Parameter 'limit' should be between 1 and 100.",
					'limit',
				),
			};
		}
		if (!Number.isInteger(page) || page < 1 || page > 100) {
			return {
				status: 400,
				body: yCloudError(
					400,
					'PARAM_INVALID',
					"Parameter 'page' should be between 1 and 100.",
					'page',
				),
			};
		}
		const offset = (page - 1) * limit;
		const items = all.slice(offset, offset + limit);
		const total = request.query.includeTotal === 'true' ? { total: all.length } : {};
		return { status: 200, body: { offset, limit, length: items.length, ...total, items } };
	}
}
