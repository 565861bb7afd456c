import { InvalidInputError, UnexpectedResponseError } from '../../core/errors';
import { asRecord } from '../../core/json';
import type { Sender } from '../../core/sender';
import type {
	ProviderAdapter,
	ProviderErrorDetail,
	ProviderHttp,
	ProviderRequest,
	BusinessProfileInput,
	CreateSenderInput,
	ListSendersOptions,
	RequestCodeInput,
} from '../types';
import { arrayIn, joinHint, type ErrorCodeMeanings } from '../shapes';
import { listPagedSenders } from '../pagedListing';
import { profileChanges } from '../profile';
import { mapMetaPhoneNumber, metaPhoneNumberFields } from './mapper';

/** Meta's maximum page size for a WABA's phone numbers. */
export const META_MAX_PAGE_SIZE = 100;
export const META_DEFAULT_GRAPH_VERSION = 'v26.0';
const PROFILE_FIELDS = 'about,address,description,email,profile_picture_url,websites,vertical';

/**
 * What Meta's error codes mean for the user. Throttling codes (4, 17, 80007, 130429) are
 * marked notProcessed: Meta did not process the request, whatever HTTP status it used.
 */
const META_ERRORS: ErrorCodeMeanings = {
	'190': {
		hint: 'The access token is invalid or expired: create a new system-user token in Business Settings.',
		credentials: true,
	},
	'10': {
		hint: 'The token lacks the whatsapp_business_management permission for this WhatsApp Business Account.',
		credentials: true,
	},
	'200': {
		hint: 'The token lacks the whatsapp_business_management permission for this WhatsApp Business Account.',
		credentials: true,
	},
	'100': {
		hint: 'Meta refused a parameter: check the WABA ID and Graph API Version in the credential and the values sent.',
	},
	'4': { hint: 'The app hit its Graph API rate limit.', notProcessed: true },
	'17': { hint: 'The user hit its Graph API rate limit.', notProcessed: true },
	'803': {
		hint: 'Meta found no such phone number or WhatsApp Business Account: check the ID, and that the token can see this WABA.',
	},
	'80007': { hint: 'The WhatsApp Business Account hit its rate limit.', notProcessed: true },
	'130429': { hint: 'The number hit its throughput limit.', notProcessed: true },
	'133005': {
		hint: 'The PIN does not match the two-step verification PIN set for this number. Reset it in WhatsApp Manager if it is lost.',
	},
	'133016': {
		hint: 'Meta allows at most 10 register or deregister calls per number in 72 hours. Try again later.',
	},
	'136024': {
		hint: 'Meta could not send the code. Wait before asking again, or try the other method (SMS or voice).',
	},
	'136025': {
		hint: 'The verification code is wrong or expired: ask for a new one with Request Code.',
	},
};

/**
 * Meta's error envelope: `error.code` decides (not the HTTP status), `error_data.details`
 * says which parameter or value was wrong, and `is_transient: true` says a read may simply be
 * repeated (a POST is not: Meta does not say it was not processed).
 */
function parseMetaError(_status: number, body: unknown): ProviderErrorDetail {
	const error = asRecord(asRecord(body)?.error);
	if (!error) return {};
	const code = error.code === undefined || error.code === null ? undefined : String(error.code);
	const known = code === undefined ? undefined : META_ERRORS[code];
	const subcode =
		error.error_subcode === undefined ? '' : ` (subcode ${String(error.error_subcode)})`;
	const details = asRecord(error.error_data)?.details;
	return {
		code,
		message: typeof error.message === 'string' ? `${error.message}${subcode}` : undefined,
		hint: joinHint([
			typeof details === 'string' ? details : undefined,
			known?.hint,
			typeof error.error_user_msg === 'string' ? error.error_user_msg : undefined,
			typeof error.fbtrace_id === 'string' ? `fbtrace_id ${error.fbtrace_id}.` : undefined,
		]),
		notProcessed: known?.notProcessed,
		transient: error.is_transient === true || undefined,
		credentialsRejected: known?.credentials,
	};
}

