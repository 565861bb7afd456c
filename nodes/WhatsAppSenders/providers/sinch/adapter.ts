import { InvalidInputError, ProviderApiError, UnexpectedResponseError } from '../../core/errors';
import { asRecord, type JsonRecord } from '../../core/json';
import { textOrNull } from '../../core/normalize';
import type { Sender } from '../../core/sender';
import { VERTICAL_WORDS } from '../../core/whatsappProfile';
import type {
	ProviderAdapter,
	ProviderHttp,
	ProviderRequest,
	BusinessProfileInput,
	ListSendersOptions,
	RequestCodeInput,
} from '../types';
import { arrayIn, objectOf } from '../shapes';
import { listPagedSenders } from '../pagedListing';
import { profileChanges } from '../profile';
import {
	mapSinchProfile,
	mapSinchSender,
	parseSinchError,
	SECRET_FIELDS,
	type SinchAccount,
} from './mapper';
import { sinchTokenExchange } from './tokenExchange';

/** "pageSize number [ 1 .. 100 ]"; without it Sinch answers 50 per page. */
export const SINCH_MAX_PAGE_SIZE = 100;

/**
 * Meta's vertical codes (the Update Business Profile field) as Sinch's WhatsApp vertical enum
 * writes the same categories. A translation of this package: docs/providers.md marks it.
 */
export const SINCH_VERTICALS: Record<string, string> = {
	...VERTICAL_WORDS,
	BEAUTY: 'BEAUTY_SPA_SALON',
	ALCOHOL: 'ALCOHOL',
	ONLINE_GAMBLING: 'ONLINE_GAMBLING',
	PHYSICAL_GAMBLING: 'PHYSICAL_GAMBLING',
	OTC_DRUGS: 'OTC_DRUGS',
};

/** The credential's project ID, checked before it becomes part of a path. */
function projectPath(http: ProviderHttp): string {
	const projectId = http.account.projectId;
	if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/.test(projectId)) {
		throw new InvalidInputError(
			'Project ID',
			'in the Sinch credential must be the project ID shown at the top of the Sinch dashboard',
		);
	}
	return `/v1/projects/${projectId}/whatsapp`;
}

/** Sinch's answers to the account read that say the account itself cannot be read (404 account_not_found, 409 account_data_is_corrupt). */
const UNREADABLE_ACCOUNT = new Set(['account_not_found', 'account_data_is_corrupt']);

/**
 * The WhatsApp account (GET …/whatsapp), one request per listing: its `businessDailyLimit`,
 * which replaces the deprecated per-sender `dailyLimit` ("Use AccountDto.businessDailyLimit
 * instead"), and its `wabaBanState`, which replaces the per-sender copy ("Please use get
 * account endpoint"). An account Sinch cannot read (its documented 404 and 409) leaves both to
 * the senders' own deprecated fields, and the listing says so instead of failing.
 */
async function readAccount(
	http: ProviderHttp,
	onNotice?: (message: string) => void,
): Promise<SinchAccount | undefined> {
	const unreadable = Symbol('unreadable');
	const answer = await http
		.request({ method: 'GET', path: projectPath(http) })
		.catch(async (error: unknown) => {
			if (!(error instanceof ProviderApiError) || !UNREADABLE_ACCOUNT.has(error.providerCode ?? ''))
				return await Promise.reject(error);
			onNotice?.(
				`Sinch could not read the WhatsApp account (${error.httpStatus} ${error.providerCode}: ${error.message}): each sender's messaging limit and ban state come from its own deprecated fields until it can.`,
			);
			return unreadable;
		});
	return answer === unreadable ? undefined : objectOf(answer, 'Sinch', 'the WhatsApp account');
}

async function listSinchSenders(
	http: ProviderHttp,
	options: ListSendersOptions,
): Promise<Sender[]> {
	const path = `${projectPath(http)}/senders`;
	const account = await readAccount(http, options.onNotice);
	// one page size for every page: Sinch does not say a page token survives a change of size
	const pageSize = Math.min(SINCH_MAX_PAGE_SIZE, options.limit ?? SINCH_MAX_PAGE_SIZE);
	const page = (pageToken?: string): ProviderRequest => ({
		method: 'GET',
		path,
		qs: { pageSize, ...(pageToken === undefined ? {} : { pageToken }) },
	});
	return await listPagedSenders(http, options, {
		provider: 'Sinch',
		recordName: 'a sender',
		first: page(),
		records: (answer) => arrayIn(answer, 'senders', 'Sinch', 'the sender list'),
		map: (record) => mapSinchSender(record, account, options.includeSecrets === true),
		next(answer) {
			const token = textOrNull(asRecord(answer)?.nextPageToken);
			return token === null ? undefined : page(token);
		},
		total(answer) {
			const total = asRecord(answer)?.totalSize;
			return typeof total === 'number' ? total : undefined;
		},
	});
}

async function getSinchSenderRaw(http: ProviderHttp, id: string): Promise<JsonRecord> {
	const sender = asRecord(
		await http.request({ method: 'GET', path: `${projectPath(http)}/senders/${id}` }),
	);
	if (!sender || sender.id === undefined)
		throw new UnexpectedResponseError('Sinch', 'the sender has no "id"');
	return sender;
}

async function getSinchSender(http: ProviderHttp, id: string): Promise<Sender> {
	const account = await readAccount(http);
	return mapSinchSender(await getSinchSenderRaw(http, id), account);
}

