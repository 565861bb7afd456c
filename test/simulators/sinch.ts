import { randomBytes, randomUUID } from 'node:crypto';

import { registerCanary } from '../support/canaries';
import type { ContractName } from '../support/providerContracts';
import {
	basicAuth,
	bearerToken,
	HttpSimulator,
	type RecordedRequest,
	type SimulatedResponse,
} from './server';

/**
 * Sinch's Provisioning API (WhatsApp senders and account) and its OAuth2 token endpoint, as
 * Sinch documents them (developers.sinch.com/docs/provisioning-api/api-reference, Sinch's
 * OpenAPI bundle 1.2.117, sinch/skills sinch-authentication and sinch-provisioning-api):
 * - POST /oauth2/token: grant_type=client_credentials with the key ID and secret in Basic auth
 *   → {access_token, token_type, expires_in}; the real host is auth.sinch.com, served here on
 *   the same 127.0.0.1 origin (the credential's Token URL points at it).
 * - /v1/projects/{projectId}/whatsapp[/senders[/{senderId}[/register|/verify|/changes]]], Bearer token
 *   (or Basic auth with the key, which Sinch allows "for test purposes only").
 * - Lists: pageSize 1..100 (50 without it), pageToken from the previous answer's nextPageToken.
 * - Errors: the PAPI error body {errorCode, message, resolution, additionalInformation?}.
 * Sinch documents no rate limit numbers and no Retry-After for these endpoints: a test that
 * wants a 429 injects it.
 */

export interface SinchSenderSeed {
	/** Country calling code, digits ("48"). */
	countryCode: string;
	/** The number without its country code ("777777777"), as Sinch stores it. */
	phoneNumber: string;
	displayName?: string;
	/** ACTIVE, IN_PROGRESS, INACTIVE, PENDING_VERIFICATION, SUSPENDED, ERROR; ACTIVE by default. */
	state?: string;
	/** GREEN, YELLOW, RED, UNKNOWN, UNRECOGNIZED; GREEN by default. */
	qualityRating?: string;
	/** The deprecated per-sender daily limit (TIER_1K, …); absent by default, as in Sinch's newer examples. */
	dailyLimit?: string;
	/** The deprecated per-sender copy of the account's ban state; absent by default. */
	wabaBanState?: string;
	id?: string;
}

export type SinchSenderPatch = Partial<
	Pick<SinchSenderSeed, 'state' | 'qualityRating' | 'dailyLimit' | 'displayName' | 'wabaBanState'>
> & {
	changes?: Record<string, unknown>;
};

export const SINCH_MAX_PAGE = 100;
const SINCH_DEFAULT_PAGE = 50;

const papi = (
	status: number,
	errorCode: string,
	message: string,
	resolution: string,
	additionalInformation?: Record<string, unknown>,
): SimulatedResponse => ({
	status,
	body: {
		errorCode,
		message,
		resolution,
		...(additionalInformation ? { additionalInformation } : {}),
	},
});

const UNAUTHORIZED = () =>
	papi(401, 'unauthorized_error', 'Unauthorized error.', 'Verify that projectId is correct.');
const SENDER_NOT_FOUND = () =>
	papi(404, 'sender_not_found', 'Sender not found.', 'Verify that the parameters are correct.');
const INVALID_INPUT = (validationErrors: string[]) =>
	papi(400, 'invalid_input', 'Invalid input.', 'Correct the validation errors and submit again.', {
		validationErrors,
	});

export class SinchSimulator extends HttpSimulator {
	readonly senders: Array<Record<string, unknown>> = [];

	contract: ContractName | undefined = 'sinch';

	/** The account's `businessDailyLimit` (GET /v1/projects/{projectId}/whatsapp); undefined leaves it out. */
	businessDailyLimit: string | undefined = 'TIER_1K';

	/** The account's `wabaBanState` (DISABLE, SCHEDULE_FOR_DISABLE, REINSTATE) and its date; undefined leaves them out. */
	wabaBanState: string | undefined;

	wabaBanDate: string | undefined;

	/** The account read fails as Sinch documents it: 404 account_not_found or 409 account_data_is_corrupt. */
	accountFailure: 'account_not_found' | 'account_data_is_corrupt' | undefined;

