import { InvalidInputError, ProviderApiError, UnexpectedResponseError } from '../../core/errors';
import { senderOf } from '../../core/normalize';
import { asRecord, type JsonRecord } from '../../core/json';
import type { Sender } from '../../core/sender';
import { META_PROFILE_VERTICALS, VERTICAL_WORDS } from '../../core/whatsappProfile';
import type {
	BusinessProfileInput,
	CreateSenderInput,
	ListSendersOptions,
	ProviderAdapter,
	ProviderHttp,
	RequestCodeInput,
} from '../types';
import { arrayIn, objectOf } from '../shapes';
import { listInSteps } from '../pagedListing';
import { profileChanges } from '../profile';
import { mapInfobipSender, NOT_ON_ACCOUNT, notFoundSender, parseInfobipError } from './mapper';

/**
 * Infobip documents no endpoint that lists an account's WhatsApp senders; it documents the
 * quality, status and limit of numbers the caller names (Get WhatsApp senders quality, 1 to
 * 100 numbers a request). So the credential holds the numbers this account watches, and List
 * is that call in batches of 100: a named number Infobip leaves out ("Only senders associated
 * with your account are included in the response") is listed as NOT_FOUND.
 */
export const INFOBIP_QUALITY_PATH = '/whatsapp/1/senders/quality';
export const INFOBIP_BATCH = 100;
const SENDERS_FIELD = 'WhatsApp Sender Numbers';

/** The credential's numbers: E.164 with or without "+", one per line or separated by commas; checked before any request. */
export function namedSenders(text: string): string[] {
	const numbers: string[] = [];
	for (const entry of text.split(/[\s,;]+/).filter(Boolean)) {
		const digits = entry.replace(/^\+/, '');
		if (!/^[1-9][0-9]{5,14}$/.test(digits)) {
			throw new InvalidInputError(
				SENDERS_FIELD,
				`"${entry.slice(0, 30)}" in the Infobip credential is not a phone number in E.164 (like +447796344125)`,
			);
		}
		if (!numbers.includes(`+${digits}`)) numbers.push(`+${digits}`);
	}
	if (numbers.length === 0) {
		throw new InvalidInputError(
			SENDERS_FIELD,
			'is empty in the Infobip credential: add the WhatsApp sender numbers this account watches, one per line',
		);
	}
	return numbers;
}

/** One quality request for up to 100 numbers: Infobip's result per number, by E.164. */
async function readQuality(
	http: ProviderHttp,
	numbers: string[],
): Promise<Map<string, JsonRecord>> {
	const answer = await http.request({
		method: 'GET',
		path: INFOBIP_QUALITY_PATH,
		qs: { senders: numbers.map((number) => number.slice(1)).join(',') },
	});
	const results = new Map<string, JsonRecord>();
	for (const entry of arrayIn(answer, 'results', 'Infobip', 'the senders quality answer')) {
		const result = asRecord(entry);
		if (!result || typeof result.sender !== 'string' || result.sender === '') {
			throw new UnexpectedResponseError(
				'Infobip',
				'a result of the senders quality answer has no "sender"',
			);
		}
		results.set(`+${result.sender.replace(/^\+/, '')}`, result);
	}
	return results;
}

/** The named numbers, 100 a request, each as Infobip reports it or NOT_FOUND, in the credential's order. */
async function listInfobipSenders(
	http: ProviderHttp,
	options: ListSendersOptions,
): Promise<Sender[]> {
	const numbers = namedSenders(http.account.senders ?? '');
	return await listInSteps(options, numbers, INFOBIP_BATCH, async (batch) => {
		const results = await readQuality(http, batch);
		return batch.map((number) => {
			const result = results.get(number);
			return result ? mapInfobipSender(result) : notFoundSender(number);
		});
	});
}

/** One number, named in the credential or not; a number Infobip does not return is an error saying so. */
async function getInfobipSender(http: ProviderHttp, id: string): Promise<Sender> {
	const result = (await readQuality(http, [id])).get(id);
	if (!result) {
		throw new ProviderApiError(
			`Infobip has no WhatsApp sender ${id} on this account`,
			'Infobip',
			404,
			'NOT_ON_ACCOUNT',
			NOT_ON_ACCOUNT,
		);
	}
	return mapInfobipSender(result);
}

const registrationPath = (id: string) =>
	`/whatsapp/1/embedded-signup/registrations/senders/${id.slice(1)}/verification`;

/** A number on its way onto the account, before Infobip reports its quality. */
function registeringSender(
	id: string,
	providerStatus: string | null,
	status: Sender['status'],
): Sender {
	return senderOf({
		provider: 'infobip',
		id,
		phoneNumber: id,
		providerStatus,
		meaning: { status },
		raw: providerStatus === null ? {} : { registration: providerStatus },
	});
}

/**
 * Add Sender (embedded signup, "Early access" at Infobip): `POST …/embedded-signup/registrations/
 * business-account/{businessAccountId}/senders` {countryCode, phoneNumber (without the country
 * code), displayName, type EXTERNAL_SMS | EXTERNAL_VOICE, locale} → 202 {status}. Infobip
 * documents `locale` as required with the default en_US, which is what is sent. Sent once
 * unless Infobip says it did not process it: a second request would ask for a second code.
 */
