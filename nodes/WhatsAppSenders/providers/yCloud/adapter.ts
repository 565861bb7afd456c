import { UnexpectedResponseError } from '../../core/errors';
import { applySendingBlock } from '../../core/canSend';
import { asRecord, type JsonRecord } from '../../core/json';
import type { Sender } from '../../core/sender';
import { META_PROFILE_VERTICALS } from '../../core/whatsappProfile';
import type {
	ProviderAdapter,
	ProviderErrorDetail,
	ProviderHttp,
	ProviderRequest,
	BusinessProfileInput,
	ListSendersOptions,
} from '../types';
import { arrayIn, joinHint, objectOf, type ErrorCodeMeanings } from '../shapes';
import { listPagedSenders } from '../pagedListing';
import { profileChanges } from '../profile';
import { mapYCloudPhoneNumber, yCloudWabaBlock } from './mapper';

/** YCloud's page-number paging: `limit` 1..100 and `page` 1..100, so at most 10,000 numbers are reachable. */
export const YCLOUD_MAX_PAGE_SIZE = 100;
export const YCLOUD_MAX_PAGE = 100;
export const YCLOUD_PHONE_NUMBERS_PATH = '/whatsapp/phoneNumbers';

/**
 * YCloud's WhatsappPhoneNumberProfileVertical enum: Meta's codes, sent as they are. The node's
 * Vertical field also offers Meta's newer ALCOHOL, ONLINE_GAMBLING, PHYSICAL_GAMBLING and
 * OTC_DRUGS, which YCloud's enum does not list: those are refused before any request.
 */
export const YCLOUD_VERTICALS: readonly string[] = META_PROFILE_VERTICALS.filter(
	(vertical) =>
		!['ALCOHOL', 'ONLINE_GAMBLING', 'PHYSICAL_GAMBLING', 'OTC_DRUGS'].includes(vertical),
);

/** YCloud takes Meta's codes as they are. */
const YCLOUD_VERTICALS_AS_SENT = Object.fromEntries(YCLOUD_VERTICALS.map((code) => [code, code]));

/** "a maximum of 2 websites with a maximum of 255 characters each" (YCloud's profile update request; the node allows 256). */
export const YCLOUD_WEBSITE_MAX_LENGTH = 255;

/**
 * What YCloud's error codes (its error catalog) mean for the user. ACCOUNT_RATE_LIMITED is the
 * account quota (200 requests/s, 10,000/h): the request was not processed, and the transport
 * waits the Retry-After YCloud sends before repeating it.
 */
const YCLOUD_ERRORS: ErrorCodeMeanings = {
	UNAUTHORIZED: {
		hint: 'YCloud wants the API key itself in the X-API-Key header: copy it again from Developers → API Keys in the YCloud console.',
		credentials: true,
	},
	ACCOUNT_RATE_LIMITED: {
		hint: 'The YCloud account quota (200 requests per second, 10,000 per hour, shared by all its API calls) is used up.',
		notProcessed: true,
	},
	ACCOUNT_UNAVAILABLE: {
		hint: 'YCloud says the account is unavailable: contact YCloud support.',
	},
	NOT_FOUND: {
		hint: 'YCloud found no such phone number: check the WABA ID and the E.164 number of the sender ID (WABA ID/+number, as List shows it).',
	},
};

/** YCloud's error envelope: `error.code` decides; `target` names the field, `requestId` traces the call at YCloud support. */
function parseYCloudError(_status: number, body: unknown): ProviderErrorDetail {
	const error = asRecord(asRecord(body)?.error);
	if (!error) return {};
	const code = typeof error.code === 'string' ? error.code : undefined;
	const known = code === undefined ? undefined : YCLOUD_ERRORS[code];
	const whatsapp = asRecord(error.whatsappApiError);
	return {
		code,
		message: typeof error.message === 'string' ? error.message : undefined,
		moreInfo: typeof error.docUrl === 'string' ? error.docUrl : undefined,
		hint: joinHint([
			typeof error.target === 'string' ? `Field: ${error.target}.` : undefined,
			known?.hint,
			typeof whatsapp?.message === 'string' ? `WhatsApp said: ${whatsapp.message}.` : undefined,
			typeof error.requestId === 'string' ? `YCloud request ID ${error.requestId}.` : undefined,
		]),
		notProcessed: known?.notProcessed,
		credentialsRejected: known?.credentials,
	};
}

/** The number list needs `filter.wabaId` above this many WABAs ("Required if you have more than 100 WABAs"). */
export const YCLOUD_WABAS_WITHOUT_FILTER = 100;
export const YCLOUD_WABAS_PATH = '/whatsapp/businessAccounts';

function itemsOf(page: unknown, what: string): unknown[] {
	const items = asRecord(page)?.items;
	// `items` is optional in YCloud's schema: a page without it is an empty page
	if (items === undefined && asRecord(page)) return [];
	return arrayIn(page, 'items', 'YCloud', `the ${what} list`);
}