	/** Lifetime of new tokens, in seconds (Sinch: "Typically, they will only last one hour"). */
	tokenTtlSeconds = 3600;

	tokenRequests = 0;

	/** Ids of senders whose number Meta has already verified: Verify takes them without a code. */
	readonly verifiedByMeta = new Set<string>();

	/** The OTP each sender was sent by register, for a test to type in. */
	readonly codes = new Map<string, string>();

	/** The code the next register sends, for a workflow that types it in; a random one when unset. */
	codeToSend: string | undefined;

	private readonly tokens = new Map<string, number>();

	constructor(
		readonly projectId: string,
		readonly keyId: string,
		readonly keySecret: string,
	) {
		super();
	}

	/** The token endpoint on this server, for the credential's Token URL. */
	get tokenUrl(): string {
		return `${this.baseUrl}/oauth2/token`;
	}

	addSenders(...seeds: SinchSenderSeed[]): Array<Record<string, unknown>> {
		return seeds.map((seed) => {
			const bearer = `sender-bearer-${randomBytes(8).toString('hex')}`;
			registerCanary(bearer, 'numberKey');
			const sender: Record<string, unknown> = {
				id: seed.id ?? randomUUID(),
				state: seed.state ?? 'ACTIVE',
				details: {
					displayName: seed.displayName ?? 'Test name',
					vertical: 'PROFESSIONAL_SERVICES',
					about: 'Test about',
				},
				created: '2023-01-19T13:11:08.204Z',
				modified: '2023-01-19T13:11:08.204Z',
				region: 'EU',
				metaLocalStorage: 'DE',
				maxTps: 10,
				qualityRating: seed.qualityRating ?? 'GREEN',
				...(seed.dailyLimit === undefined ? {} : { dailyLimit: seed.dailyLimit }),
				...(seed.wabaBanState === undefined ? {} : { wabaBanState: seed.wabaBanState }),
				bearerToken: bearer,
				cloudApi: true,
				countryCode: seed.countryCode,
				phoneNumber: seed.phoneNumber,
				numberProvider: 'CUSTOMER',
				businessManager: 'SINCH_UK',
				compatibleRegions: ['eu', 'us'],
			};
			this.senders.push(sender);
			return sender;
		});
	}

	/** Changes one sender between polls, found by its id or its number ("+48777777777"). */
	update(idOrPhone: string, patch: SinchSenderPatch): void {
		const sender = this.senders.find(
			(s) =>
				s.id === idOrPhone || `+${String(s.countryCode)}${String(s.phoneNumber)}` === idOrPhone,
		);
		if (!sender) throw new Error(`no simulated Sinch sender ${idOrPhone}`);
		const { displayName, ...rest } = patch;
		Object.assign(sender, rest);
		if (displayName !== undefined) sender.details = { ...(sender.details as object), displayName };
	}

	/** Every token issued so far stops working, as after its hour. */
	expireTokens(): void {
		for (const token of this.tokens.keys()) this.tokens.set(token, 0);
	}

	protected route(request: RecordedRequest): SimulatedResponse {
		if (request.path === '/oauth2/token') return this.issueToken(request);
		if (!this.authorized(request)) return UNAUTHORIZED();
		const match =
			/^\/v1\/projects\/([^/]+)\/whatsapp(?:\/senders(?:\/([^/]+)(?:\/(register|verify|changes))?)?)?$/.exec(
				request.path,
			);
		if (!match) return { status: 404, body: { message: 'Cannot route' } };
		const [, projectId, senderId, action] = match;
		// an access key of one project may not read another project
		if (projectId !== this.projectId) return UNAUTHORIZED();
		const base = `/v1/projects/${projectId}/whatsapp`;
		if (request.path === base)
			return request.method === 'GET' ? this.readAccount() : { status: 404, body: {} };
		if (senderId === undefined)
			return request.method === 'GET' ? this.list(request) : { status: 404, body: {} };
		const sender = this.senders.find((s) => s.id === senderId);
		if (!sender) return SENDER_NOT_FOUND();
		if (action === 'register' && request.method === 'POST') return this.register(sender, request);
		if (action === 'verify' && request.method === 'POST') return this.verify(sender, request);
		if (action === 'changes' && request.method === 'DELETE') {
			// "Delete pending or rejected changes to a sender." (deleteChanges_v1, whose answer the
			// excerpts do not give: 204 here, like Delete's, also when there are none — an assumption)
			delete sender.changes;
			return { status: 204 };
		}
		if (action !== undefined) return { status: 404, body: {} };
		switch (request.method) {
			case 'GET':
				return { status: 200, body: sender };
			case 'PATCH':
				return this.patch(sender, request);
			case 'DELETE':
				this.senders.splice(this.senders.indexOf(sender), 1);
				return { status: 204 };
			default:
				return { status: 404, body: {} };
		}
	}

