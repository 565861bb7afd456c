import type { Sender } from '../core/sender';

export type HttpMethod = 'GET' | 'POST' | 'DELETE';

export type Credentials = Record<string, unknown>;

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
	/** Sent once and never repeated, whatever the answer (an irreversible deletion). */
	once?: boolean;
}

/** The one way an adapter talks HTTP; the transport behind it owns auth, retries and errors. */
export interface ProviderHttp {
	request<T = unknown>(request: ProviderRequest): Promise<T>;
	/** A short hash of provider, Base URL and account: two accounts never share trigger state. */
	readonly accountScope: string;
	/** The credential's non-secret account settings the adapter asked for (`accountFields`). */
	readonly account: Readonly<Record<string, string>>;
}

/** What a provider's error body says, in its own words. */
export interface ProviderErrorDetail {
	code?: string;
	message?: string;
	moreInfo?: string;
	/** What the user can do about it, when the code is one the package knows. */
	hint?: string;
	/** The provider says the request was throttled and not processed: safe to repeat after backoff. */
	retryable?: boolean;
	/**
	 * The provider calls the error temporary (Meta's is_transient) without saying the request
	 * was not processed: repeated only if the request is safe to repeat.
	 */
	transient?: boolean;
	/** The access token was missing or expired: fetch a new one and repeat once. */
	tokenExpired?: boolean;
	/** The credentials themselves are wrong, whatever the HTTP status said. */
	credentialsRejected?: boolean;
}

/**
 * Providers whose API wants a short-lived access token exchanged for long-lived
 * credentials (99digital). The transport runs the exchange, caches the token until it
 * expires and remembers rejected credentials so they are never retried in a loop.
 */
export interface TokenExchange {
	request(credentials: Credentials): ProviderRequest;
	/** The token and when it expires (ms since epoch), or what went wrong. */
	read(status: number, body: unknown): { token: string; expiresAt: number } | { error: ProviderErrorDetail };
}

export interface ListSendersOptions {
	/** Stop after this many senders; undefined returns all. */
	limit?: number;
	/** Provider status filter where the API offers one ("online" | "all" on Autocalls/Famulor). */
	statusFilter?: string;
	/** Keep per-number secrets (99digital's apiKey) in the output; off unless the user asks. */
	includeSecrets?: boolean;
	/**
	 * Hands each page's senders over as soon as they are mapped, so the caller keeps only what
	 * it needs and each parsed page can be freed at once (the trigger keeps fingerprints, not
	 * 10,000 raw senders). A paging adapter then returns none itself; an adapter that lists in
	 * one go may ignore it and return the list: each sender reaches the caller exactly once.
	 */
	onPage?: (senders: Sender[]) => void;
}

export type SenderOperation =
	| 'list'
	| 'get'
	| 'create'
	| 'requestCode'
	| 'verify'
	| 'register'
	| 'update'
	| 'getProfile'
	| 'updateProfile'
	| 'deregister'
	| 'delete'
	| 'listRegistered'
	| 'getUsage';

/** What a provider's create asks for beyond the phone number; the Create operation shows these fields. */
export type CreateField =
	| 'wabaId'
	| 'profileName'
	| 'countryCode'
	| 'verificationMethod'
	| 'businessProfile'
	| 'webhook'
	| 'voiceApplicationSid';

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

/** Validated by the Create operation against the provider's `createFields` before any request. */
export interface CreateSenderInput {
	/** E.164. */
	phoneNumber: string;
	/** Country calling code, digits only; the start of phoneNumber (Meta asks for it apart). */
	countryCode?: string;
	configuration: SenderConfigurationInput;
	profile: SenderProfileInput;
	webhook: SenderWebhookInput;
}

/** Meta's business profile fields; only the ones set are sent. */
export interface BusinessProfileInput {
	about?: string;
	address?: string;
	description?: string;
	email?: string;
	vertical?: string;
	websites?: string[];
	profilePictureHandle?: string;
}

export interface RequestCodeInput {
	method: 'sms' | 'voice';
	/** Meta's language code, e.g. en_US. */
	language: string;
}

/** A number registered and verified at the provider, waiting to be connected (99digital). */
export interface RegisteredNumber {
	provider: string;
	phoneNumber: string | null;
	expiresAt: string | null;
	onboardingLink: string | null;
	comment: string | null;
	raw: Record<string, unknown>;
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
	/** Secrets a listed sender carries (99digital's per-number apiKey): left out unless the user asks. */
	secretOutputFields?: readonly string[];
	/** Values of the provider's own status filter on list, if the API has one. */
	listStatusFilters?: readonly string[];
	/** The provider's error body in its own words; `request` is the request it answers (codes can differ per endpoint). */
	parseError(status: number, body: unknown, request: ProviderRequest): ProviderErrorDetail;
	/**
	 * What identifies the account behind a credential (Twilio's Account SID; for key-only
	 * providers the key itself, which the transport hashes before anything keeps it).
	 */
	accountIdentity(credentials: Record<string, unknown>): string;
	listSenders(http: ProviderHttp, options: ListSendersOptions): Promise<Sender[]>;
	/** What a sender id of this provider looks like, checked before any request. */
	senderIdPattern?: { regex: RegExp; example: string; description: string };
	/** A sender's resource URL at the provider, if it has one: the id is the first group. */
	senderUrlPattern?: { regex: string; example: string };
	/** Fields Create asks for, besides the phone number; required ones are listed in requiredCreateFields. */
	createFields?: readonly CreateField[];
	requiredCreateFields?: readonly CreateField[];
	/** An answer that looks successful but says it failed (99digital's HTTP 200 "FAIL"). */
	checkBody?(body: unknown, request: ProviderRequest): ProviderErrorDetail | undefined;
	/** Non-secret credential fields the adapter builds paths from (Meta: WABA ID, Graph API version). */
	accountFields?: readonly string[];
	/** Short-lived access token exchanged for the credential's id and secret. */
	tokenExchange?: TokenExchange;
	getSender?(http: ProviderHttp, id: string): Promise<Sender>;
	deleteSender?(http: ProviderHttp, id: string): Promise<void>;
	/** Delete cannot be undone at this provider: the node asks for an explicit confirmation, and says this. */
	deleteWarning?: string;
	/** Never repeated after it may have reached the provider (see transport retry rules). */
	createSender?(http: ProviderHttp, input: CreateSenderInput): Promise<Sender>;
	verifySender?(http: ProviderHttp, id: string, code: string): Promise<Sender>;
	updateSender?(http: ProviderHttp, id: string, input: UpdateSenderInput): Promise<Sender>;
	requestCode?(http: ProviderHttp, id: string, input: RequestCodeInput): Promise<Record<string, unknown>>;
	registerSender?(http: ProviderHttp, id: string, pin: string): Promise<Sender>;
	deregisterSender?(http: ProviderHttp, id: string): Promise<Sender>;
	getProfile?(http: ProviderHttp, id: string): Promise<Record<string, unknown>>;
	updateProfile?(http: ProviderHttp, id: string, profile: BusinessProfileInput): Promise<Record<string, unknown>>;
	listRegistered?(http: ProviderHttp): Promise<RegisteredNumber[]>;
	getUsage?(http: ProviderHttp): Promise<Record<string, unknown>>;
}
