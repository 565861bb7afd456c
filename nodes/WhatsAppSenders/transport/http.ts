import type {
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { ProviderApiError, UnexpectedResponseError } from '../core/errors';
import { hashOf } from '../core/hash';
import type { ProviderAdapter } from '../providers/adapter';
import type { ProviderErrorDetail, ProviderHttp, ProviderRequest } from '../providers/http';
import { resolveBaseUrl } from './baseUrl';
import { CredentialsRejectedError, processTokenCache, type CachedToken } from './tokenCache';
import {
	DEFAULT_RETRY_POLICY,
	isRetryableNetworkError,
	isRetryableStatus,
	parseRetryAfter,
	retryDelayMs,
	type RetryPolicy,
} from './retry';

export type HttpContext = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

export interface TransportOptions {
	/** Per-request timeout; n8n's own default (5 minutes) when undefined. */
	timeoutMs?: number;
	retryPolicy?: RetryPolicy;
}

interface RawResponse {
	statusCode: number;
	headers: Record<string, unknown>;
	body: unknown;
}

interface Attempt {
	response?: RawResponse;
	networkCode?: string;
}

const NETWORK_FAILURES: Record<string, string> = {
	ECONNREFUSED: 'connection refused',
	ECONNRESET: 'connection reset',
	ECONNABORTED: 'timed out',
	ETIMEDOUT: 'timed out',
	ENOTFOUND: 'host not found',
	EAI_AGAIN: 'host name lookup failed',
	EPIPE: 'connection closed',
};

/** The socket error code (ECONNREFUSED, ETIMEDOUT, …) wherever n8n's request helper put it. */
function networkErrorCode(error: unknown): string | undefined {
	const wrapped = error as { code?: unknown; httpCode?: unknown; cause?: { code?: unknown }; errorResponse?: { code?: unknown } };
	const candidates = [wrapped?.code, wrapped?.httpCode, wrapped?.cause?.code, wrapped?.errorResponse?.code];
	return candidates.find((code): code is string => typeof code === 'string' && /^E[A-Z_]+$/.test(code));
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		return { ok: false };
	}
}

function parseBody(provider: ProviderAdapter, response: RawResponse): unknown {
	const text = typeof response.body === 'string' ? response.body : '';
	if (text.trim() === '') return undefined;
	const parsed = parseJson(text);
	if (parsed.ok) return parsed.value;
	if (response.statusCode >= 200 && response.statusCode < 300) {
		throw new UnexpectedResponseError(provider.displayName, 'the body is not valid JSON');
	}
	return text.slice(0, 200);
}

function apiError(provider: ProviderAdapter, status: number, detail: ProviderErrorDetail): ProviderApiError {
	const own = [detail.code && `code ${detail.code}`, detail.message].filter(Boolean).join(': ');
	const moreInfo = detail.moreInfo ? ` More information: ${detail.moreInfo}` : '';
	if (status === 401 || status === 403 || detail.credentialsRejected) {
		return new ProviderApiError(
			`${provider.displayName} rejected the credentials (HTTP ${status})`,
			provider.displayName,
			status,
			detail.code,
			`Check ${provider.credentialHint} in the ${provider.displayName} credential.${own ? ` ${provider.displayName} said: ${own}.` : ''}${detail.hint ? ` ${detail.hint}` : ''}${moreInfo}`,
		);
	}
	return new ProviderApiError(
		`${provider.displayName} error${own ? ` ${own}` : ` (HTTP ${status})`}`,
		provider.displayName,
		status,
		detail.code,
		`HTTP ${status} from ${provider.displayName}.${detail.hint ? ` ${detail.hint}` : ''}${moreInfo}`,
	);
}

function afterRetries(failure: ProviderApiError, attempts: number): ProviderApiError {
	if (attempts === 1) return failure;
	return new ProviderApiError(
		failure.message,
		failure.provider,
		failure.httpStatus,
		failure.providerCode,
		`${failure.description} Gave up after ${attempts} attempts.`,
	);
}

/** What one answer means: the value, a failure to give up on, or one worth another attempt. */
type Outcome =
	| { kind: 'done'; value: unknown }
	| { kind: 'fail'; failure: ProviderApiError; retryable: boolean; retryAfterMs?: number }
	| { kind: 'renewToken' };

