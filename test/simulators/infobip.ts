import { seededRandom } from '../support/seededRandom';
import { type RecordedRequest, type SimulatedResponse, HttpSimulator } from './server';

/**
 * Infobip's WhatsApp sender endpoints as Infobip documents them. Sources, all Infobip's own:
 * the API reference pages
 *   QUALITY   https://infobip.com/docs/api/channels/whatsapp/whatsapp-service-management/get-whatsapp-senders-quality
 *   ADD       https://infobip.com/docs/api/channels/whatsapp/whatsapp-service-management/add-whatsapp-sender
 *   INFO      https://infobip.com/docs/api/channels/whatsapp/whatsapp-service-management/get-whatsapp-sender-business-info
 *   THROTTLE  https://www.infobip.com/docs/developer-resources/api-fundamentals/rate-limits-and-throttling
 * the Java SDK infobip/infobip-api-java-client @ 5e880b14081723c5d4112f2906649678fe2c00d1
 * (api/WhatsAppApi.java; models WhatsAppSenderQuality*, WhatsAppPhoneNumberRequest,
 * WhatsAppVerifyCodeRequest, WhatsAppOtpRequest, WhatsAppBusinessInfoRequest/Response,
 * WhatsAppBusinessVertical, WhatsAppNumberType, ApiError*; ApiExceptionWrapper.java and
 * ApiExceptionDetailsResolver.java for the error bodies) and the PHP SDK
 * infobip/infobip-api-php-client @ 1c01049f4ac252c68b76dc29a734d33dab21b462
 * (Infobip/Api/WhatsAppApi.php: the error model each operation declares per status, the
 * request models' length limits; Test/Api/WhatsApp/ManageWhatsAppApiTest.php: success statuses).
 *
 * Simulated, every request with `Authorization: App <apiKey>` exactly (anything else is 401):
 * - GET /whatsapp/1/senders/quality?senders=a,b,… (QUALITY): 1..100 comma-separated numbers →
 *   200 {results: [{sender, qualityRating, status, currentLimit, lastUpdated?}]}, only for the
 *   numbers on the account ("Only senders associated with your account are included in the
 *   response"), in the order asked, each once.
 * - POST /whatsapp/1/embedded-signup/registrations/business-account/{businessAccountId}/senders
 *   (ADD) with WhatsAppPhoneNumberRequest {countryCode, phoneNumber, displayName,
 *   type: EXTERNAL_SMS | EXTERNAL_VOICE, locale}, all required → 202 {status: SUBMITTED_FOR_REGISTRATION}.
 *   The sender is countryCode + phoneNumber; its registration is then OTP_REQUESTED with a 6-digit
 *   code (in `registrations`, set before the answer leaves). A number already on the account is
 *   "recognized as already verified" and "automatically submitted for registration" (ADD): no code.
 * - POST /whatsapp/1/embedded-signup/registrations/senders/{sender}/verification with
 *   WhatsAppVerifyCodeRequest {code} ("Verify your WhatsApp sender and submit it for
 *   registration", WhatsAppApi.java) → 204; the registration becomes SUBMITTED_FOR_REGISTRATION and
 *   the sender joins the account CONNECTED with the seed defaults.
 * - PUT on the same path with WhatsAppOtpRequest {type, locale}, both required ("Retry the
 *   WhatsApp sender verification process in the event of a non-delivered verification code") → 204
 *   and a new code.
 * - GET /whatsapp/1/senders/{sender}/business-info (INFO; sender [0-9]+, 1..15 characters) → 200
 *   WhatsAppBusinessInfoResponse {about, address, description, email, vertical, websites,
 *   displayName}, 404 "Sender not found." for a number not on the account.
 * - PATCH on the same path with WhatsAppBusinessInfoRequest (about ≤ 130, address ≤ 256,
 *   description ≤ 256, email ≤ 128, vertical from WhatsAppBusinessVertical, websites ≤ 2,
 *   logoUrl ≤ 2048 starting with http:// or https://; all optional) → 204; only the fields given
 *   change (logoUrl is kept in `logoUrls`, the GET answer has no such field).
 * Error bodies follow what the PHP SDK declares per operation: the quality and embedded-signup
 * operations declare `\Infobip\Model\ApiException` = {"requestError": {"serviceException":
 * {messageId, text, validationErrors?}}} (messageId BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND,
 * TOO_MANY_REQUESTS, GENERAL_ERROR: the words ApiExceptionDetailsResolver.java maps to E400…E500);
 * the business-info operations declare `\Infobip\Model\ApiError` = {errorCode, description,
 * action, violations: [{property, violation}], resources: [{name, url}]} (E400, E401, E404, E429…).
 *
 * Assumptions (Infobip's documentation is silent on them):
 * - a `senders` entry that is not 1..15 digits ("+44…", "", " 44…", letters) makes the whole
 *   request a 400 (BAD_REQUEST, validationErrors.senders) rather than being left out; the 1..15
 *   digits are business-info's documented sender pattern; more than 100 entries (duplicates
 *   counted) is a 400 too. Repeating the parameter (senders=a&senders=b, which both official SDKs
 *   send for a list) is not visible here: the recorded query keeps the last value only.
 * - the order of `results` (the order asked) and dropping duplicates.
 * - the texts of every error, and the statuses of: an unknown WABA on ADD (404 NOT_FOUND), a wrong
 *   code (400 BAD_REQUEST), verify or retry with no code pending (404 NOT_FOUND when nothing was
 *   registered, 400 when the number was already submitted), an unknown field in a PATCH (400),
 *   an unknown path or method (404 NOT_FOUND, ApiException shape).
 * - countryCode and phoneNumber must be digits, together 1..15; `locale` is required as the
 *   reference says, though it also names a default (en_US); null in a PATCH means "not given".
 * - the 429 of `quotaRetryAfterSeconds` carries a Retry-After header; Infobip documents the 429
 *   and its body (THROTTLE) but no Retry-After. The credential is checked before the quota.
 * - a new sender's business info: empty about/address/description/email, vertical OTHER, no
 *   websites, displayName from its registration ('Example Business' for a seeded sender).
 * - lastUpdated changes only when a test sets it (update() never moves it by itself).
 * Not simulated: GET …/business-info/logo, the 403 of a key without the needed scope, a 500.
 * Besides the agreed interface, `senderQuality(sender)` reads a sender as the quality endpoint
 * would answer it, and `logoUrls` holds what PATCH set as logoUrl.
 */