	private authorized(request: RecordedRequest): boolean {
		const token = bearerToken(request.headers);
		if (token !== undefined) return (this.tokens.get(token) ?? 0) > Date.now();
		const basic = basicAuth(request.headers);
		return basic?.user === this.keyId && basic.password === this.keySecret;
	}

	private issueToken(request: RecordedRequest): SimulatedResponse {
		this.tokenRequests += 1;
		if (request.method !== 'POST') return { status: 405, body: {} };
		const form = new URLSearchParams(request.body);
		const basic = basicAuth(request.headers);
		if (form.get('grant_type') !== 'client_credentials') return { status: 400, body: {} };
		if (basic?.user !== this.keyId || basic.password !== this.keySecret)
			return { status: 401, body: {} };
		const token = `sinch-token-${randomBytes(16).toString('hex')}`;
		registerCanary(token, 'token');
		this.tokens.set(token, Date.now() + this.tokenTtlSeconds * 1000);
		return {
			status: 200,
			body: {
				access_token: token,
				expires_in: this.tokenTtlSeconds,
				scope: '',
				token_type: 'bearer',
			},
		};
	}

	private readAccount(): SimulatedResponse {
		if (this.accountFailure === 'account_not_found')
			return papi(
				404,
				'account_not_found',
				'Account not found.',
				'Verify that the parameters are correct.',
			);
		// the 409's body is not shown in the excerpts: the PAPI error shape with its code
		if (this.accountFailure === 'account_data_is_corrupt')
			return papi(
				409,
				'account_data_is_corrupt',
				'Account data is corrupt.',
				'Contact Sinch support.',
			);
		return { status: 200, body: this.account() };
	}

	private account(): Record<string, unknown> {
		return {
			state: 'ONBOARDED',
			isEmbeddedSignup: false,
			businessManager: 'SINCH_UK',
			wabaId: '1234567890',
			details: { wabaName: 'Legal name of company', clientBusinessManagerId: '1234567890' },
			wabaMaxPriceOnboarded: false,
			compatibleRegions: ['eu', 'us'],
			...(this.businessDailyLimit === undefined
				? {}
				: { businessDailyLimit: this.businessDailyLimit }),
			...(this.wabaBanState === undefined ? {} : { wabaBanState: this.wabaBanState }),
			...(this.wabaBanDate === undefined ? {} : { wabaBanDate: this.wabaBanDate }),
			currency: 'EUR',
		};
	}