function totalOf(page: unknown): number | undefined {
	const total = asRecord(page)?.total;
	return typeof total === 'number' ? total : undefined;
}

/**
 * Every WABA of the account (List WABAs, 100 a page): their ban state and restrictions say
 * whether their numbers can send at all, and their count whether the number list needs
 * `filter.wabaId`. A list that ends short of the total it announced is an error.
 */
async function listWabas(http: ProviderHttp): Promise<JsonRecord[]> {
	const wabas: JsonRecord[] = [];
	let total: number | undefined;
	for (let page = 1; page <= YCLOUD_MAX_PAGE; page++) {
		const answer = await http.request({
			method: 'GET',
			path: YCLOUD_WABAS_PATH,
			qs: { page, limit: YCLOUD_MAX_PAGE_SIZE, ...(page === 1 ? { includeTotal: 'true' } : {}) },
		});
		if (page === 1) total = totalOf(answer);
		const items = itemsOf(answer, 'WhatsApp Business Account');
		for (const item of items)
			wabas.push(objectOf(item, 'YCloud', 'a WhatsApp Business Account in the list'));
		if (items.length < YCLOUD_MAX_PAGE_SIZE || (total !== undefined && wabas.length >= total))
			break;
	}
	if (total !== undefined && wabas.length < total) {
		throw new UnexpectedResponseError(
			'YCloud',
			`the WABA list ended after ${wabas.length} of the ${total} WABAs its first page announced`,
		);
	}
	return wabas;
}

/**
 * Pages of `limit` numbers (of one WABA when `wabaId` is given), asked one page number after
 * the other. The first page asks for the total, so the listing stops on the last full page
 * instead of asking for an empty one, and a listing that ends short of the total is an
 * error; without a total it goes on while a page is full, as YCloud's pagination guide says.
 */
async function listNumberPages(
	http: ProviderHttp,
	options: ListSendersOptions,
	wabaId: string | undefined,
	map: (record: JsonRecord) => Sender,
): Promise<Sender[]> {
	const pageSize = Math.min(YCLOUD_MAX_PAGE_SIZE, options.limit ?? YCLOUD_MAX_PAGE_SIZE);
	let total: number | undefined;
	let pageNumber = 1;
	const pageRequest = (page: number): ProviderRequest => ({
		method: 'GET',
		path: YCLOUD_PHONE_NUMBERS_PATH,
		qs: {
			page,
			limit: pageSize,
			...(page === 1 ? { includeTotal: 'true' } : {}),
			...(wabaId === undefined ? {} : { 'filter.wabaId': wabaId }),
		},
	});
	return await listPagedSenders(http, options, {
		provider: 'YCloud',
		recordName: 'a phone number',
		first: pageRequest(1),
		records: (page) => itemsOf(page, 'phone number'),
		map,
		total: (page) => (total = totalOf(page)),
		next(page, listed) {
			const items = asRecord(page)?.items;
			if (!Array.isArray(items) || items.length < pageSize) return undefined;
			if (total !== undefined && listed >= total) return undefined;
			if (pageNumber >= YCLOUD_MAX_PAGE) {
				throw new UnexpectedResponseError(
					'YCloud',
					`${wabaId === undefined ? 'the account' : `WABA ${wabaId}`} has more than ${YCLOUD_MAX_PAGE * pageSize} phone numbers, and YCloud's list stops at page ${YCLOUD_MAX_PAGE}; nothing past them can be listed`,
				);
			}
			pageNumber += 1;
			return pageRequest(pageNumber);
		},
	});
}

/**
 * The account's WABAs first (their ban state and restrictions go onto their numbers), then
 * its numbers: in one listing, or, for an account of more than 100 WABAs, one listing per
 * WABA with `filter.wabaId`, as YCloud requires.
 */
async function listYCloudNumbers(
	http: ProviderHttp,
	options: ListSendersOptions,
): Promise<Sender[]> {
	const wabas = await listWabas(http);
	const now = Date.now();
	const blocks = new Map(wabas.map((waba) => [String(waba.id), yCloudWabaBlock(waba, now)]));
	const map = (record: JsonRecord) =>
		applySendingBlock(mapYCloudPhoneNumber(record), blocks.get(String(record.wabaId)));
	if (wabas.length <= YCLOUD_WABAS_WITHOUT_FILTER)
		return await listNumberPages(http, options, undefined, map);
	const senders: Sender[] = [];
	let listed = 0;
	const counted =
		options.onPage && ((page: Sender[]) => ((listed += page.length), options.onPage!(page)));
	for (const waba of wabas) {
		if (options.limit !== undefined && listed >= options.limit) break;
		const limit = options.limit === undefined ? undefined : options.limit - listed;
		const found = await listNumberPages(
			http,
			{ ...options, limit, onPage: counted },
			String(waba.id),
			map,
		);
		listed += counted ? 0 : found.length;
		senders.push(...found);
	}
	return senders;
}