export interface InfobipSenderSeed {
	/** digits without "+", e.g. '447796344125' */
	sender: string;
	/** HIGH | MEDIUM | LOW | UNKNOWN (WhatsAppSenderQualityRating), default 'HIGH'. */
	qualityRating?: string;
	/** Meta's words (WhatsAppSenderStatus): CONNECTED (default), FLAGGED, RESTRICTED, BANNED, … */
	status?: string;
	/** LIMIT_NA | LIMIT_250 | LIMIT_2K | LIMIT_10K (default) | LIMIT_100K | UNLIMITED (WhatsAppSenderLimit). */
	currentLimit?: string;
	/** ISO date; null leaves the field out; default INFOBIP_DEFAULT_LAST_UPDATED. */
	lastUpdated?: string | null;
}

export type InfobipSenderPatch = Partial<Omit<InfobipSenderSeed, 'sender'>>;

/** One item of the quality answer (WhatsAppSenderQuality). */
export interface InfobipSenderQuality {
	sender: string;
	qualityRating: string;
	status: string;
	currentLimit: string;
	lastUpdated?: string;
}

export interface InfobipRegistration {
	status: 'SUBMITTED_FOR_REGISTRATION' | 'OTP_REQUESTED';
	code?: string;
	request: Record<string, unknown>;
}

/** The sample date of Infobip's quality reference. */
export const INFOBIP_DEFAULT_LAST_UPDATED = '2022-02-18T08:12:26.422Z';
export const INFOBIP_MAX_SENDERS_PER_QUALITY_REQUEST = 100;

/** WhatsAppNumberType: how the verification code is delivered. */
export const INFOBIP_NUMBER_TYPES = ['EXTERNAL_SMS', 'EXTERNAL_VOICE'];

