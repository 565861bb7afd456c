import { ProviderApiError, UnexpectedResponseError } from '../core/errors';
import type { ProviderAdapter, ProviderErrorDetail, ProviderRequest } from '../providers/types';
import { type Outcome, parseRetryAfter } from './retry';
import type { Attempt, RawResponse } from './send';

const NETWORK_FAILURES: Record<string, string> = {
	ECONNREFUSED: 'connection refused',
	ECONNRESET: 'connection reset',
	ECONNABORTED: 'timed out',
	ETIMEDOUT: 'timed out',
	ENOTFOUND: 'host not found',
	EAI_AGAIN: 'host name lookup failed',
	EPIPE: 'connection closed',
};

/**
 * The body, read as text and parsed here so a truncated or non-JSON answer is reported as
 * such instead of slipping through as a string.
 */
export function parseBody(provider: ProviderAdapter, response: RawResponse): unknown {
	const text = typeof response.body === 'string' ? response.body : '';
	if (text.trim() === '') return undefined;
	try {
		return JSON.parse(text);
	} catch {
		// not JSON: unreadable in a success, the provider's own words (shortened) in a failure
	}
	if (response.statusCode >= 200 && response.statusCode < 300) {
		throw new UnexpectedResponseError(provider.displayName, 'the body is not valid JSON');
	}
	return text.slice(0, 200);
}

/**
 * Where a request went, as "GET https://host/path": no query string, and the Base URL rule
 * already refuses a user name or password in it, so nothing secret is named.
 */
function askedUrl(baseUrl: string, request: ProviderRequest): string {
	try {
		const url = new URL(`${baseUrl}${request.path}`);
		return `${request.method} ${url.origin}${url.pathname}`;
	} catch {
		return `${request.method} ${request.path}`;
	}
}

export function apiError(
	provider: ProviderAdapter,
	status: number,
	detail: ProviderErrorDetail,
	asked?: string,
): ProviderApiError {
	const own = [detail.code && `code ${detail.code}`, detail.message].filter(Boolean).join(': ');
	const moreInfo = detail.moreInfo ? ` More information: ${detail.moreInfo}` : '';
	if (status === 401 || status === 403 || detail.credentialsRejected) {
		return new ProviderApiError(
			`${provider.displayName} rejected the credentials (HTTP ${status})`,
			provider.displayName,
			status,
			detail.code,
			`Check ${provider.credentialHint} in the ${provider.displayName} credential.${own ? ` ${provider.displayName} said: ${own.replace(/\.+$/, '')}.` : ''}${detail.hint ? ` ${detail.hint}` : ''}${moreInfo}`,
		);
	}
	// a 404 names the URL that was asked: a wrong Base URL (Autocalls' and Famulor's end in
	// /api) answers every request with Not Found, which alone does not say where to look
	const hint =
		detail.hint ??
		(status === 404
			? `Check the Base URL in the ${provider.displayName} credential (by default ${provider.defaultBaseUrl}) and any ID given to the node.`
			: undefined);
	return new ProviderApiError(
		`${provider.displayName} error${own ? ` ${own}` : ` (HTTP ${status})`}`,
		provider.displayName,
		status,
		detail.code,
		`HTTP ${status} from ${provider.displayName}${asked ? ` for ${asked}` : ''}.${hint ? ` ${hint}` : ''}${moreInfo}`,
	);
}

/**
 * A failure in the provider's words, with the facts retry.ts decides on: the status, what
 * the provider's own code says (throttled and not processed; temporary), and the wait it
 * asked for (Retry-After, or after a 429 its documented cooldown).
 */
export function failed(
	provider: ProviderAdapter,
	response: RawResponse,
	detail: ProviderErrorDetail,
	asked?: string,
): Outcome {
	const status = response.statusCode;
	return {
		kind: 'fail',
		failure: apiError(provider, status, detail, asked),
		facts: {
			status,
			notProcessed: detail.notProcessed,
			transient: detail.transient,
			retryAfterMs:
				parseRetryAfter(response.headers?.['retry-after']) ??
				(status === 429 ? provider.rateLimitCooldownMs : undefined),
		},
		tokenExpired: detail.tokenExpired,
	};
}

/** No answer came: the host and, in plain words, why. */
export function unreachable(
	provider: ProviderAdapter,
	networkCode: string,
	baseUrl: string,
): Outcome {
	// plain words in the message: n8n replaces messages that contain a socket code
	const failure = new ProviderApiError(
		`Could not reach ${provider.displayName}: ${NETWORK_FAILURES[networkCode] ?? 'network error'}`,
		provider.displayName,
		null,
		networkCode,
		`${networkCode} on the request to ${new URL(baseUrl).host}, before any answer arrived. Check the Base URL in the credential and the network.`,
	);
	return { kind: 'fail', failure, facts: { networkCode } };
}

/**
 * What an answer to a provider request means. 2xx is success unless the provider's envelope
 * says otherwise (99digital's HTTP 200 "FAIL").
 */
export function readAnswer(
	provider: ProviderAdapter,
	attempt: Attempt,
	request: ProviderRequest,
	baseUrl: string,
): Outcome {
	if ('networkCode' in attempt) return unreachable(provider, attempt.networkCode, baseUrl);
	const { response } = attempt;
	const body = parseBody(provider, response);
	const success = response.statusCode >= 200 && response.statusCode < 300;
	const detail = success
		? provider.checkBody?.(body, request)
		: provider.parseError(response.statusCode, body, request);
	return detail
		? failed(provider, response, detail, askedUrl(baseUrl, request))
		: { kind: 'done', value: body };
}
