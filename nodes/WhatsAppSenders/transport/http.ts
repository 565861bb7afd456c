import type {
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import { createHash } from 'node:crypto';

import { ProviderApiError, UnexpectedResponseError } from '../core/errors';
import type { ProviderAdapter, ProviderHttp, ProviderRequest } from '../providers/types';
import { resolveBaseUrl } from './baseUrl';
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

function apiError(provider: ProviderAdapter, status: number, body: unknown): ProviderApiError {
	const detail = provider.parseError(status, body);
	const own = [detail.code && `code ${detail.code}`, detail.message].filter(Boolean).join(': ');
	const moreInfo = detail.moreInfo ? ` More information: ${detail.moreInfo}` : '';
	const hint = detail.hint && status !== 401 && status !== 403 ? ` ${detail.hint}` : '';
	if (status === 401 || status === 403) {
		return new ProviderApiError(
			`${provider.displayName} rejected the credentials (HTTP ${status})`,
			provider.displayName,
			status,
			detail.code,
			`Check ${provider.credentialHint} in the ${provider.displayName} credential.${own ? ` ${provider.displayName} said: ${own}.` : ''}${moreInfo}`,
		);
	}
	return new ProviderApiError(
		`${provider.displayName} error${own ? ` ${own}` : ` (HTTP ${status})`}`,
		provider.displayName,
		status,
		detail.code,
		`HTTP ${status} from ${provider.displayName}.${hint}${moreInfo}`,
	);
}

function afterRetries(failure: ProviderApiError, attempts: number): ProviderApiError {
	if (attempts === 1 || failure.httpStatus === null) return failure;
	return new ProviderApiError(
		failure.message,
		failure.provider,
		failure.httpStatus,
		failure.providerCode,
		`${failure.description} Gave up after ${attempts} attempts.`,
	);
}

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

	async function attempt(request: ProviderRequest): Promise<Attempt> {
		const httpOptions: IHttpRequestOptions = {
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
			timeout: options.timeoutMs,
		};
		try {
			const response = (await context.helpers.httpRequestWithAuthentication.call(
				context,
				provider.credentialType,
				httpOptions,
			)) as RawResponse;
			return { response };
		} catch (error) {
			return { networkCode: networkErrorCode(error) ?? 'EUNKNOWN' };
		}
	}

	async function request<T>(request: ProviderRequest): Promise<T> {
		const idempotent = request.idempotent ?? request.method !== 'POST';
		let waited = 0;
		for (let attemptNumber = 1; ; attemptNumber++) {
			const { response, networkCode } = await attempt(request);
			let retryAfterMs: number | undefined;
			let failure: ProviderApiError;
			if (response) {
				const status = response.statusCode;
				const body = parseBody(provider, response);
				if (status >= 200 && status < 300) return body as T;
				failure = apiError(provider, status, body);
				if (!isRetryableStatus(status, idempotent)) throw failure;
				retryAfterMs = parseRetryAfter(response.headers?.['retry-after']);
			} else {
				// plain words in the message: n8n replaces messages that contain a socket code
				failure = new ProviderApiError(
					`Could not reach ${provider.displayName}: ${NETWORK_FAILURES[networkCode ?? ''] ?? 'network error'}`,
					provider.displayName,
					null,
					networkCode,
					`${networkCode} on the request to ${new URL(baseUrl).host}, before any answer arrived (after ${attemptNumber} attempt${attemptNumber === 1 ? '' : 's'}). Check the Base URL in the credential and the network.`,
				);
				if (!isRetryableNetworkError(networkCode, idempotent)) throw failure;
			}
			const delay = retryDelayMs(attemptNumber, policy, retryAfterMs);
			if (attemptNumber >= policy.maxAttempts || waited + delay > policy.maxTotalWaitMs) {
				throw afterRetries(failure, attemptNumber);
			}
			waited += delay;
			await sleep(delay);
		}
	}

	const accountScope = createHash('sha256')
		.update(`${provider.id}\n${baseUrl}\n${provider.accountIdentity(credentials)}`)
		.digest('hex')
		.slice(0, 16);
	return { request, accountScope };
}