/** WhatsAppBusinessVertical (Java SDK). */
export const INFOBIP_BUSINESS_VERTICALS = [
	'AUTOMOTIVE',
	'BEAUTY_AND_SPA_AND_SALON',
	'CLOTHING_AND_APPAREL',
	'EDUCATION',
	'ENTERTAINMENT',
	'EVENT_PLANNING_AND_SERVICE',
	'FINANCE_AND_BANKING',
	'FOOD_AND_GROCERY',
	'PUBLIC_SERVICE',
	'HOTEL_AND_LODGING',
	'MEDICAL_AND_HEALTH',
	'NON_PROFIT',
	'PROFESSIONAL_SERVICES',
	'SHOPPING_AND_RETAIL',
	'TRAVEL_AND_TRANSPORTATION',
	'RESTAURANT',
	'OTHER',
	'UNKNOWN',
];

/** WhatsAppBusinessInfoRequest's string limits (PHP SDK's Assert\Length). */
const BUSINESS_INFO_TEXT_LIMITS: Record<string, number> = {
	about: 130,
	address: 256,
	description: 256,
	email: 128,
	logoUrl: 2048,
};

/** The pattern of a sender number in a path: "[ 1 .. 15 ] characters [0-9]+" (INFO). */
const SENDER_PATTERN = /^[0-9]{1,15}$/;

const SERVICE_MANAGEMENT_DOCS =
	'https://www.infobip.com/docs/api/channels/whatsapp/whatsapp-service-management';

/** The body `\Infobip\Model\ApiException` (requestError.serviceException). */
export function infobipServiceException(
	messageId: string,
	text: string,
	validationErrors?: Record<string, string[]>,
) {
	return {
		requestError: {
			serviceException: {
				messageId,
				text,
				...(validationErrors === undefined ? {} : { validationErrors }),
			},
		},
	};
}

/** The body `\Infobip\Model\ApiError`. */
export function infobipApiError(
	errorCode: string,
	description: string,
	action: string,
	violations: Array<{ property: string; violation: string }> = [],
) {
	return {
		errorCode,
		description,
		action,
		violations,
		resources: [{ name: 'API endpoint documentation', url: SERVICE_MANAGEMENT_DOCS }],
	};
}

type ErrorStyle = 'serviceException' | 'apiError';

const LEGACY_WORDS: Record<number, { messageId: string; text: string }> = {
	400: { messageId: 'BAD_REQUEST', text: 'Bad request' },
	401: { messageId: 'UNAUTHORIZED', text: 'Invalid login details' },
	404: { messageId: 'NOT_FOUND', text: 'Not found' },
	429: { messageId: 'TOO_MANY_REQUESTS', text: 'Too many requests' },
};

const API_ERROR_WORDS: Record<number, { description: string; action: string }> = {
	400: {
		description: 'Request cannot be processed.',
		action: 'Check the syntax, violations and adjust the request.',
	},
	401: {
		description: 'Invalid login details.',
		action: 'Check the Authorization header: App <API key>.',
	},
	404: {
		description: 'Sender not found.',
		action: 'Check that the sender is registered on your account.',
	},
	429: {
		description: 'Too many requests sent.',
		action: 'Check request rate limit specified in the API endpoint documentation resource.',
	},
};

/** An error of either shape; `fields` become validationErrors or violations. */
function failure(
	style: ErrorStyle,
	status: number,
	text?: string,
	fields?: Record<string, string[]>,
	headers?: Record<string, string>,
): SimulatedResponse {
	if (style === 'serviceException') {
		const words = LEGACY_WORDS[status];
		return {
			status,
			headers,
			body: infobipServiceException(words.messageId, text ?? words.text, fields),
		};
	}
	const words = API_ERROR_WORDS[status];
	const violations = Object.entries(fields ?? {}).flatMap(([property, messages]) =>
		messages.map((violation) => ({ property, violation })),
	);
	return {
		status,
		headers,
		body: infobipApiError(`E${status}`, text ?? words.description, words.action, violations),
	};
}

const QUALITY_PATH = '/whatsapp/1/senders/quality';
const ADD_PATH =
	/^\/whatsapp\/1\/embedded-signup\/registrations\/business-account\/([^/]+)\/senders$/;
const VERIFICATION_PATH =
	/^\/whatsapp\/1\/embedded-signup\/registrations\/senders\/([^/]+)\/verification$/;
const BUSINESS_INFO_PATH = /^\/whatsapp\/1\/senders\/([^/]+)\/business-info$/;

function parseObject(body: string): Record<string, unknown> | undefined {
	try {
		const parsed: unknown = JSON.parse(body);
		return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
			? (parsed as Record<string, unknown>)
			: undefined;
	} catch {
		return undefined;
	}
}

