import { senderOf } from '../../core/normalize';
import { asRecord, type JsonRecord } from '../../core/json';
import type { Sender } from '../../core/sender';
import type {
	ProviderAdapter,
	ProviderHttp,
	CreateSenderInput,
	ListSendersOptions,
	RegisteredNumber,
} from '../types';
import {
	mapAccountUsage,
	mapNinetyNineNumber,
	mapRegisteredNumber,
	NINETY_NINE_PATHS,
	phoneDigits,
	readEnvelopeFailure,
	SECRET_FIELDS,
} from './mapper';
import { arrayIn, objectOf } from '../shapes';
import { withinLimit } from '../pagedListing';
import { ninetyNineTokenExchange } from './tokenExchange';

/**
 * 99digital Partners API: client id + secret → a 1-hour Bearer token, a `status`/`reason`
 * envelope on every answer. Only endpoints its public documentation confirms are here:
 * list numbers, list registered numbers, register a number (request the code), delete a
 * number. The code-verification and onboarding-link endpoints are not documented precisely
 * enough to call (their pages give no path or body).
 */
const {
	numbers: NUMBERS_PATH,
	registered: REGISTERED_PATH,
	register: REGISTER_PATH,
	deleteNumber: DELETE_PATH,
} = NINETY_NINE_PATHS;

async function getNumbersResponse(http: ProviderHttp): Promise<JsonRecord & { list: unknown[] }> {
	const response = await http.request({ method: 'GET', path: NUMBERS_PATH });
	const list = arrayIn(response, 'list', '99digital', 'the number list');
	return { ...(response as JsonRecord), list };
}

async function listNumbers(http: ProviderHttp, options: ListSendersOptions): Promise<Sender[]> {
	const { list } = await getNumbersResponse(http);
	return withinLimit(list, options).map((row) =>
		mapNinetyNineNumber(
			objectOf(row, '99digital', 'a number in the list'),
			options.includeSecrets === true,
		),
	);
}

/** Irreversible at 99digital (history, contacts and counters are lost): sent once, never repeated. */
async function deleteNumber(http: ProviderHttp, id: string): Promise<void> {
	await http.request({
		method: 'DELETE',
		path: DELETE_PATH,
		body: { whatsapp: phoneDigits(id) },
		repeat: 'never',
	});
}

async function registerNumber(http: ProviderHttp, input: CreateSenderInput): Promise<Sender> {
	const whatsapp = phoneDigits(input.phoneNumber);
	const method = input.configuration.verificationMethod === 'voice' ? 2 : 1;
	// repeated only when 99digital did not process it (POST's default): 99digital asks for at most
	// 3 code requests, Meta blocks the number for an hour after that
	const response = asRecord(
		await http.request({
			method: 'POST',
			path: REGISTER_PATH,
			body: { whatsapp, method },
			repeat: 'ifNotProcessed',
		}),
	);
	const details = Object.fromEntries(
		Object.entries(response ?? {}).filter(([key]) => key !== 'status' && key !== 'reason'),
	);
	return senderOf({
		provider: '99digital',
		id: whatsapp,
		phoneNumber: input.phoneNumber,
		meaning: { status: 'PENDING_VERIFICATION' },
		raw: { whatsapp, method, ...details },
	});
}

async function listRegisteredNumbers(http: ProviderHttp): Promise<RegisteredNumber[]> {
	const response = await http.request({ method: 'GET', path: REGISTERED_PATH });
	return arrayIn(response, 'list', '99digital', 'the registered number list').map((row) =>
		mapRegisteredNumber(objectOf(row, '99digital', 'a registered number')),
	);
}

export const ninetyNineDigitalAdapter: ProviderAdapter = {
	id: '99digital',
	displayName: '99digital',
	credentialType: 'ninetyNineDigitalApi',
	defaultBaseUrl: 'https://partners.99digital.co.il',
	credentialHint: 'the client ID and client secret',
	withoutQualityAndLimit: true,
	senderIdPattern: {
		regex: /^[1-9][0-9]{7,14}$/,
		example: '972501234567',
		description:
			'A 99digital number is written with its country code and no +, as List shows its ID',
	},
	deleteWarning:
		'Deleting a 99digital number is immediate and cannot be undone: its messages, files, contacts and counters are lost.',
	secretOutputFields: SECRET_FIELDS,
	createFields: ['verificationMethod'],
	requiredCreateFields: [],
	tokenExchange: ninetyNineTokenExchange,
	checkBody: (body, request) => readEnvelopeFailure(body, request.path),
	parseError: (_status, body, request) => readEnvelopeFailure(body, request.path) ?? {},
	accountIdentity: (credentials) => String(credentials.clientId ?? ''),
	operationDescriptions: {
		delete:
			'Cancel the number at 99digital for good: its messages, files, contacts and counters are lost',
	},
	handlers: {
		list: listNumbers,
		create: registerNumber,
		delete: deleteNumber,
		listRegistered: listRegisteredNumbers,
		getUsage: async (http) => mapAccountUsage(await getNumbersResponse(http)),
	},
};