	private list(request: RecordedRequest): SimulatedResponse {
		let pageSize = SINCH_DEFAULT_PAGE;
		if (request.query.pageSize !== undefined) {
			pageSize = Number(request.query.pageSize);
			// the reference bounds it "[ 1 .. 100 ]"; its only documented refusal is this one, so a size
			// out of bounds gets it too (Sinch's exact answer to one is not documented)
			if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > SINCH_MAX_PAGE) {
				return papi(
					400,
					'invalid_page_size',
					'Page size must be numeric.',
					'Use a integer value for pageSize parameter.',
				);
			}
		}
		let offset = 0;
		if (request.query.pageToken !== undefined) {
			offset = decodeToken(request.query.pageToken) ?? -1;
			if (offset < 0 || offset > this.senders.length) {
				return papi(
					400,
					'invalid_page_token',
					'Invalid page token.',
					'The page token to use is provided in the previous query response, for new queries simply leave this field undefined.',
				);
			}
		}
		const page = this.senders.slice(offset, offset + pageSize);
		const next =
			offset + pageSize < this.senders.length ? encodeToken(offset + pageSize) : undefined;
		const previous = offset > 0 ? encodeToken(Math.max(0, offset - pageSize)) : undefined;
		return {
			status: 200,
			body: {
				totalSize: this.senders.length,
				pageSize,
				...(previous === undefined ? {} : { previousPageToken: previous }),
				...(next === undefined ? {} : { nextPageToken: next }),
				senders: page,
			},
		};
	}

	private register(sender: Record<string, unknown>, request: RecordedRequest): SimulatedResponse {
		const body = jsonBody(request);
		if (body?.method !== 'SMS' && body?.method !== 'VOICE')
			return INVALID_INPUT(['method must be one of the following values: SMS, VOICE']);
		if (sender.state !== 'PENDING_VERIFICATION') {
			return papi(
				409,
				'not_allowed_register',
				'Sender not allowed to be registered.',
				'Only "PENDING_VERIFICATION" sender can be registered.',
			);
		}
		this.codes.set(
			String(sender.id),
			this.codeToSend ?? String(100000 + Math.floor(Math.random() * 900000)),
		);
		return {
			status: 200,
			body: {
				id: sender.id,
				method: body.method,
				accepted: new Date().toISOString(),
				verificationCodeSent: true,
			},
		};
	}

	/**
	 * The code is "Not required if the sender number is already verified by Meta" (the senders of
	 * `verifiedByMeta` here); without it any other sender is refused as invalid input (Sinch's
	 * answer to that case is not documented: an assumption).
	 */
	private verify(sender: Record<string, unknown>, request: RecordedRequest): SimulatedResponse {
		const code = jsonBody(request)?.code;
		const withoutCode = code === undefined && this.verifiedByMeta.has(String(sender.id));
		if (!withoutCode && typeof code !== 'string')
			return INVALID_INPUT(['code must be a string', 'code must be exactly 6 characters']);
		if (!withoutCode && String(code).length !== 6)
			return INVALID_INPUT(['code must be exactly 6 characters']);
		if (sender.state !== 'PENDING_VERIFICATION') {
			return papi(
				409,
				'not_allowed_verify',
				'Sender not allowed to be verified.',
				'Only "PENDING_VERIFICATION" sender can be verified.',
			);
		}
		if (!withoutCode && this.codes.get(String(sender.id)) !== code) {
			return papi(
				409,
				'wrong_otp',
				'Sender verification failed due to wrong OTP.',
				'Please make sure that the correct OTP code is entered.',
			);
		}
		// Sinch finishes the setup asynchronously ("rely on status endpoints or webhooks")
		sender.state = 'IN_PROGRESS';
		return { status: 204 };
	}

	private patch(sender: Record<string, unknown>, request: RecordedRequest): SimulatedResponse {
		const body = jsonBody(request);
		const details = body?.details;
		if (!details || typeof details !== 'object' || Object.keys(details).length === 0) {
			return papi(
				400,
				'no_fields_to_update',
				'No fields to be updated.',
				'Supply at least one field to be updated.',
			);
		}
		if (sender.state !== 'ACTIVE') {
			return papi(
				409,
				'sender_not_updatable',
				'Sender is not updatable.',
				'Updates are only supported by senders with state: ACTIVE.',
			);
		}
		const pending = (sender.changes as { status?: string } | undefined)?.status;
		if (pending !== undefined && pending !== 'DRAFT' && pending !== 'REJECTED') {
			return papi(
				409,
				'sender_changes_not_updatable',
				'Sender is not updatable.',
				'Updates are only supported by senders changes with status: DRAFT, REJECTED.',
			);
		}
		const submitted = body.status === 'SUBMIT';
		sender.changes = {
			status: submitted ? 'IN_PROGRESS' : 'DRAFT',
			details: { ...(sender.details as object), ...details },
		};
		return { status: 200, body: sender };
	}
}

function encodeToken(offset: number): string {
	return Buffer.from(JSON.stringify({ offset })).toString('base64url');
}

function decodeToken(token: string): number | undefined {
	try {
		const offset = (
			JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { offset?: unknown }
		).offset;
		return typeof offset === 'number' && Number.isInteger(offset) ? offset : undefined;
	} catch {
		return undefined;
	}
}

function jsonBody(request: RecordedRequest): Record<string, unknown> | undefined {
	try {
		return JSON.parse(request.body) as Record<string, unknown>;
	} catch {
		return undefined;
	}
}