function blank(value: unknown): boolean {
	return typeof value !== 'string' || value.trim() === '';
}

export class InfobipSimulator extends HttpSimulator {
	private readonly senders = new Map<string, InfobipSenderQuality>();

	/** WABA ids that exist (tests add them). */
	readonly businessAccounts = new Set<string>();

	/** Registrations under way or submitted, by sender digits. */
	readonly registrations = new Map<string, InfobipRegistration>();

	/** Each sender's business info as GET …/business-info answers it, by sender digits. */
	readonly businessInfo = new Map<string, Record<string, unknown>>();

	/** The logoUrl a PATCH set, by sender digits (the GET answer has no logo field). */
	readonly logoUrls = new Map<string, string>();

	/** Set to a number of seconds to answer every request 429 with that Retry-After (undefined: off). */
	quotaRetryAfterSeconds: number | undefined;

	/** Verification codes: the same sequence every run. */
	private readonly random = seededRandom(20260331);

	constructor(readonly apiKey: string) {
		super();
	}

	/** The server origin, where https://xxxxx.api.infobip.com would be. */
	override get baseUrl(): string {
		return this.server.origin;
	}

	addSenders(...seeds: InfobipSenderSeed[]): void {
		for (const seed of seeds) {
			if (!SENDER_PATTERN.test(seed.sender))
				throw new Error(`an Infobip sender is 1 to 15 digits without "+": ${seed.sender}`);
			const quality: InfobipSenderQuality = {
				sender: seed.sender,
				qualityRating: seed.qualityRating ?? 'HIGH',
				status: seed.status ?? 'CONNECTED',
				currentLimit: seed.currentLimit ?? 'LIMIT_10K',
			};
			if (seed.lastUpdated !== null)
				quality.lastUpdated = seed.lastUpdated ?? INFOBIP_DEFAULT_LAST_UPDATED;
			this.senders.set(seed.sender, quality);
			if (!this.businessInfo.has(seed.sender))
				this.businessInfo.set(seed.sender, defaultBusinessInfo('Example Business'));
		}
	}

	/** Changes a sender's quality, status, limit or lastUpdated (null removes lastUpdated). */
	update(sender: string, patch: InfobipSenderPatch): void {
		const quality = this.senders.get(sender);
		if (!quality) throw new Error(`no simulated Infobip sender ${sender}`);
		if (patch.qualityRating !== undefined) quality.qualityRating = patch.qualityRating;
		if (patch.status !== undefined) quality.status = patch.status;
		if (patch.currentLimit !== undefined) quality.currentLimit = patch.currentLimit;
		if (patch.lastUpdated === null) delete quality.lastUpdated;
		else if (patch.lastUpdated !== undefined) quality.lastUpdated = patch.lastUpdated;
	}

	/** The number leaves the account: no longer in quality answers, its business info is 404. */
	removeSender(sender: string): void {
		this.senders.delete(sender);
		this.businessInfo.delete(sender);
		this.logoUrls.delete(sender);
	}

	/** A copy of what the quality endpoint says of a sender, undefined when it is not on the account. */
	senderQuality(sender: string): InfobipSenderQuality | undefined {
		const quality = this.senders.get(sender);
		return quality && { ...quality };
	}

	protected route(request: RecordedRequest): SimulatedResponse {
		const style: ErrorStyle = BUSINESS_INFO_PATH.test(request.path)
			? 'apiError'
			: 'serviceException';
		if (request.headers.authorization !== `App ${this.apiKey}`) return failure(style, 401);
		if (this.quotaRetryAfterSeconds !== undefined) {
			return failure(style, 429, undefined, undefined, {
				'Retry-After': String(this.quotaRetryAfterSeconds),
			});
		}
		if (request.path === QUALITY_PATH && request.method === 'GET') return this.quality(request);
		const add = ADD_PATH.exec(request.path);
		if (add && request.method === 'POST')
			return this.addSender(request, decodeURIComponent(add[1]));
		const verification = VERIFICATION_PATH.exec(request.path);
		if (verification && (request.method === 'POST' || request.method === 'PUT')) {
			const sender = decodeURIComponent(verification[1]);
			return request.method === 'POST'
				? this.verify(request, sender)
				: this.retryVerification(request, sender);
		}
		const info = BUSINESS_INFO_PATH.exec(request.path);
		if (info && (request.method === 'GET' || request.method === 'PATCH'))
			return this.businessInfoRoute(request, decodeURIComponent(info[1]));
		return failure('serviceException', 404, `No endpoint ${request.method} ${request.path}`);
	}