/** The credential's Graph API version and WABA ID, checked before they become a path. */
function account(http: ProviderHttp): { version: string; wabaId: string } {
	const version = http.account.graphApiVersion || META_DEFAULT_GRAPH_VERSION;
	if (!/^v[0-9]{1,3}\.[0-9]$/.test(version)) {
		throw new InvalidInputError(
			'Graph API Version',
			`"${version.slice(0, 20)}" in the Meta credential must look like v26.0`,
		);
	}
	const wabaId = http.account.wabaId;
	if (!/^[0-9]{5,20}$/.test(wabaId)) {
		throw new InvalidInputError(
			'WhatsApp Business Account ID',
			'in the Meta credential must be the numeric WABA ID from WhatsApp Manager',
		);
	}
	return { version, wabaId };
}

async function listMetaNumbers(http: ProviderHttp, options: ListSendersOptions): Promise<Sender[]> {
	const { version, wabaId } = account(http);
	const limit = options.limit ?? Infinity;
	const pageRequest = (listed: number, after?: string): ProviderRequest => ({
		method: 'GET',
		path: `/${version}/${wabaId}/phone_numbers`,
		qs: {
			fields: metaPhoneNumberFields(version),
			limit: Math.min(META_MAX_PAGE_SIZE, limit - listed),
			...(after === undefined ? {} : { after }),
		},
	});
	return await listPagedSenders(http, options, {
		provider: 'Meta',
		recordName: 'a phone number',
		first: pageRequest(0),
		records: (page) => arrayIn(page, 'data', 'Meta', 'the phone number list'),
		map: mapMetaPhoneNumber,
		// only the cursor is taken from paging.next: its host is Meta's and the Base URL must win
		next(page, listed) {
			const paging = asRecord(asRecord(page)?.paging);
			const cursor = asRecord(paging?.cursors)?.after;
			return typeof paging?.next === 'string' && typeof cursor === 'string'
				? pageRequest(listed, cursor)
				: undefined;
		},
	});
}

async function getMetaNumber(http: ProviderHttp, id: string): Promise<Sender> {
	const { version } = account(http);
	const number = asRecord(
		await http.request({
			method: 'GET',
			path: `/${version}/${id}`,
			qs: { fields: metaPhoneNumberFields(version) },
		}),
	);
	if (!number || number.id === undefined)
		throw new UnexpectedResponseError('Meta', 'the phone number has no "id"');
	return mapMetaPhoneNumber(number);
}

function expectSuccess(response: unknown, what: string): void {
	if (asRecord(response)?.success !== true)
		throw new UnexpectedResponseError('Meta', `${what} did not answer {"success": true}`);
}

/**
 * Adds the number to the WABA. Meta answers with its id only, so the number is read back for
 * its real state; if that read fails, the output is Meta's id and the input, nothing invented.
 */
async function addMetaNumber(http: ProviderHttp, input: CreateSenderInput): Promise<Sender> {
	const { version, wabaId } = account(http);
	const countryCode = input.countryCode!;
	const nationalNumber = input.phoneNumber.slice(1 + countryCode.length);
	const response = asRecord(
		await http.request({
			method: 'POST',
			path: `/${version}/${wabaId}/phone_numbers`,
			body: { cc: countryCode, phone_number: nationalNumber, verified_name: input.profile.name },
			repeat: 'ifNotProcessed',
		}),
	);
	if (!response || (typeof response.id !== 'string' && typeof response.id !== 'number')) {
		throw new UnexpectedResponseError('Meta', 'the new phone number has no "id"');
	}
	const id = String(response.id);
	try {
		return await getMetaNumber(http, id);
	} catch {
		return {
			...mapMetaPhoneNumber({ ...response, id, verified_name: input.profile.name }),
			phoneNumber: input.phoneNumber,
		};
	}
}

async function requestMetaCode(
	http: ProviderHttp,
	id: string,
	input: RequestCodeInput,
): Promise<Record<string, unknown>> {
	const { version } = account(http);
	const codeMethod = input.method === 'voice' ? 'VOICE' : 'SMS';
	expectSuccess(
		await http.request({
			method: 'POST',
			path: `/${version}/${id}/request_code`,
			body: { code_method: codeMethod, language: input.language },
			repeat: 'ifNotProcessed',
		}),
		'request_code',
	);
	return { provider: 'metaCloud', id, codeRequested: true, codeMethod, language: input.language };
}

