import { bearerToken, type RecordedRequest, type SimulatedResponse, HttpSimulator } from './server';
import type { ContractName } from '../support/providerContracts';

/**
 * Meta's WhatsApp Cloud API phone-number endpoints as Meta documents them (facts in
 * shared/provider-docs/meta-whatsapp-cloud-api-phone-numbers.md): versioned Graph paths,
 * Bearer token, `fields` selection, cursor paging (limit ≤ 100, paging.next on Meta's own
 * host), Meta's error envelope, and the add → request_code → verify_code → register lifecycle.
 */

export interface MetaNumberSeed {
	id?: string;
	phoneNumber: string;
	verifiedName?: string;
	qualityRating?: string;
	status?: string;
	codeVerificationStatus?: string;
	/**
	 * The portfolio's messaging limit tier (TIER_2K by default, TIER_1K being gone since October 2025). Graph v23.0 and older answer
	 * it as `messaging_limit_tier`, v24.0 and newer as `whatsapp_business_manager_messaging_limit`.
	 */
	messagingLimit?: string;
}

export type MetaNumber = Record<string, unknown> & { id: string; status: string };

interface NumberState {
	number: MetaNumber;
	codeRequested: boolean;
	pin?: string;
	registerCalls: number;
	profile: Record<string, unknown>;
}

const PUBLIC_HOST = 'https://graph.facebook.com';
export const META_VERIFICATION_CODE = '654321';

/**
 * Meta's error envelope: the contract's GraphAPIError (message, type, code, error_subcode,
 * is_transient, fbtrace_id) with the `error_data` of the Cloud API's error-codes page.
 */
export function metaError(
	code: number,
	message: string,
	type = 'OAuthException',
	subcode?: number,
	details?: string,
) {
	return {
		error: {
			message,
			type,
			code,
			...(subcode === undefined ? {} : { error_subcode: subcode }),
			...(details === undefined ? {} : { error_data: { messaging_product: 'whatsapp', details } }),
			fbtrace_id: 'AbCdEfGhIjK',
		},
	};
}

/** The fields a phone number node has; the limit field depends on the Graph API version. */
const PHONE_NUMBER_FIELDS = [
	'id',
	'display_phone_number',
	'verified_name',
	'quality_rating',
	'status',
	'name_status',
	'code_verification_status',
	'platform_type',
	'throughput',
];

function limitFieldOf(version: string): string {
	return Number(version.slice(1).split('.')[0]) >= 24
		? 'whatsapp_business_manager_messaging_limit'
		: 'messaging_limit_tier';
}

/** "+14155550100" the way Meta shows it: "+1 415-555-0100" for NANP numbers, spaced otherwise. */
function displayNumber(e164: string): string {
	const digits = e164.replace(/^\+/, '');
	if (digits.startsWith('1') && digits.length === 11)
		return `+1 ${digits.slice(1, 4)}-${digits.slice(4, 7)}-${digits.slice(7)}`;
	return `+${digits.slice(0, 3)} ${digits.slice(3, 5)}-${digits.slice(5)}`;
}

/** One error of an entity in Meta's health_status, as its health-status page shows them. */
export interface MetaHealthError {
	error_code: number;
	error_description: string;
	possible_solution: string;
}

export class MetaSimulator extends HttpSimulator {
	contract: ContractName | undefined = 'meta';

	/**
	 * The WABA's own `can_send_message` in every number's health_status (AVAILABLE by default),
	 * with its errors: a disabled WABA blocks all its numbers at once.
	 */
	wabaHealth: { canSendMessage: 'AVAILABLE' | 'LIMITED' | 'BLOCKED'; errors?: MetaHealthError[] } =
		{ canSendMessage: 'AVAILABLE' };

	private readonly numbers = new Map<string, NumberState>();

	private nextId = 106540352240000;

	constructor(
		readonly accessToken: string,
		readonly wabaId: string,
	) {
		super();
	}