/**
 * The single HTTP path of the package: n8n's authenticated request helper, the provider's
 * Base URL, retries with backoff that honour Retry-After, and errors in the provider's words.
 * Bodies are read as text and parsed here so a truncated or non-JSON answer is reported
 * as such instead of slipping through as a string.
 */
export async function createProviderHttp(
	context: HttpContext,
	provider: ProviderAdapter,
	options: TransportOptions = {},
): Promise<ProviderHttp> {
	const credentials = await context.getCredentials(provider.credentialType);
	const baseUrl = resolveBaseUrl(credentials.baseUrl, provider.defaultBaseUrl);
	const policy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
	const tokens = provider.tokenExchange
		? tokenSession(context, provider, baseUrl, credentials, options.timeoutMs, policy)
		: undefined;

	async function send(request: ProviderRequest, token: string | undefined): Promise<Attempt> {
		const httpOptions = requestOptions(baseUrl, request, options.timeoutMs);
		// the credentials read once for this run, so n8n does not load and decrypt them again for
		// every page; a provider with a token exchange gets its current token in them
		const decrypted = {
			credentialsDecrypted: {
				id: '',
				name: provider.credentialType,
				type: provider.credentialType,
				data: token === undefined ? { ...credentials } : { ...credentials, accessToken: token },
			},
		};
		try {
			const response = (await context.helpers.httpRequestWithAuthentication.call(
				context,
				provider.credentialType,
				httpOptions,
				decrypted,
			)) as RawResponse;
			return { response };
		} catch (error) {
			return { networkCode: networkErrorCode(error) ?? 'EUNKNOWN' };
		}
	}

	async function request<T>(request: ProviderRequest): Promise<T> {
		const idempotent = request.idempotent ?? request.method !== 'POST';
		let token = tokens ? await tokens.current() : undefined;
		let renewed = false;
		// a refused token (not processed) is still renewed once; nothing else repeats a `once` request
		const requestPolicy = request.once ? { ...policy, maxAttempts: 1 } : policy;
		return (await withRetries(provider, baseUrl, requestPolicy, async () => {
			const attempt = await send(request, token);
			const outcome = readAttempt(provider, attempt, request, idempotent, baseUrl);
			if (outcome.kind === 'renewToken') {
				if (!tokens || renewed || token === undefined) {
					return readAttempt(provider, attempt, request, idempotent, baseUrl, true);
				}
				// once per request: a token refused twice in a row is a real failure
				renewed = true;
				tokens.invalidate(token);
				token = await tokens.current();
				return readAttempt(provider, await send(request, token), request, idempotent, baseUrl, true);
			}
			return outcome;
		})) as T;
	}

	const accountScope = hashOf(provider.id, baseUrl, provider.accountIdentity(credentials));
	const account = Object.fromEntries(
		(provider.accountFields ?? []).map((name) => [name, String(credentials[name] ?? '').trim()]),
	);
	return { request, accountScope, account };
}

function requestOptions(baseUrl: string, request: ProviderRequest, timeoutMs: number | undefined): IHttpRequestOptions {
	return {
		method: request.method,
		url: `${baseUrl}${request.path}`,
		qs: request.qs,
		headers: request.body
			? { Accept: 'application/json', 'Content-Type': 'application/json' }
			: { Accept: 'application/json' },
		body: request.body,
		json: false,
		encoding: 'text',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// n8n puts the credentials back on after a redirect, even to another host over http:
		// none of the providers redirects its API, so a redirect is an answer, not a hop
		disableFollowRedirect: true,
		timeout: timeoutMs,
	};
}

/**
 * What an answer means. 2xx is success unless the provider's envelope says otherwise
 * (99digital's HTTP 200 "FAIL"); errors are retryable by HTTP status or when the provider's
 * own code says the request was throttled and not processed (Meta's 4, 80007, 130429).
 */
