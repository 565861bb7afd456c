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
	/** What the user can do about it, when the code is one the package knows. */
	hint?: string;
}

export interface ListSendersOptions {
	/** Stop after this many senders; undefined returns all. */
	limit?: number;
	/** Provider status filter where the API offers one ("online" | "all" on Autocalls/Famulor). */
	statusFilter?: string;
}

export type SenderOperation = 'list' | 'get' | 'create' | 'verify' | 'update' | 'delete';

export interface SenderProfileInput {
	name?: string;
	about?: string;
	address?: string;
	description?: string;
	emails?: string[];
	logoUrl?: string;
	vertical?: string;
	websites?: string[];
}

export type WebhookMethod = 'POST' | 'PUT';

export interface SenderWebhookInput {
	callbackUrl?: string;
	callbackMethod?: WebhookMethod;
	fallbackUrl?: string;
	fallbackMethod?: WebhookMethod;
	statusCallbackUrl?: string;
	statusCallbackMethod?: WebhookMethod;
}

export interface SenderConfigurationInput {
	wabaId?: string;
	verificationMethod?: 'sms' | 'voice';
	voiceApplicationSid?: string;
}

export interface CreateSenderInput {
	phoneNumber: string;
	configuration: SenderConfigurationInput & { wabaId: string; verificationMethod: 'sms' | 'voice' };
	profile: SenderProfileInput & { name: string };
	webhook: SenderWebhookInput;
}

/** Only what the user set; nothing else is sent. */
export interface UpdateSenderInput {
	configuration: SenderConfigurationInput;
	profile: SenderProfileInput;
	webhook: SenderWebhookInput;
}

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
	/** Never repeated after it may have reached the provider (see transport retry rules). */
	createSender?(http: ProviderHttp, input: CreateSenderInput): Promise<Sender>;
	verifySender?(http: ProviderHttp, id: string, code: string): Promise<Sender>;
	updateSender?(http: ProviderHttp, id: string, input: UpdateSenderInput): Promise<Sender>;
}
