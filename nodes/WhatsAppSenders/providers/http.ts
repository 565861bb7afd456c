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