	private quality(request: RecordedRequest): SimulatedResponse {
		const raw = request.query.senders;
		if (raw === undefined || raw === '')
			return failure('serviceException', 400, undefined, { senders: ['must not be empty'] });
		const asked = raw.split(',');
		if (asked.length > INFOBIP_MAX_SENDERS_PER_QUALITY_REQUEST) {
			return failure('serviceException', 400, undefined, {
				senders: [`size must be between 1 and ${INFOBIP_MAX_SENDERS_PER_QUALITY_REQUEST}`],
			});
		}
		const malformed = asked.filter((sender) => !SENDER_PATTERN.test(sender));
		if (malformed.length > 0) {
			return failure('serviceException', 400, undefined, {
				senders: malformed.map(
					(sender) => `must match "[0-9]{1,15}" (digits without "+"): ${JSON.stringify(sender)}`,
				),
			});
		}
		const results = [...new Set(asked)]
			.map((sender) => this.senders.get(sender))
			.filter((quality): quality is InfobipSenderQuality => quality !== undefined)
			.map((quality) => ({ ...quality }));
		return { status: 200, body: { results } };
	}

	private addSender(request: RecordedRequest, businessAccountId: string): SimulatedResponse {
		if (!/^[0-9]{1,19}$/.test(businessAccountId)) {
			return failure('serviceException', 400, undefined, {
				businessAccountId: ['must be an integer (int64)'],
			});
		}
		if (!this.businessAccounts.has(businessAccountId))
			return failure('serviceException', 404, 'Business account not found.');
		const body = parseObject(request.body);
		if (!body) return failure('serviceException', 400, 'Request body is not a JSON object.');
		const errors: Record<string, string[]> = {};
		for (const field of ['countryCode', 'phoneNumber', 'displayName', 'locale']) {
			if (blank(body[field])) errors[field] = ['must not be blank'];
		}
		if (!INFOBIP_NUMBER_TYPES.includes(body.type as string))
			errors.type = [`must be one of ${INFOBIP_NUMBER_TYPES.join(', ')}`];
		for (const field of ['countryCode', 'phoneNumber']) {
			if (!errors[field] && !/^[0-9]+$/.test(body[field] as string))
				errors[field] = ['must contain digits only'];
		}
		const sender = `${body.countryCode as string}${body.phoneNumber as string}`;
		if (!errors.countryCode && !errors.phoneNumber && !SENDER_PATTERN.test(sender))
			errors.phoneNumber = ['countryCode and phoneNumber together must be 1 to 15 digits'];
		if (Object.keys(errors).length > 0) return failure('serviceException', 400, undefined, errors);
		if (this.senders.has(sender)) {
			this.registrations.set(sender, { status: 'SUBMITTED_FOR_REGISTRATION', request: body });
		} else {
			this.registrations.set(sender, {
				status: 'OTP_REQUESTED',
				code: this.newCode(),
				request: body,
			});
		}
		return { status: 202, body: { status: 'SUBMITTED_FOR_REGISTRATION' } };
	}

	/** The registration waiting for a code, or the error answer. */
	private pending(
		sender: string,
	): { registration: InfobipRegistration } | { error: SimulatedResponse } {
		if (!SENDER_PATTERN.test(sender)) {
			return {
				error: failure('serviceException', 400, undefined, {
					sender: ['must match "[0-9]{1,15}" (international format, digits without "+")'],
				}),
			};
		}
		const registration = this.registrations.get(sender);
		if (!registration) return { error: failure('serviceException', 404, 'Sender not found.') };
		if (registration.status !== 'OTP_REQUESTED' || registration.code === undefined) {
			return {
				error: failure(
					'serviceException',
					400,
					'The sender is already verified and submitted for registration.',
				),
			};
		}
		return { registration };
	}