/**
 * "Triggers sender registration with the requested method. An OTP code will be sent over the
 * requested method that will need to be used in the Verify sender endpoint." Sent once: Sinch
 * answers 429 when its register limits are reached, and a repeat within seconds does not help.
 * Sinch's body has no language (the node's Language field is not sent).
 */
async function registerSinchSender(
	http: ProviderHttp,
	id: string,
	input: RequestCodeInput,
): Promise<Record<string, unknown>> {
	const method = input.method === 'voice' ? 'VOICE' : 'SMS';
	const answer = await http.request({
		method: 'POST',
		path: `${projectPath(http)}/senders/${id}/register`,
		body: { method },
		repeat: 'never',
	});
	return { provider: 'sinch', id, ...objectOf(answer, 'Sinch', 'the register answer') };
}

/**
 * Sinch answers 204 without a body; the sender is read again so the output shows its new state.
 * The code is "Not required if the sender number is already verified by Meta": without one the
 * body is empty.
 */
async function verifySinchSender(
	http: ProviderHttp,
	id: string,
	code: string | undefined,
): Promise<Sender> {
	await http.request({
		method: 'POST',
		path: `${projectPath(http)}/senders/${id}/verify`,
		body: code === undefined ? {} : { code },
		repeat: 'ifNotProcessed',
	});
	return await getSinchSender(http, id);
}

async function getSinchProfile(http: ProviderHttp, id: string): Promise<Record<string, unknown>> {
	return mapSinchProfile(await getSinchSenderRaw(http, id));
}

/**
 * PATCH with only the fields set, submitted at once (`status: SUBMIT`; Sinch's default is
 * DRAFT, which would only save them). Sinch tracks the update in `changes` until it is applied.
 */
async function updateSinchProfile(
	http: ProviderHttp,
	id: string,
	profile: BusinessProfileInput,
): Promise<Record<string, unknown>> {
	const { websites, ...changes } = profileChanges(profile, {
		provider: 'Sinch',
		pictureInstead: 'a picture URL instead',
		verticals: SINCH_VERTICALS,
	});
	// Sinch deletes a website sent as null ("If null the value will be deleted"): only the
	// websites given are sent, so giving one website never deletes the second
	const details: Record<string, unknown> = { ...changes };
	if (websites?.[0] !== undefined) details.websiteOne = websites[0];
	if (websites?.[1] !== undefined) details.websiteTwo = websites[1];
	// emptied websites (", ") leave nothing Sinch can be sent
	if (Object.keys(details).length === 0)
		throw new InvalidInputError('Update Fields', 'add at least one field to change');
	const answer = await http.request({
		method: 'PATCH',
		path: `${projectPath(http)}/senders/${id}`,
		body: { status: 'SUBMIT', details },
		repeat: 'ifNotProcessed',
	});
	return mapSinchProfile(objectOf(answer, 'Sinch', 'the updated sender'));
}

/**
 * "Delete pending or rejected changes to a sender.": what Update Business Profile submitted and
 * Sinch has not applied (its 409 "Updates are only supported by senders changes with status:
 * DRAFT, REJECTED" asks for this before a new update). Sinch documents no answer body; the
 * profile is read again so the output shows the changes gone.
 */
async function discardSinchChanges(
	http: ProviderHttp,
	id: string,
): Promise<Record<string, unknown>> {
	await http.request({ method: 'DELETE', path: `${projectPath(http)}/senders/${id}/changes` });
	return await getSinchProfile(http, id);
}

/** "Marks a sender for removal. Once requested the sender will be active for 30 days to send final messages." */
async function deleteSinchSender(http: ProviderHttp, id: string): Promise<void> {
	await http.request({
		method: 'DELETE',
		path: `${projectPath(http)}/senders/${id}`,
		repeat: 'never',
	});
}

export const sinchAdapter: ProviderAdapter = {
	id: 'sinch',
	displayName: 'Sinch',
	credentialType: 'sinchProvisioningApi',
	defaultBaseUrl: 'https://provisioning.api.sinch.com',
	credentialHint: 'the project ID, key ID and key secret',
	accountFields: ['projectId'],
	senderIdPattern: {
		regex: /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/,
		example: 'cf11794a-6a5e-4a12-b103-da79bd378bf1',
		description:
			'A Sinch sender ID is the ID the List operation shows (letters, digits and dashes, not the phone number with +)',
	},
	verifyWithoutCode:
		'Leave it empty for a number Meta has already verified: Sinch then needs no code.',
	deleteWarning:
		'Sinch marks the sender for removal: it keeps sending for 30 days, then it is removed. Sinch documents no way to undo this.',
	secretOutputFields: SECRET_FIELDS,
	tokenExchange: sinchTokenExchange,
	parseError: parseSinchError,
	accountIdentity: (credentials) => String(credentials.projectId ?? '').trim(),
	operationDescriptions: {
		verify:
			'Submit the 6-digit code of a sender waiting for it, or no code for a number Meta has already verified',
		requestCode:
			'Have Sinch send a verification code by SMS or voice call to a sender waiting for verification, for Verify',
		getProfile:
			"The about text, address, description, email, vertical and websites of the sender, with any changes waiting for Sinch's review",
		updateProfile:
			"Submit a change of the about text, address, description, email, vertical or websites for Sinch's review; only the fields set are sent",
		delete: 'Mark the sender for removal: Sinch keeps it sending for 30 days, then removes it',
	},
	handlers: {
		list: listSinchSenders,
		get: getSinchSender,
		requestCode: registerSinchSender,
		verify: verifySinchSender,
		getProfile: getSinchProfile,
		updateProfile: updateSinchProfile,
		discardChanges: discardSinchChanges,
		delete: deleteSinchSender,
	},
};