async function addInfobipSender(http: ProviderHttp, input: CreateSenderInput): Promise<Sender> {
	const countryCode = input.countryCode ?? '';
	const answer = asRecord(
		await http.request({
			method: 'POST',
			path: `/whatsapp/1/embedded-signup/registrations/business-account/${encodeURIComponent(input.configuration.wabaId ?? '')}/senders`,
			body: {
				countryCode,
				phoneNumber: input.phoneNumber.slice(1 + countryCode.length),
				displayName: input.profile.name,
				type:
					input.configuration.verificationMethod === 'voice' ? 'EXTERNAL_VOICE' : 'EXTERNAL_SMS',
				locale: 'en_US',
			},
		}),
	);
	const registration = typeof answer?.status === 'string' ? answer.status : null;
	return registeringSender(input.phoneNumber, registration, 'PENDING_VERIFICATION');
}

/** Verify: `POST …/verification` {code} → 204; the number is then read, or shown PENDING while Infobip does not report it yet. */
async function verifyInfobipSender(
	http: ProviderHttp,
	id: string,
	code: string | undefined,
): Promise<Sender> {
	await http.request({ method: 'POST', path: registrationPath(id), body: { code } });
	const result = (await readQuality(http, [id])).get(id);
	return result ? mapInfobipSender(result) : registeringSender(id, null, 'PENDING');
}

/** Request Code Again: `PUT …/verification` {type, locale} → 204 ("Retry the verification"). */
async function requestInfobipCode(
	http: ProviderHttp,
	id: string,
	input: RequestCodeInput,
): Promise<Record<string, unknown>> {
	const type = input.method === 'voice' ? 'EXTERNAL_VOICE' : 'EXTERNAL_SMS';
	await http.request({
		method: 'PUT',
		path: registrationPath(id),
		body: { type, locale: input.language },
	});
	return { provider: 'infobip', id, type, locale: input.language, requested: true };
}

/**
 * Meta's vertical codes the node offers, in Infobip's words (WhatsAppBusinessVertical of its
 * Java SDK); Meta's ALCOHOL, ONLINE_GAMBLING, PHYSICAL_GAMBLING and OTC_DRUGS have none.
 */
export const INFOBIP_VERTICALS: Record<string, string> = {
	...VERTICAL_WORDS,
	BEAUTY: 'BEAUTY_AND_SPA_AND_SALON',
};

/** Infobip's WhatsAppBusinessInfoRequest limit on `about` (PHP SDK): shorter than Meta's 139. */
export const INFOBIP_ABOUT_MAX = 130;

const businessInfoPath = (id: string) => `/whatsapp/1/senders/${id.slice(1)}/business-info`;

async function getInfobipProfile(http: ProviderHttp, id: string): Promise<Record<string, unknown>> {
	const info = await http.request({ method: 'GET', path: businessInfoPath(id) });
	return { provider: 'infobip', id, ...objectOf(info, 'Infobip', 'the business info') };
}

/**
 * PATCH …/business-info with only the fields set, in Infobip's names and verticals → 204; the
 * profile is then read so the output shows it. Setting the same fields again is harmless.
 */
async function updateInfobipProfile(
	http: ProviderHttp,
	id: string,
	profile: BusinessProfileInput,
): Promise<Record<string, unknown>> {
	const body = profileChanges(profile, {
		provider: 'Infobip',
		pictureInstead: 'a logo URL instead',
		verticals: INFOBIP_VERTICALS,
		aboutMax: INFOBIP_ABOUT_MAX,
	});
	await http.request({ method: 'PATCH', path: businessInfoPath(id), body });
	return await getInfobipProfile(http, id);
}

export const infobipAdapter: ProviderAdapter = {
	id: 'infobip',
	displayName: 'Infobip',
	credentialType: 'infobipApi',
	defaultBaseUrl: 'https://api.infobip.com',
	credentialHint: 'the API key and the Base URL of this Infobip account',
	accountFields: ['senders'],
	senderIdPattern: {
		regex: /^\+[1-9][0-9]{5,14}$/,
		example: '+447796344125',
		description: 'An Infobip sender is its WhatsApp number in E.164, like +447796344125',
	},
	parseError: parseInfobipError,
	accountIdentity: (credentials) => String(credentials.apiKey ?? ''),
	requestBudget: {
		perHour: 36_000,
		text: '10 requests a second per account (Get WhatsApp senders quality)',
		source:
			'https://infobip.com/docs/api/channels/whatsapp/whatsapp-service-management/get-whatsapp-senders-quality',
	},
	pollNotice:
		'Infobip documents no list of an account’s WhatsApp senders: this trigger watches the numbers typed in the Infobip credential, 100 per request (Infobip allows 10 requests a second). A number Infobip does not return for this account becomes NOT_FOUND, which the Status Changed event reports; removing a number from the credential is a Sender Removed event.',
	createFields: ['wabaId', 'countryCode', 'profileName', 'verificationMethod'],
	requiredCreateFields: ['wabaId', 'countryCode', 'profileName'],
	codeLanguage: true,
	profileVerticals: META_PROFILE_VERTICALS.filter((vertical) => vertical in INFOBIP_VERTICALS),
	operationDescriptions: {
		getProfile:
			"The about text, address, description, email, vertical and websites of the number, in Infobip's words",
		updateProfile:
			'Change the about text (at most 130 characters), address, description, email, vertical or websites; only the fields set are sent',
		create:
			'Add a number to an Infobip WhatsApp Business Account by embedded signup (early access at Infobip); Infobip sends a code by SMS or voice call, for Verify',
		requestCode: 'Have Infobip send the verification code of a number added with Create again',
		verify: 'Submit the code Infobip sent after Create',
	},
	handlers: {
		list: listInfobipSenders,
		get: getInfobipSender,
		create: addInfobipSender,
		requestCode: requestInfobipCode,
		verify: verifyInfobipSender,
		getProfile: getInfobipProfile,
		updateProfile: updateInfobipProfile,
	},
};
