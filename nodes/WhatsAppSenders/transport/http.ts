import { hashOf } from '../core/hash';
import type { ProviderAdapter, ProviderHttp, ProviderRequest } from '../providers/types';
import { readAnswer } from './answer';
import { resolveBaseUrl } from './baseUrl';
import { policyFor, repeatOf, withRetries } from './retry';
import { send, type HttpContext } from './send';
import { scopedTokens } from './tokenCache';
import { tokenSession } from './tokenSession';

/**
 * The single HTTP path of the package: n8n's authenticated request helper (send.ts), the
 * provider's Base URL, answers read in the provider's words (answer.ts), retries with backoff
 * that honour Retry-After (retry.ts), and the access token of a provider with a token
 * exchange (tokenSession.ts), renewed once when the provider refuses it. `timeoutMs` applies
 * to each request; n8n's own default (5 minutes) when undefined.
 */
export async function createProviderHttp(
	context: HttpContext,
	provider: ProviderAdapter,
	{ timeoutMs }: { timeoutMs?: number } = {},
): Promise<ProviderHttp> {
	const credentials = await context.getCredentials(provider.credentialType);
	const baseUrl = resolveBaseUrl(credentials.baseUrl, provider.defaultBaseUrl);
	const policy = policyFor(provider);
	const exchange = provider.tokenExchange;
	const tokens =
		exchange && tokenSession(context, provider, exchange, baseUrl, credentials, timeoutMs, policy);

	async function request<T>(request: ProviderRequest): Promise<T> {
		// a provider with a token exchange gets its current token in the credentials
		const attempt = async (token: string | undefined) => {
			const data = token === undefined ? credentials : { ...credentials, accessToken: token };
			const sent = await send(context, baseUrl, request, timeoutMs, {
				type: provider.credentialType,
				data,
			});
			return readAnswer(provider, sent, request, baseUrl);
		};
		let token = tokens ? await tokens.current() : undefined;
		let renewed = false;
		// a refused token (not processed) is renewed once, even for a request never repeated otherwise
		return (await withRetries(policy, repeatOf(request), async () => {
			const outcome = await attempt(token);
			// once per request: a token refused twice in a row is a real failure
			if (
				outcome.kind === 'done' ||
				!outcome.tokenExpired ||
				!tokens ||
				token === undefined ||
				renewed
			)
				return outcome;
			renewed = true;
			tokens.invalidate(token);
			token = await tokens.current();
			return await attempt(token);
		})) as T;
	}

	const accountScope = hashOf(provider.id, baseUrl, provider.accountIdentity(credentials));
	const account = Object.fromEntries(
		(provider.accountFields ?? []).map((name) => [name, String(credentials[name] ?? '').trim()]),
	);
	// keyed like the exchanged token (or, without an exchange, by the credentials themselves): a changed secret never reuses one
	const scopes = scopedTokens(
		tokens?.key ?? hashOf(provider.id, baseUrl, JSON.stringify(credentials)),
	);
	return { request, accountScope, account, scopedTokens: scopes };
}