	addNumbers(...seeds: MetaNumberSeed[]): MetaNumber[] {
		return seeds.map((seed) => {
			const id = seed.id ?? String(this.nextId++);
			const number: MetaNumber = {
				id,
				display_phone_number: displayNumber(seed.phoneNumber),
				verified_name: seed.verifiedName ?? 'Example Business',
				quality_rating: seed.qualityRating ?? 'GREEN',
				status: seed.status ?? 'CONNECTED',
				name_status: 'APPROVED',
				code_verification_status: seed.codeVerificationStatus ?? 'VERIFIED',
				platform_type: 'CLOUD_API',
				throughput: { level: 'STANDARD' },
				messagingLimit: seed.messagingLimit ?? 'TIER_2K',
			};
			this.numbers.set(id, {
				number,
				codeRequested: false,
				registerCalls: 0,
				profile: { about: 'Hello', vertical: 'OTHER', websites: [] },
			});
			return number;
		});
	}

	number(id: string): MetaNumber {
		const state = this.numbers.get(id);
		if (!state) throw new Error(`no simulated Meta number ${id}`);
		return state.number;
	}

	updateNumber(id: string, change: (number: MetaNumber) => void): void {
		change(this.number(id));
	}

	removeNumber(id: string): void {
		this.numbers.delete(id);
	}

	protected route(request: RecordedRequest): SimulatedResponse {
		if (bearerToken(request.headers) !== this.accessToken) {
			return {
				status: 401,
				body: metaError(190, 'Invalid OAuth access token - Cannot parse access token'),
			};
		}
		const match = /^\/(v[0-9]+\.[0-9])\/([0-9]+)(?:\/([a-z_]+))?$/.exec(request.path);
		if (!match)
			return { status: 400, body: metaError(2500, 'Unknown path components', 'OAuthException') };
		const [, version, objectId, edge] = match;
		let body: Record<string, unknown> = {};
		if (request.body) {
			try {
				body = JSON.parse(request.body) as Record<string, unknown>;
			} catch {
				return { status: 400, body: metaError(100, 'Invalid JSON body', 'OAuthException') };
			}
		}
		if (objectId === this.wabaId && edge === 'phone_numbers') {
			if (request.method === 'GET') return this.list(request, version);
			if (request.method === 'POST') return this.add(body);
		}
		const state = this.numbers.get(objectId);
		if (!state) {
			return {
				status: 400,
				body: metaError(
					100,
					`Unsupported ${request.method.toLowerCase()} request. Object with ID '${objectId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
					'GraphMethodException',
					33,
				),
			};
		}
		if (!edge && request.method === 'GET')
			return this.select(state.number, request.query.fields, version);
		if (request.method === 'POST' && edge === 'request_code') return this.requestCode(state, body);
		if (request.method === 'POST' && edge === 'verify_code') return this.verifyCode(state, body);
		if (request.method === 'POST' && edge === 'register') return this.register(state, body);
		if (request.method === 'POST' && edge === 'deregister') {
			state.number.status = 'DISCONNECTED';
			return { status: 200, body: { success: true } };
		}
		if (edge === 'whatsapp_business_profile') return this.profile(state, request, body);
		return { status: 400, body: metaError(100, 'Unsupported request', 'GraphMethodException') };
	}

	/**
	 * The fields asked for, as Meta answers them: the default fields when none are named, and
	 * error #100 for a field this Graph version's phone number node does not have.
	 */
	private select(
		number: MetaNumber,
		fields: string | undefined,
		version: string,
	): SimulatedResponse {
		const limitField = limitFieldOf(version);
		if (!fields)
			return {
				status: 200,
				body: {
					id: number.id,
					display_phone_number: number.display_phone_number,
					verified_name: number.verified_name,
					quality_rating: number.quality_rating,
				},
			};
		const answer: Record<string, unknown> = { id: number.id };
		for (const field of fields.split(',')) {
			if (field === limitField) answer[field] = number.messagingLimit;
			else if (field === 'health_status') answer[field] = this.healthOf(number);
			else if (PHONE_NUMBER_FIELDS.includes(field)) answer[field] = number[field];
			else {
				return {
					status: 400,
					body: metaError(
						100,
						`(#100) Tried accessing nonexisting field (${field}) on node type (WhatsAppBusinessPhoneNumber)`,
						'OAuthException',
					),
				};
			}
		}
		return { status: 200, body: answer };
	}

