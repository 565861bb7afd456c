import { hashOf } from '../core/hash';
import type { ScopedTokens } from '../providers/types';

/**
 * Access tokens of providers that exchange an id + secret for a short-lived token
 * (99digital: one hour). Kept in memory per n8n process, keyed by a hash of provider,
 * Base URL and credentials, so a changed secret never reuses an old token. Pure apart
 * from the clock and the exchange function it is given.
 */

/** A token is renewed this long before it expires, so a request never starts with a dying token. */
export const TOKEN_RENEW_MARGIN_MS = 60_000;
/**
 * Credentials the provider rejected are not tried again for this long: 99digital blocks
 * the caller's IP after repeated wrong attempts, and a trigger polls every minute.
 */
export const REJECTED_CREDENTIALS_COOLDOWN_MS = 10 * 60_000;

export interface CachedToken {
	token: string;
	expiresAt: number;
}

/**
 * The provider refused the credentials themselves. An exchange throws it with the provider's
 * error; the cache throws it again, with `until`, instead of asking before then.
 */
export class CredentialsRejectedError extends Error {
	constructor(
		readonly original: Error,
		readonly until?: number,
	) {
		super(original.message);
	}
}

interface Entry {
	token?: CachedToken;
	pending?: Promise<CachedToken>;
	rejected?: { error: Error; until: number };
}

export function isTokenFresh(token: CachedToken | undefined, now: number): token is CachedToken {
	return token !== undefined && now < token.expiresAt - TOKEN_RENEW_MARGIN_MS;
}

export class TokenCache {
	private readonly entries = new Map<string, Entry>();

	constructor(private readonly now: () => number = Date.now) {}

	/**
	 * A fresh token for these credentials: the cached one, the one being fetched right now,
	 * or a new exchange. `exchange` throws CredentialsRejectedError on wrong credentials.
	 */
	async get(key: string, exchange: () => Promise<CachedToken>): Promise<CachedToken> {
		const entry = this.entries.get(key) ?? {};
		this.entries.set(key, entry);
		const now = this.now();
		if (entry.rejected && now < entry.rejected.until) {
			throw new CredentialsRejectedError(entry.rejected.error, entry.rejected.until);
		}
		if (isTokenFresh(entry.token, now)) return entry.token;
		entry.pending ??= exchange()
			.then((token) => {
				entry.token = token;
				entry.rejected = undefined;
				return token;
			})
			.catch((error: unknown) => {
				if (error instanceof CredentialsRejectedError) {
					entry.rejected = {
						error: error.original,
						until: this.now() + REJECTED_CREDENTIALS_COOLDOWN_MS,
					};
				}
				throw error;
			})
			.finally(() => {
				entry.pending = undefined;
			});
		return await entry.pending;
	}

	/** The provider said the token is missing or expired: the next get() fetches a new one. */
	invalidate(key: string, token: string): void {
		const entry = this.entries.get(key);
		if (entry?.token?.token === token) entry.token = undefined;
	}
}

/** The one cache of the n8n process: tokens survive between executions and polls. */
export const processTokenCache = new TokenCache();

/**
 * Tokens an adapter fetches itself for part of an account (Gupshup's per-app token), in the
 * process cache under `key` (a hash of provider and credentials) and their scope.
 */
export function scopedTokens(key: string): ScopedTokens {
	return {
		async get(scope, fetch) {
			return (await processTokenCache.get(hashOf(key, 'scope', scope), fetch)).token;
		},
		invalidate(scope, token) {
			processTokenCache.invalidate(hashOf(key, 'scope', scope), token);
		},
	};
}
