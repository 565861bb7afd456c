import { UnexpectedResponseError } from '../../core/errors';
import { asRecord } from '../../core/json';
import type { Sender } from '../../core/sender';
import type {
	CreateSenderInput,
	ListSendersOptions,
	ProviderAdapter,
	ProviderErrorDetail,
	ProviderHttp,
	UpdateSenderInput,
} from '../types';
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
 * Query of the next page, read from meta.next_page_url. Only the query is kept: the host
 * in that URL is Twilio's, and the credential's Base URL (a proxy, the simulator) must win.
 */
function nextPageQuery(meta: unknown): Record<string, string> | undefined {
	const nextPageUrl = asRecord(meta)?.next_page_url;
	if (typeof nextPageUrl !== 'string' || nextPageUrl === '') return undefined;
	const url = URL.canParse(nextPageUrl) ? new URL(nextPageUrl) : undefined;
	if (!url) throw new UnexpectedResponseError('Twilio', 'meta.next_page_url is not a URL');
	const query = Object.fromEntries(url.searchParams);
	return query.PageToken ? query : undefined;
}

async function listTwilioSenders(http: ProviderHttp, options: ListSendersOptions): Promise<Sender[]> {
	const limit = options.limit ?? Infinity;
	const senders: Sender[] = [];
	let query: Record<string, string | number> = {
		Channel: 'whatsapp',
		PageSize: Math.min(TWILIO_MAX_PAGE_SIZE, limit),
	};
	for (;;) {
		const page = asRecord(await http.request({ method: 'GET', path: TWILIO_SENDERS_PATH, qs: query }));
		if (!page || !Array.isArray(page.senders)) {
			throw new UnexpectedResponseError('Twilio', 'the sender list has no "senders" array');
		}
		for (const raw of page.senders) {
			const sender = asRecord(raw);
			if (!sender) throw new UnexpectedResponseError('Twilio', 'a sender in the list is not an object');
			senders.push(mapTwilioSender(sender));
			if (senders.length >= limit) return senders;
		}
		const next = nextPageQuery(page.meta);
		if (!next || page.senders.length === 0) return senders;
		query = { ...next, Channel: 'whatsapp' };
	}
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
		await http.request({ method: 'POST', path: TWILIO_SENDERS_PATH, body: createSenderBody(input), idempotent: false }),
	);
}

async function updateTwilioSender(http: ProviderHttp, sid: string, input: UpdateSenderInput): Promise<Sender> {
	// an update sets the same values again if repeated, so it may be retried like a read
	return senderFrom(
		await http.request({ method: 'POST', path: `${TWILIO_SENDERS_PATH}/${sid}`, body: updateSenderBody(input), idempotent: true }),
	);
}

async function verifyTwilioSender(http: ProviderHttp, sid: string, code: string): Promise<Sender> {
	return senderFrom(
		await http.request({ method: 'POST', path: `${TWILIO_SENDERS_PATH}/${sid}`, body: verifySenderBody(code), idempotent: false }),
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
	operations: ['list', 'get', 'create', 'verify', 'update', 'delete'],
	senderIdPattern: {
		regex: /^XE[0-9a-fA-F]{32}$/,
		example: 'XE0123456789abcdef0123456789abcdef',
		description: 'A Twilio sender ID is XE followed by 32 hexadecimal characters',
	},
	senderUrlPattern: {
		regex: '/Senders/([A-Za-z0-9]+)',
		example: 'https://messaging.twilio.com/v2/Channels/Senders/XE0123456789abcdef0123456789abcdef',
	},
	createFields: ['wabaId', 'profileName', 'verificationMethod', 'businessProfile', 'webhook', 'voiceApplicationSid'],
	requiredCreateFields: ['wabaId', 'profileName'],
	parseError: parseTwilioError,
	accountIdentity: (credentials) => String(credentials.accountSid ?? ''),
	listSenders: listTwilioSenders,
	getSender: getTwilioSender,
	deleteSender: deleteTwilioSender,
	createSender: createTwilioSender,
	verifySender: verifyTwilioSender,
	updateSender: updateTwilioSender,
};