function readAttempt(
	provider: ProviderAdapter,
	{ response, networkCode }: Attempt,
	request: ProviderRequest,
	idempotent: boolean,
	baseUrl: string,
	tokenAlreadyRenewed = false,
): Outcome {
	if (!response) {
		// plain words in the message: n8n replaces messages that contain a socket code
		const failure = new ProviderApiError(
			`Could not reach ${provider.displayName}: ${NETWORK_FAILURES[networkCode ?? ''] ?? 'network error'}`,
			provider.displayName,
			null,
			networkCode,
			`${networkCode} on the request to ${new URL(baseUrl).host}, before any answer arrived. Check the Base URL in the credential and the network.`,
		);
		return { kind: 'fail', failure, retryable: isRetryableNetworkError(networkCode, idempotent) };
	}
	const status = response.statusCode;
	const body = parseBody(provider, response);
	const success = status >= 200 && status < 300;
	const detail = success ? provider.checkBody?.(body, request) : provider.parseError(status, body, request);
	if (!detail) return { kind: 'done', value: body };
	if (detail.tokenExpired && !tokenAlreadyRenewed) return { kind: 'renewToken' };
	return {
		kind: 'fail',
		failure: apiError(provider, status, detail),
		retryable: detail.retryable === true || (detail.transient === true && idempotent) || (!success && isRetryableStatus(status, idempotent)),
		retryAfterMs: parseRetryAfter(response.headers?.['retry-after']),
	};
}

/** Repeats an attempt with backoff while its failure is retryable and the time budget lasts. */
async function withRetries(
	provider: ProviderAdapter,
	baseUrl: string,
	policy: RetryPolicy,
	attempt: () => Promise<Outcome>,
): Promise<unknown> {
	let waited = 0;
	for (let attemptNumber = 1; ; attemptNumber++) {
		const outcome = await attempt();
		if (outcome.kind === 'done') return outcome.value;
		if (outcome.kind === 'renewToken') {
			throw new ProviderApiError(`${provider.displayName} refused the access token`, provider.displayName, null, undefined, `Base URL ${new URL(baseUrl).host}.`);
		}
		const delay = retryDelayMs(attemptNumber, policy, outcome.retryAfterMs);
		if (!outcome.retryable || attemptNumber >= policy.maxAttempts || waited + delay > policy.maxTotalWaitMs) {
			throw afterRetries(outcome.failure, attemptNumber);
		}
		waited += delay;
		await sleep(delay);
	}
}

/**
 * The access token of a provider with a token exchange: fetched with the credential's id
 * and secret (no authentication of its own), cached for the process until shortly before
 * it expires, and never fetched again for a while after the provider rejected the secret.
 */
function tokenSession(
	context: HttpContext,
	provider: ProviderAdapter,
	baseUrl: string,
	credentials: Record<string, unknown>,
	timeoutMs: number | undefined,
	policy: RetryPolicy,
) {
	const exchange = provider.tokenExchange!;
	const exchangeRequest = exchange.request(credentials);
	const key = hashOf(provider.id, baseUrl, JSON.stringify(exchangeRequest.body ?? {}));

	async function fetchToken(): Promise<CachedToken> {
		return (await withRetries(provider, baseUrl, policy, async () => {
			let attempt: Attempt;
			try {
				const response = (await context.helpers.httpRequest(
					requestOptions(baseUrl, exchangeRequest, timeoutMs),
				)) as RawResponse;
				attempt = { response };
			} catch (error) {
				attempt = { networkCode: networkErrorCode(error) ?? 'EUNKNOWN' };
			}
			if (!attempt.response) return readAttempt(provider, attempt, exchangeRequest, true, baseUrl);
			const status = attempt.response.statusCode;
			const result = exchange.read(status, parseBody(provider, attempt.response));
			if (!('error' in result)) return { kind: 'done', value: result };
			const failure = apiError(provider, status, result.error);
			if (result.error.credentialsRejected) {
				Object.assign(failure, { rejected: true });
				return { kind: 'fail', failure, retryable: false };
			}
			return { kind: 'fail', failure, retryable: result.error.retryable === true || isRetryableStatus(status, true) };
		})) as CachedToken;
	}

	return {
		async current(): Promise<string> {
			const outcome = await processTokenCache.get(key, fetchToken).then(
				(token) => ({ token: token.token }),
				(error: unknown) => ({ error }),
			);
			if ('token' in outcome) return outcome.token;
			if (!(outcome.error instanceof CredentialsRejectedError)) throw outcome.error;
			const original = outcome.error.original as ProviderApiError;
			throw new ProviderApiError(
				original.message,
				original.provider,
				original.httpStatus,
				original.providerCode,
				`${original.description ?? ''} Not asked again until ${new Date(outcome.error.until).toISOString().slice(11, 16)} UTC, so ${provider.displayName} does not block this server for repeated wrong attempts; saving a corrected credential tries again at once.`.trim(),
			);
		},
		invalidate(token: string): void {
			processTokenCache.invalidate(key, token);
		},
	};
}
