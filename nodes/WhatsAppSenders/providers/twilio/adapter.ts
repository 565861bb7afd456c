import { UnexpectedResponseError } from '../../core/errors';
import { asRecord } from '../../core/json';
import type { Sender } from '../../core/sender';
import type {
	ProviderAdapter,
	ProviderErrorDetail,
	ProviderHttp,
	ProviderRequest,
	CreateSenderInput,
	ListSendersOptions,
	UpdateSenderInput,
} from '../types';
import { arrayIn } from '../shapes';
import { listPagedSenders } from '../pagedListing';
import { TWILIO_ERROR_HINTS } from './errorHints';
import { mapTwilioSender } from './mapper';
import { createSenderBody, updateSenderBody, verifySenderBody } from './requests';

export const TWILIO_SENDERS_PATH = '/v2/Channels/Senders';
/** The contract's maximum PageSize: one request per 1,000 senders. */
export const TWILIO_MAX_PAGE_SIZE = 1000;

function parseTwilioError(_status: number, body: unknown): ProviderErrorDetail {
	const error = asRecord(body);
	if (!error) return {};
	const code = error.code === undefined || error.code === null ? undefined : String(error.code);
	return {
		code,
		message: typeof error.message === 'string' ? error.message : undefined,
		moreInfo: typeof error.more_info === 'string' ? error.more_info : undefined,
		hint: code === undefined ? undefined : TWILIO_ERROR_HINTS[code],
	};
}

/**
 * The request for the page a next_page_url points at. Only its query is kept: the host in
 * that URL is Twilio's, and the credential's Base URL (a proxy, the simulator) must win.
 */
function pageRequest(nextPageUrl: string): ProviderRequest | undefined {
	const url = URL.canParse(nextPageUrl) ? new URL(nextPageUrl) : undefined;
	if (!url) throw new UnexpectedResponseError('Twilio', 'meta.next_page_url is not a URL');
	const query = Object.fromEntries(url.searchParams);
	if (!query.PageToken) return undefined;
	return { method: 'GET', path: TWILIO_SENDERS_PATH, qs: { ...query, Channel: 'whatsapp' } };
}

async function listTwilioSenders(
	http: ProviderHttp,
	options: ListSendersOptions,
): Promise<Sender[]> {
	return await listPagedSenders(http, options, {
		provider: 'Twilio',
		recordName: 'a sender',
		first: {
			method: 'GET',
			path: TWILIO_SENDERS_PATH,
			qs: {
				Channel: 'whatsapp',
				PageSize: Math.min(TWILIO_MAX_PAGE_SIZE, options.limit ?? Infinity),
			},
		},
		records: (page) => arrayIn(page, 'senders', 'Twilio', 'the sender list'),
		map: mapTwilioSender,
		next(page) {
			const nextPageUrl = asRecord(asRecord(page)?.meta)?.next_page_url;
			return typeof nextPageUrl === 'string' && nextPageUrl !== ''
				? pageRequest(nextPageUrl)
				: undefined;
		},
	});
}

async function getTwilioSender(http: ProviderHttp, sid: string): Promise<Sender> {
	return senderFrom(await http.request({ method: 'GET', path: `${TWILIO_SENDERS_PATH}/${sid}` }));
}

function senderFrom(response: unknown): Sender {
	const sender = asRecord(response);
	if (!sender || typeof sender.sid !== 'string') {
		throw new UnexpectedResponseError('Twilio', 'the sender has no "sid"');
	}
	return mapTwilioSender(sender);
}

async function createTwilioSender(http: ProviderHttp, input: CreateSenderInput): Promise<Sender> {
	return senderFrom(
		await http.request({
			method: 'POST',
			path: TWILIO_SENDERS_PATH,
			body: createSenderBody(input),
			repeat: 'ifNotProcessed',
		}),
	);
}

async function updateTwilioSender(
	http: ProviderHttp,
	sid: string,
	input: UpdateSenderInput,
): Promise<Sender> {
	// an update sets the same values again if repeated, so it may be retried like a read
	return senderFrom(
		await http.request({
			method: 'POST',
			path: `${TWILIO_SENDERS_PATH}/${sid}`,
			body: updateSenderBody(input),
			repeat: 'safe',
		}),
	);
}

async function verifyTwilioSender(http: ProviderHttp, sid: string, code: string): Promise<Sender> {
	return senderFrom(
		await http.request({
			method: 'POST',
			path: `${TWILIO_SENDERS_PATH}/${sid}`,
			body: verifySenderBody(code),
			repeat: 'ifNotProcessed',
		}),
	);
}

async function deleteTwilioSender(http: ProviderHttp, sid: string): Promise<void> {
	await http.request({ method: 'DELETE', path: `${TWILIO_SENDERS_PATH}/${sid}` });
}

export const twilioAdapter: ProviderAdapter = {
	id: 'twilio',
	displayName: 'Twilio',
	credentialType: 'twilioSendersApi',
	defaultBaseUrl: 'https://messaging.twilio.com',
	credentialHint: 'the Account SID and Auth Token (or API Key SID and Secret)',
	senderIdPattern: {
		regex: /^XE[0-9a-fA-F]{32}$/,
		example: 'XE0123456789abcdef0123456789abcdef',
		description: 'A Twilio sender ID is XE followed by 32 hexadecimal characters',
	},
	senderUrlPattern: {
		regex: '/Senders/([A-Za-z0-9]+)',
		example: 'https://messaging.twilio.com/v2/Channels/Senders/XE0123456789abcdef0123456789abcdef',
	},
	createFields: [
		'wabaId',
		'profileName',
		'verificationMethod',
		'businessProfile',
		'webhook',
		'voiceApplicationSid',
	],
	requiredCreateFields: ['wabaId', 'profileName'],
	parseError: parseTwilioError,
	accountIdentity: (credentials) => String(credentials.accountSid ?? ''),
	requestBudget: {
		text: "no number: Twilio limits each account's concurrent requests (HTTP 429, error 20429)",
		source: 'https://www.twilio.com/docs/api/errors/20429',
	},
	operationDescriptions: {
		delete:
			'Remove the sender from Twilio. Before registering the number again, turn off its two-step verification in WhatsApp Manager.',
	},
	handlers: {
		list: listTwilioSenders,
		get: getTwilioSender,
		create: createTwilioSender,
		verify: verifyTwilioSender,
		update: updateTwilioSender,
		delete: deleteTwilioSender,
	},
};