	private verify(request: RecordedRequest, sender: string): SimulatedResponse {
		const found = this.pending(sender);
		if ('error' in found) return found.error;
		const body = parseObject(request.body);
		if (!body) return failure('serviceException', 400, 'Request body is not a JSON object.');
		if (blank(body.code))
			return failure('serviceException', 400, undefined, { code: ['must not be blank'] });
		const { registration } = found;
		if (body.code !== registration.code)
			return failure('serviceException', 400, 'Invalid verification code.');
		registration.status = 'SUBMITTED_FOR_REGISTRATION';
		delete registration.code;
		if (!this.senders.has(sender)) {
			const displayName = registration.request.displayName;
			this.businessInfo.set(
				sender,
				defaultBusinessInfo(typeof displayName === 'string' ? displayName : 'Example Business'),
			);
			this.addSenders({ sender });
		}
		return { status: 204 };
	}

	private retryVerification(request: RecordedRequest, sender: string): SimulatedResponse {
		const found = this.pending(sender);
		if ('error' in found) return found.error;
		const body = parseObject(request.body);
		if (!body) return failure('serviceException', 400, 'Request body is not a JSON object.');
		const errors: Record<string, string[]> = {};
		if (!INFOBIP_NUMBER_TYPES.includes(body.type as string))
			errors.type = [`must be one of ${INFOBIP_NUMBER_TYPES.join(', ')}`];
		if (blank(body.locale)) errors.locale = ['must not be blank'];
		if (Object.keys(errors).length > 0) return failure('serviceException', 400, undefined, errors);
		const { registration } = found;
		const previous = registration.code;
		let code = this.newCode();
		while (code === previous) code = this.newCode();
		registration.code = code;
		registration.request = { ...registration.request, type: body.type, locale: body.locale };
		return { status: 204 };
	}

	private businessInfoRoute(request: RecordedRequest, sender: string): SimulatedResponse {
		if (!SENDER_PATTERN.test(sender))
			return failure('apiError', 400, undefined, { sender: ['must match "[0-9]+" (1 to 15)'] });
		if (!this.senders.has(sender)) return failure('apiError', 404);
		const info = this.businessInfo.get(sender) ?? defaultBusinessInfo('Example Business');
		this.businessInfo.set(sender, info);
		if (request.method === 'GET') return { status: 200, body: structuredClone(info) };

		const body = parseObject(request.body);
		if (!body) return failure('apiError', 400, undefined, { body: ['must be a JSON object'] });
		const errors: Record<string, string[]> = {};
		for (const [field, value] of Object.entries(body)) {
			if (value === null) continue;
			if (field in BUSINESS_INFO_TEXT_LIMITS) {
				const max = BUSINESS_INFO_TEXT_LIMITS[field];
				if (typeof value !== 'string' || value.length > max)
					errors[field] = [`size must be between 0 and ${max}`];
				else if (field === 'logoUrl' && !/^https?:\/\//.test(value))
					errors[field] = ['must be a valid URL starting with https:// or http://'];
			} else if (field === 'vertical') {
				if (!INFOBIP_BUSINESS_VERTICALS.includes(value as string))
					errors[field] = [`must be one of ${INFOBIP_BUSINESS_VERTICALS.join(', ')}`];
			} else if (field === 'websites') {
				if (
					!Array.isArray(value) ||
					value.length > 2 ||
					value.some((website) => typeof website !== 'string')
				)
					errors[field] = ['must be an array of at most 2 strings'];
			} else {
				errors[field] = ['unknown property'];
			}
		}
		if (Object.keys(errors).length > 0) return failure('apiError', 400, undefined, errors);
		for (const [field, value] of Object.entries(body)) {
			if (value === null) continue;
			if (field === 'logoUrl') this.logoUrls.set(sender, value as string);
			else info[field] = Array.isArray(value) ? [...(value as string[])] : value;
		}
		return { status: 204 };
	}

	/** The code Add Sender sends, when a test must know it in advance (an end-to-end workflow); a new random one otherwise. */
	firstCode: string | undefined;

	private newCode(): string {
		const fixed = this.firstCode;
		this.firstCode = undefined;
		return fixed ?? String(Math.floor(this.random() * 1_000_000)).padStart(6, '0');
	}
}

function defaultBusinessInfo(displayName: string): Record<string, unknown> {
	return {
		about: '',
		address: '',
		description: '',
		email: '',
		vertical: 'OTHER',
		websites: [],
		displayName,
	};
}