	/**
	 * health_status as Meta's health-status page shows it: the overall can_send_message is the
	 * worst of the number's, its WABA's, its business's and its app's.
	 */
	private healthOf(number: MetaNumber): Record<string, unknown> {
		const waba = this.wabaHealth;
		const entity = (type: string, id: string, level: string, errors?: MetaHealthError[]) => ({
			entity_type: type,
			id,
			can_send_message: level,
			...(errors && errors.length > 0 ? { errors } : {}),
		});
		return {
			can_send_message: waba.canSendMessage,
			entities: [
				entity('PHONE_NUMBER', number.id, 'AVAILABLE'),
				entity('WABA', this.wabaId, waba.canSendMessage, waba.errors),
				entity('BUSINESS', '2729063490586005', 'AVAILABLE'),
				entity('APP', '467306651740398', 'AVAILABLE'),
			],
		};
	}

	private list(request: RecordedRequest, version: string): SimulatedResponse {
		const limit = request.query.limit === undefined ? 25 : Number(request.query.limit);
		if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
			return {
				status: 400,
				body: metaError(
					100,
					'(#100) The parameter limit must be between 1 and 100',
					'OAuthException',
				),
			};
		}
		const all = [...this.numbers.values()].map((state) => state.number);
		const start = request.query.after
			? Number(Buffer.from(request.query.after, 'base64').toString('utf8'))
			: 0;
		if (!Number.isInteger(start) || start < 0)
			return { status: 400, body: metaError(100, 'Invalid cursor', 'OAuthException') };
		const selected = all
			.slice(start, start + limit)
			.map((number) => this.select(number, request.query.fields, version));
		const refused = selected.find((answer) => answer.status !== 200);
		if (refused) return refused;
		const page = selected.map((answer) => answer.body);
		const cursor = (position: number) => Buffer.from(String(position), 'utf8').toString('base64');
		const hasMore = start + limit < all.length;
		const paging: Record<string, unknown> = {
			cursors: { before: cursor(start), after: cursor(start + page.length) },
		};
		if (hasMore) {
			const next = new URL(`${PUBLIC_HOST}/${version}/${this.wabaId}/phone_numbers`);
			next.searchParams.set('fields', request.query.fields ?? '');
			next.searchParams.set('limit', String(limit));
			next.searchParams.set('after', cursor(start + limit));
			paging.next = next.toString();
		}
		return { status: 200, body: { data: page, paging } };
	}

	private add(body: Record<string, unknown>): SimulatedResponse {
		const cc = String(body.cc ?? '');
		const phone = String(body.phone_number ?? '');
		if (
			!/^[0-9]{1,3}$/.test(cc) ||
			!/^[0-9]{4,14}$/.test(phone) ||
			typeof body.verified_name !== 'string'
		) {
			return {
				status: 400,
				body: metaError(
					100,
					'(#100) Invalid parameter: cc, phone_number and verified_name are required',
					'OAuthException',
				),
			};
		}
		const e164 = `+${cc}${phone}`;
		if (
			[...this.numbers.values()].some(
				(state) => state.number.display_phone_number === displayNumber(e164),
			)
		) {
			return {
				status: 400,
				body: metaError(
					100,
					'(#100) This phone number is already registered',
					'OAuthException',
					2388001,
				),
			};
		}
		const [number] = this.addNumbers({
			phoneNumber: e164,
			verifiedName: body.verified_name,
			status: 'PENDING',
			codeVerificationStatus: 'NOT_VERIFIED',
			qualityRating: 'UNKNOWN',
		});
		return { status: 200, body: { id: number.id } };
	}

	private requestCode(state: NumberState, body: Record<string, unknown>): SimulatedResponse {
		if (body.code_method !== 'SMS' && body.code_method !== 'VOICE') {
			return {
				status: 400,
				body: metaError(
					100,
					'(#100) Param code_method must be one of {SMS, VOICE}',
					'OAuthException',
				),
			};
		}
		if (typeof body.language !== 'string' || !/^[a-z]{2}_[A-Z]{2}$/.test(body.language)) {
			return {
				status: 400,
				body: metaError(
					100,
					'(#100) Invalid parameter',
					'OAuthException',
					undefined,
					'language must be a locale code such as en_US',
				),
			};
		}
		state.codeRequested = true;
		return { status: 200, body: { success: true } };
	}

	private verifyCode(state: NumberState, body: Record<string, unknown>): SimulatedResponse {
		if (!state.codeRequested || body.code !== META_VERIFICATION_CODE) {
			return { status: 400, body: metaError(136025, 'Verify code error', 'OAuthException') };
		}
		state.number.code_verification_status = 'VERIFIED';
		return { status: 200, body: { success: true, id: state.number.id } };
	}

	private register(state: NumberState, body: Record<string, unknown>): SimulatedResponse {
		if (
			body.messaging_product !== 'whatsapp' ||
			typeof body.pin !== 'string' ||
			!/^[0-9]{6}$/.test(body.pin)
		) {
			return {
				status: 400,
				body: metaError(
					100,
					'(#100) messaging_product "whatsapp" and a 6-digit pin are required',
					'OAuthException',
				),
			};
		}
		state.registerCalls += 1;
		if (state.registerCalls > 10)
			return {
				status: 400,
				body: metaError(
					133016,
					'Account register deregister rate limit exceeded',
					'OAuthException',
				),
			};
		if (state.pin !== undefined && state.pin !== body.pin) {
			return {
				status: 400,
				body: metaError(133005, 'Two step verification PIN Mismatch', 'OAuthException'),
			};
		}
		if (state.number.code_verification_status !== 'VERIFIED') {
			return {
				status: 400,
				body: metaError(100, '(#100) The phone number is not verified', 'OAuthException'),
			};
		}
		state.pin = body.pin;
		state.number.status = 'CONNECTED';
		return { status: 200, body: { success: true } };
	}

	private profile(
		state: NumberState,
		request: RecordedRequest,
		body: Record<string, unknown>,
	): SimulatedResponse {
		// the contract's WhatsAppBusinessProfileResponse: each entry wraps the profile in business_profile
		if (request.method === 'GET')
			return {
				status: 200,
				body: { data: [{ business_profile: { ...state.profile, messaging_product: 'whatsapp' } }] },
			};
		if (body.messaging_product !== 'whatsapp') {
			return {
				status: 400,
				body: metaError(
					100,
					'(#100) The parameter messaging_product is required',
					'OAuthException',
				),
			};
		}
		const known = [
			'about',
			'address',
			'description',
			'email',
			'vertical',
			'websites',
			'profile_picture_handle',
		];
		const unknown = Object.keys(body).filter(
			(key) => key !== 'messaging_product' && !known.includes(key),
		);
		if (unknown.length > 0)
			return {
				status: 400,
				body: metaError(100, `(#100) Unknown parameter: ${unknown.join(', ')}`, 'OAuthException'),
			};
		const handle = body.profile_picture_handle;
		for (const [key, value] of Object.entries(body)) {
			if (key !== 'messaging_product' && key !== 'profile_picture_handle')
				state.profile[key] = value;
		}
		if (typeof handle === 'string')
			state.profile.profile_picture_url = `https://pps.whatsapp.net/${handle}.jpg`;
		return { status: 200, body: { success: true } };
	}
}
