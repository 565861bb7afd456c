import type { Sender } from '../core/sender';

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

export interface ProviderRequest {
	method: HttpMethod;
	/** Path below the credential's Base URL, starting with "/". */
	path: string;
	qs?: Record<string, string | number>;
	body?: Record<string, unknown>;
	/**
	 * False for requests that must not be repeated blindly (create): they are retried only
	 * when the provider says the request was never processed (429).
	 */
	idempotent?: boolean;
}

/** The one way an adapter talks HTTP; the transport behind it owns auth, retries and errors. */
export interface ProviderHttp {
	request<T = unknown>(request: ProviderRequest): Promise<T>;
	/** A short hash of provider, Base URL and account: two accounts never share trigger state. */
	readonly accountScope: string;
}

/** What a provider's error body says, in its own words. */
export interface ProviderErrorDetail {
	code?: string;
	message?: string;
	moreInfo?: string;
}

export interface ListSendersOptions {
	/** Stop after this many senders; undefined returns all. */
	limit?: number;
	/** Provider status filter where the API offers one ("online" | "all" on Autocalls/Famulor). */
	statusFilter?: string;
}

export type SenderOperation = 'list' | 'get' | 'create' | 'verify' | 'update' | 'delete';

export interface ProviderAdapter {
	/** Value of the node's `provider` parameter. Saved workflows depend on it. */
	id: string;
	displayName: string;
	credentialType: string;
	defaultBaseUrl: string;
	/** Words the credential fields use, for a 401 message that tells the user what to check. */
	credentialHint: string;
	operations: readonly SenderOperation[];
	/** Values of the provider's own status filter on list, if the API has one. */
	listStatusFilters?: readonly string[];
	parseError(status: number, body: unknown): ProviderErrorDetail;
	/**
	 * What identifies the account behind a credential (Twilio's Account SID; for key-only
	 * providers the key itself, which the transport hashes before anything keeps it).
	 */
	accountIdentity(credentials: Record<string, unknown>): string;
	listSenders(http: ProviderHttp, options: ListSendersOptions): Promise<Sender[]>;
	/** What a sender id of this provider looks like, checked before any request. */
	senderIdPattern?: { regex: RegExp; example: string };
	getSender?(http: ProviderHttp, id: string): Promise<Sender>;
	deleteSender?(http: ProviderHttp, id: string): Promise<void>;
}
