import { type RecordedRequest, type SimulatedResponse, HttpSimulator } from './server';

/**
 * YCloud's WhatsApp phone-number endpoints as YCloud documents them (sources in
 * docs/providers.md, YCloud section): `X-API-Key` (no Bearer), GET /whatsapp/phoneNumbers with
 * `page` and `limit` 1..100 (defaults 1 and 10) and `includeTotal`, answered as
 * {offset, limit, length, total?, items}; GET /whatsapp/phoneNumbers/{wabaId}/{phoneNumber}
 * and …/profile; errors as {"error": {status, code, message, target?, requestId}}.
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

export type YCloudNumber = Record<string, unknown> & { id: string; phoneNumber: string; wabaId: string };

export type YCloudNumberPatch = Partial<Pick<YCloudNumberSeed, 'status' | 'qualityRating' | 'messagingLimit' | 'whatsappBusinessManagerMessagingLimit' | 'verifiedName'>>;

export const YCLOUD_DEFAULT_WABA_ID = '102290129340398';

let requestCounter = 0;

export function yCloudError(status: number, code: string, message: string, target?: string) {
	return { error: { status, code, message, ...(target === undefined ? {} : { target }), requestId: `req_${(++requestCounter).toString(36)}KjtKI80` } };
}

export class YCloudSimulator extends HttpSimulator {
	private readonly numbers = new Map<string, YCloudNumber>();

	private nextId = 1234567890120000;

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
				number.whatsappBusinessManagerMessagingLimit = seed.whatsappBusinessManagerMessagingLimit ?? 'TIER_2K';
			}
			this.numbers.set(this.key(wabaId, seed.phoneNumber), number);
			return number;
		});
	}

	/** Changes one number's status, quality or limits between polls. */
	update(phoneNumber: string, patch: YCloudNumberPatch, wabaId = YCLOUD_DEFAULT_WABA_ID): YCloudNumber {
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

	protected route(request: RecordedRequest): SimulatedResponse {
		if (request.headers['x-api-key'] !== this.apiKey) {
			return { status: 401, body: yCloudError(401, 'UNAUTHORIZED', 'Authentication is required.') };
		}
		if (request.method === 'GET' && request.path === '/v2/whatsapp/phoneNumbers') return this.list(request);
		const match = /^\/v2\/whatsapp\/phoneNumbers\/([^/]+)\/([^/]+)(\/profile)?$/.exec(request.path);
		if (match && request.method === 'GET') {
			const number = this.numbers.get(this.key(decodeURIComponent(match[1]), decodeURIComponent(match[2])));
			if (!number) return { status: 404, body: yCloudError(404, 'NOT_FOUND', 'The requested resource does not exist.') };
			if (match[3]) return { status: 200, body: { about: 'Hello', verifiedName: number.verifiedName, nameStatus: 'APPROVED', vertical: 'OTHER', websites: [] } };
			return { status: 200, body: number };
		}
		return { status: 404, body: yCloudError(404, 'NOT_FOUND', 'The requested resource does not exist.') };
	}

	private list(request: RecordedRequest): SimulatedResponse {
		const page = request.query.page === undefined ? 1 : Number(request.query.page);
		const limit = request.query.limit === undefined ? 10 : Number(request.query.limit);
		if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
			return { status: 400, body: yCloudError(400, 'PARAM_INVALID', "Parameter 'limit' should be between 1 and 100.", 'limit') };
		}
		if (!Number.isInteger(page) || page < 1 || page > 100) {
			return { status: 400, body: yCloudError(400, 'PARAM_INVALID', "Parameter 'page' should be between 1 and 100.", 'page') };
		}
		const wabaFilter = request.query['filter.wabaId'];
		const all = [...this.numbers.values()].filter((number) => !wabaFilter || number.wabaId === wabaFilter);
		const offset = (page - 1) * limit;
		const items = all.slice(offset, offset + limit);
		const total = request.query.includeTotal === 'true' ? { total: all.length } : {};
		return { status: 200, body: { offset, limit, length: items.length, ...total, items } };
	}
}
