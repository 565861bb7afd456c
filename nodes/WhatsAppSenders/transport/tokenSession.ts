import { InvalidInputError, ProviderApiError } from '../core/errors';
import { hashOf } from '../core/hash';
import { insecureUrlProblem } from '../core/url';
import type { ProviderAdapter, TokenExchange } from '../providers/types';
import { apiError, failed, parseBody, unreachable } from './answer';
import { withRetries, type RetryPolicy } from './retry';
import { send, type HttpContext } from './send';
import { CredentialsRejectedError, processTokenCache, type CachedToken } from './tokenCache';

/**
 * The access token of a provider with a token exchange: fetched with the credential's id
 * and secret (no authentication of its own), cached for the process until shortly before
 * it expires, and never fetched again for a while after the provider rejected the secret.
 */
export function tokenSession(
	context: HttpContext,
	provider: ProviderAdapter,
	exchange: TokenExchange,
	baseUrl: string,
	credentials: Record<string, unknown>,
	timeoutMs: number | undefined,
	policy: RetryPolicy,
) {
	const exchangeRequest = exchange.request(credentials);
	const tokenBaseUrl = exchange.url ? tokenUrl(exchange.url(credentials)) : baseUrl;
	// the secret travels in the body (99digital), the form (Gupshup) or a header (OAuth2 Basic client auth):
	// a changed secret never reuses a token
	const { body, form, headers } = exchangeRequest;
	const key = hashOf(provider.id, tokenBaseUrl, JSON.stringify({ body, form, headers }));

	async function fetchToken(): Promise<CachedToken> {
		// the exchange reads nothing but a token: safe to repeat
		return (await withRetries(policy, 'safe', async () => {
			const attempt = await send(context, tokenBaseUrl, exchangeRequest, timeoutMs);
			if ('networkCode' in attempt) return unreachable(provider, attempt.networkCode, tokenBaseUrl);
			const status = attempt.response.statusCode;
			const result = exchange.read(status, parseBody(provider, attempt.response));
			if (!('error' in result)) return { kind: 'done', value: result };
			// never repeated: wrong secrets tried again get the caller blocked (99digital; Gupshup allows 10 logins a minute)
			if (result.error.credentialsRejected)
				throw new CredentialsRejectedError(apiError(provider, status, result.error));
			return failed(provider, attempt.response, result.error);
		})) as CachedToken;
	}

	/** The first refusal in the provider's words; the ones the cache answers say until when. */
	function refusal({ original, until }: CredentialsRejectedError): Error {
		if (until === undefined) return original;
		const first = original as ProviderApiError;
		return new ProviderApiError(
			first.message,
			first.provider,
			first.httpStatus,
			first.providerCode,
			`${first.description ?? ''} Not asked again until ${new Date(until).toISOString().slice(11, 16)} UTC, so ${provider.displayName} does not block this server for repeated wrong attempts; saving a corrected credential tries again at once.`.trim(),
		);
	}

	return {
		async current(): Promise<string> {
			const token = await processTokenCache.get(key, fetchToken).catch((error: unknown) => {
				throw error instanceof CredentialsRejectedError ? refusal(error) : error;
			});
			return token.token;
		},
		/** The provider refused this token: the next current() fetches a new one. */
		invalidate(token: string): void {
			processTokenCache.invalidate(key, token);
		},
		/** What the cache keys this session's tokens by: a hash of provider, token URL and secret. */
		key,
	};
}

/** A credential's token URL, checked like the Base URL before the id and secret are sent to it. */
function tokenUrl(configured: string): string {
	const text = configured.trim();
	const problem = insecureUrlProblem(text);
	if (problem) throw new InvalidInputError('Token URL', problem);
	return text.replace(/\/+$/, '');
}