/** Meta answers {success: true}; the number is read again so the output shows its new state. */
async function actThenGet(
	http: ProviderHttp,
	id: string,
	action: string,
	body: Record<string, unknown>,
): Promise<Sender> {
	const { version } = account(http);
	expectSuccess(
		// an action: repeated only when Meta says it did not process it (POST's default)
		await http.request({ method: 'POST', path: `/${version}/${id}/${action}`, body }),
		action,
	);
	return await getMetaNumber(http, id);
}

async function getMetaProfile(http: ProviderHttp, id: string): Promise<Record<string, unknown>> {
	const { version } = account(http);
	const response = asRecord(
		await http.request({
			method: 'GET',
			path: `/${version}/${id}/whatsapp_business_profile`,
			qs: { fields: PROFILE_FIELDS },
		}),
	);
	// the contract wraps each entry in `business_profile`; Meta's reference pages show it bare
	const entry = Array.isArray(response?.data) ? asRecord(response.data[0]) : undefined;
	const profile = asRecord(entry?.business_profile) ?? entry;
	if (!profile)
		throw new UnexpectedResponseError('Meta', 'the business profile has no "data" entry');
	return { provider: 'metaCloud', id, ...profile };
}

async function updateMetaProfile(
	http: ProviderHttp,
	id: string,
	profile: BusinessProfileInput,
): Promise<Record<string, unknown>> {
	const { version } = account(http);
	const body = { messaging_product: 'whatsapp', ...profileChanges(profile, { provider: 'Meta' }) };
	// setting the same values again is harmless, so the update may be retried like a read
	expectSuccess(
		await http.request({
			method: 'POST',
			path: `/${version}/${id}/whatsapp_business_profile`,
			body,
			repeat: 'safe',
		}),
		'whatsapp_business_profile',
	);
	return await getMetaProfile(http, id);
}

export const metaCloudAdapter: ProviderAdapter = {
	id: 'metaCloud',
	displayName: 'Meta WhatsApp Cloud API',
	credentialType: 'metaWhatsAppCloudApi',
	defaultBaseUrl: 'https://graph.facebook.com',
	credentialHint: 'the access token (a system-user token with whatsapp_business_management)',
	accountFields: ['wabaId', 'graphApiVersion'],
	senderIdPattern: {
		regex: /^[0-9]{5,20}$/,
		example: '106540352242922',
		description:
			"A Meta phone number ID is the number's numeric ID from WhatsApp Manager or the List operation",
	},
	createFields: ['countryCode', 'profileName'],
	requiredCreateFields: ['countryCode', 'profileName'],
	parseError: parseMetaError,
	accountIdentity: (credentials) => String(credentials.wabaId ?? ''),
	codeLanguage: true,
	requestBudget: {
		perHour: 5_000,
		text: '200 calls an hour per app and WABA, 5,000 once the WABA has a registered number (WhatsApp Business Management API)',
		source: 'https://developers.facebook.com/docs/graph-api/overview/rate-limiting',
	},
	pollNotice:
		"Each poll costs 1 Graph request per 100 numbers of Meta's WhatsApp Business Management budget: 200 calls an hour per app and WABA, 5,000 once the WABA has a registered number. Polled every minute, up to 100 numbers use 60 an hour, 1,000 numbers 600. With 10,000 numbers in one WABA, poll every 2 minutes or more.",
	takesProfilePictureHandle: true,
	operationDescriptions: {
		create:
			'Add a phone number to the WhatsApp Business Account; Meta sends no code yet: then Request Code, Verify and Register',
	},
	handlers: {
		list: listMetaNumbers,
		get: getMetaNumber,
		create: addMetaNumber,
		requestCode: requestMetaCode,
		verify: async (http, id, code) => await actThenGet(http, id, 'verify_code', { code }),
		register: async (http, id, pin) =>
			await actThenGet(http, id, 'register', { messaging_product: 'whatsapp', pin }),
		getProfile: getMetaProfile,
		updateProfile: updateMetaProfile,
		deregister: async (http, id) => await actThenGet(http, id, 'deregister', {}),
	},
};