/** "102290129340398/+16315551111" → YCloud's path; the "+" is sent as %2B, as YCloud asks. */
function numberPath(id: string): string {
	const slash = id.indexOf('/');
	return `${YCLOUD_PHONE_NUMBERS_PATH}/${encodeURIComponent(id.slice(0, slash))}/${encodeURIComponent(id.slice(slash + 1))}`;
}

/** The number, with its WABA's ban state and restrictions on top (one more request). */
async function getYCloudNumber(http: ProviderHttp, id: string): Promise<Sender> {
	const number = objectOf(
		await http.request({ method: 'GET', path: numberPath(id) }),
		'YCloud',
		'the phone number',
	);
	const waba = objectOf(
		await http.request({
			method: 'GET',
			path: `${YCLOUD_WABAS_PATH}/${encodeURIComponent(String(number.wabaId ?? id.split('/')[0]))}`,
		}),
		'YCloud',
		'the WhatsApp Business Account',
	);
	return applySendingBlock(mapYCloudPhoneNumber(number), yCloudWabaBlock(waba, Date.now()));
}

async function getYCloudProfile(http: ProviderHttp, id: string): Promise<Record<string, unknown>> {
	const profile = await http.request({ method: 'GET', path: `${numberPath(id)}/profile` });
	return { provider: 'ycloud', id, ...objectOf(profile, 'YCloud', 'the phone number profile') };
}

/**
 * PATCH with only the fields set, in YCloud's names (its WhatsappPhoneNumberProfileUpdateRequest);
 * YCloud answers the updated profile, which is output like Get Business Profile. Never repeated
 * after a 5xx or a lost connection: YCloud may already have passed the change on to Meta.
 */
async function updateYCloudProfile(
	http: ProviderHttp,
	id: string,
	profile: BusinessProfileInput,
): Promise<Record<string, unknown>> {
	const body = profileChanges(profile, {
		provider: 'YCloud',
		pictureInstead: 'the URL of a picture already uploaded to Meta (profilePictureUrl) instead',
		verticals: YCLOUD_VERTICALS_AS_SENT,
		websiteMaxLength: YCLOUD_WEBSITE_MAX_LENGTH,
	});
	const answer = await http.request({
		method: 'PATCH',
		path: `${numberPath(id)}/profile`,
		body,
		repeat: 'ifNotProcessed',
	});
	return {
		provider: 'ycloud',
		id,
		...objectOf(answer, 'YCloud', 'the updated phone number profile'),
	};
}

/**
 * PATCH …/displayName {newName}: YCloud's OpenAPI names the path's phone number in E.164 on
 * this endpoint, as on Get. YCloud answers the current name and the one under review, each
 * with its review status (nameStatus, newNameStatus). Never repeated after it may have
 * reached YCloud: a second request would be a second review.
 */
async function updateYCloudDisplayName(
	http: ProviderHttp,
	id: string,
	displayName: string,
): Promise<Record<string, unknown>> {
	const answer = await http.request({
		method: 'PATCH',
		path: `${numberPath(id)}/displayName`,
		body: { newName: displayName },
		repeat: 'ifNotProcessed',
	});
	return { provider: 'ycloud', id, ...objectOf(answer, 'YCloud', 'the display name answer') };
}

export const yCloudAdapter: ProviderAdapter = {
	id: 'ycloud',
	displayName: 'YCloud',
	credentialType: 'yCloudApi',
	defaultBaseUrl: 'https://api.ycloud.com/v2',
	credentialHint: 'the API key',
	senderIdPattern: {
		regex: /^[0-9A-Za-z_-]{1,64}\/\+[1-9][0-9]{5,14}$/,
		example: '102290129340398/+16315551111',
		description:
			'A YCloud sender ID is the WhatsApp Business Account ID and the E.164 number, joined by "/", as List shows it',
	},
	parseError: parseYCloudError,
	accountIdentity: (credentials) => String(credentials.apiKey ?? ''),
	requestBudget: {
		perHour: 10_000,
		text: '200 requests a second and 10,000 an hour per account, shared by every YCloud management call',
		source: 'https://docs.ycloud.com/en/api-reference/guides/api-fundamentals/rate-limits',
	},
	pollNotice:
		"Each poll costs 1 request per 100 WABAs and 1 per 100 numbers (per WABA above 100 WABAs) of YCloud's 10,000 requests an hour, which every API call of the account shares: polled every minute, 1,000 numbers use 660 an hour, 10,000 numbers 6,060. Once the quota is used up YCloud answers with a Retry-After of up to an hour: this trigger then fails one poll, naming when it resumes, and sends YCloud nothing until then.",
	operationDescriptions: {
		updateProfile:
			'Change the about text, address, description, email, vertical or websites; only the fields set are sent',
	},
	profileVerticals: YCLOUD_VERTICALS,
	handlers: {
		list: listYCloudNumbers,
		get: getYCloudNumber,
		getProfile: getYCloudProfile,
		updateProfile: updateYCloudProfile,
		updateDisplayName: updateYCloudDisplayName,
	},
};
