import { asRecord } from '../../core/json';
import type { Sender } from '../../core/sender';
import type {
	ProviderAdapter,
	ProviderErrorDetail,
	ProviderHttp,
	ListSendersOptions,
} from '../types';
import { arrayIn, objectOf } from '../shapes';
import { withinLimit } from '../pagedListing';
import { mapPlatformSender } from './mapper';

/**
 * Autocalls and Famulor run the same platform under two hosts: one adapter, two entries
 * in the provider table. The senders list is not paged; senders are connected in the
 * dashboard, so list is the only sender operation the API offers.
 */
export const PLATFORM_SENDERS_PATH = '/user/whatsapp/senders';
export const PLATFORM_STATUS_FILTERS = ['all', 'online'] as const;

function parsePlatformError(_status: number, body: unknown): ProviderErrorDetail {
	const error = asRecord(body);
	if (!error) return {};
	const fieldErrors = asRecord(error.errors);
	const details = fieldErrors
		? Object.entries(fieldErrors)
				.map(
					([field, problems]) =>
						`${field}: ${Array.isArray(problems) ? problems.join(' ') : String(problems)}`,
				)
				.join('; ')
		: '';
	const message = typeof error.message === 'string' ? error.message : undefined;
	return {
		code: typeof error.error_code === 'string' ? error.error_code : undefined,
		message: details && message ? `${message} (${details})` : message || details || undefined,
	};
}

interface PlatformAdapterIdentity {
	id: string;
	displayName: string;
	credentialType: string;
	defaultBaseUrl: string;
}

export function createPlatformAdapter(identity: PlatformAdapterIdentity): ProviderAdapter {
	async function listSenders(http: ProviderHttp, options: ListSendersOptions): Promise<Sender[]> {
		const response = await http.request({
			method: 'GET',
			path: PLATFORM_SENDERS_PATH,
			qs: { status: options.statusFilter ?? 'all' },
		});
		const rows = arrayIn(response, 'data', identity.displayName, 'the sender list');
		return withinLimit(rows, options).map((row) =>
			mapPlatformSender(identity.id, objectOf(row, identity.displayName, 'a sender in the list')),
		);
	}

	return {
		...identity,
		credentialHint: 'the API key',
		listStatusFilters: PLATFORM_STATUS_FILTERS,
		parseError: parsePlatformError,
		accountIdentity: (credentials) => String(credentials.apiKey ?? ''),
		handlers: { list: listSenders },
	};
}

/** Autocalls and Famulor: one platform on two hosts, each with its own credential type. */
export const autocallsAdapter = createPlatformAdapter({
	id: 'autocalls',
	displayName: 'Autocalls',
	credentialType: 'autocallsApi',
	defaultBaseUrl: 'https://app.autocalls.ai/api',
});

export const famulorAdapter = createPlatformAdapter({
	id: 'famulor',
	displayName: 'Famulor',
	credentialType: 'famulorApi',
	defaultBaseUrl: 'https://app.famulor.de/api',
});
