/**
 * The port between the node and the providers: what a request and an answer's error look
 * like (ProviderHttp, the one way an adapter talks HTTP), what each operation asks of a
 * provider (SenderHandlers and their inputs), and what an adapter declares (ProviderAdapter).
 */
import type { Sender } from '../core/sender';

/**
 * - `safe`: a read, or a write of a whole value (PUT, PATCH of the same fields, a DELETE of a
 *   state): sent again after any temporary failure.
 * - `ifNotProcessed`: an action (create, submit, send a code): sent again only when the
 *   provider says it did not act on it (a 429, its throttling codes, a refused connection).
 * - `never`: sent once whatever the answer (an irreversible deletion, a code that costs an SMS).
 */
export type Repeat = 'safe' | 'ifNotProcessed' | 'never';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type Credentials = Record<string, unknown>;

export interface ProviderRequest {
	method: HttpMethod;
	/** Path below the credential's Base URL, starting with "/". */
	path: string;
	qs?: Record<string, string | number>;
	body?: Record<string, unknown>;
	/** Sent as an application/x-www-form-urlencoded body instead of JSON (Gupshup's login, an OAuth2 token request). */
	form?: Record<string, string>;
	/** Headers of this request besides the credential's own (Gupshup's per-app `token`, OAuth2 client auth in Basic). */
	headers?: Record<string, string>;
	/** Whether it may be sent again after a failure (transport/retry.ts decides); by default `ifNotProcessed` for POST, `safe` otherwise. */
	repeat?: Repeat;
}

/** The one way an adapter talks HTTP; the transport behind it owns auth, retries and errors. */
export interface ProviderHttp {
	request<T = unknown>(request: ProviderRequest): Promise<T>;
	/** A short hash of provider, Base URL and account: two accounts never share trigger state. */
	readonly accountScope: string;
	/** The credential's non-secret account settings the adapter asked for (`accountFields`). */
	readonly account: Readonly<Record<string, string>>;
	/**
	 * Tokens the adapter itself fetches for part of the account (Gupshup's per-app token),
	 * cached per credential and `scope` like the exchanged token, never output or logged.
	 */
	readonly scopedTokens: ScopedTokens;
}

export interface ScopedTokens {
	/** The cached token of this scope, or the one `fetch` returns (kept until `expiresAt`, ms since epoch). */
	get(scope: string, fetch: () => Promise<{ token: string; expiresAt: number }>): Promise<string>;
	/** The provider refused this token: the next get() fetches a new one. */
	invalidate(scope: string, token: string): void;
}

/** What a provider's error body says, in its own words. */
export interface ProviderErrorDetail {
	code?: string;
	message?: string;
	moreInfo?: string;
	/** What the user can do about it, when the code is one the package knows. */
	hint?: string;
	/** The provider says the request was throttled and not processed: safe to repeat after backoff. */
	notProcessed?: boolean;
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
 * credentials (99digital, Sinch, Gupshup). The transport runs the exchange, caches the token until it
 * expires and remembers rejected credentials so they are never retried in a loop.
 */
export interface TokenExchange {
	request(credentials: Credentials): ProviderRequest;
	/**
	 * Where the token request goes when that is not the API's Base URL (Sinch: an OAuth2 token
	 * URL on another host); the request's path is then appended to it. Held to the same https rule.
	 */
	url?(credentials: Credentials): string;
	/** The token and when it expires (ms since epoch), or what went wrong. */
	read(
		status: number,
		body: unknown,
	): { token: string; expiresAt: number } | { error: ProviderErrorDetail };
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
	/** Something the user should know about a listing that still succeeded (Sinch's account could not be read). */
	onNotice?: (message: string) => void;
}

/**
 * What each operation of the node asks of a provider, keyed by operation. An adapter
 * implements the ones its API offers, and those are the operations the node offers for it.
 */
export interface SenderHandlers {
	list(http: ProviderHttp, options: ListSendersOptions): Promise<Sender[]>;
	get(http: ProviderHttp, id: string): Promise<Sender>;
	/** Never repeated after it may have reached the provider (see transport retry rules). */
	create(http: ProviderHttp, input: CreateSenderInput): Promise<Sender>;
	requestCode(
		http: ProviderHttp,
		id: string,
		input: RequestCodeInput,
	): Promise<Record<string, unknown>>;
	/** `code` is undefined only for a provider whose adapter sets `verifyWithoutCode`. */
	verify(http: ProviderHttp, id: string, code: string | undefined): Promise<Sender>;
	register(http: ProviderHttp, id: string, pin: string): Promise<Sender>;
	update(http: ProviderHttp, id: string, input: UpdateSenderInput): Promise<Sender>;
	getProfile(http: ProviderHttp, id: string): Promise<Record<string, unknown>>;
	updateProfile(
		http: ProviderHttp,
		id: string,
		profile: BusinessProfileInput,
	): Promise<Record<string, unknown>>;
	/** Drops the profile changes submitted and not applied yet; outputs the profile after. */
	discardChanges(http: ProviderHttp, id: string): Promise<Record<string, unknown>>;
	/** Asks for a new display name, which Meta reviews; the output says the review status. */
	updateDisplayName(
		http: ProviderHttp,
		id: string,
		displayName: string,
	): Promise<Record<string, unknown>>;
	deregister(http: ProviderHttp, id: string): Promise<Sender>;
	delete(http: ProviderHttp, id: string): Promise<void>;
	listRegistered(http: ProviderHttp): Promise<RegisteredNumber[]>;
	getUsage(http: ProviderHttp): Promise<Record<string, unknown>>;
}

export type SenderOperation = keyof SenderHandlers;

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
	/** What it does for each operation it supports; every provider lists its senders. */
	handlers: Pick<SenderHandlers, 'list'> & Partial<SenderHandlers>;
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
	/**
	 * The provider reports no quality rating and no messaging limit (its senders carry
	 * UNKNOWN and null): the trigger says that Quality Changed and Messaging Limit Changed
	 * never fire for it.
	 */
	withoutQualityAndLimit?: true;
	/**
	 * How long the provider documents a rate limit lasts once hit, waited after a 429 that
	 * carries no Retry-After (Gupshup: "cooldown … 1 minute" on its per-minute limits). A
	 * request may wait it out twice before it gives up.
	 */
	rateLimitCooldownMs?: number;
	/** What the trigger panel says about polling this provider: a documented rate limit that bounds the poll interval. */
	pollNotice?: string;
	/**
	 * The provider's documented request budget that listing draws on (docs/providers.md,
	 * "Request budgets"): requests an hour when it is a number, in its words, with its source.
	 * Absent when the provider documents none for these endpoints.
	 */
	requestBudget?: { perHour?: number; text: string; source: string };
	/** Verify may be sent without a code, and when (the field's hint): Sinch, for a number Meta has already verified. */
	verifyWithoutCode?: string;
	/** Request Code sends the language of the SMS or call (Meta); elsewhere the node does not ask for one. */
	codeLanguage?: true;
	/**
	 * What an operation does at this provider, in its words, where the operation's own
	 * description (written for version 1, for every provider) would tell another provider's
	 * rules: shown in version 2's operation list.
	 */
	operationDescriptions?: Partial<Record<SenderOperation, string>>;
	/** Update Business Profile takes Meta's picture upload handle (Meta only). */
	takesProfilePictureHandle?: true;
	/** The verticals Update Business Profile offers, when not all of Meta's codes. */
	profileVerticals?: readonly string[];
	/** Delete cannot be undone at this provider: the node asks for an explicit confirmation, and says this. */
	deleteWarning?: string;
}
