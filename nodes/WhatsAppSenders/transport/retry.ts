import { sleep } from 'n8n-workflow';

import { ProviderApiError } from '../core/errors';

/** The retry policy (pure: which failures to retry, how long to wait) and the loop that applies it. */

/**
 * What one answer means: the value, or a failure that may be worth another attempt
 * (`tokenExpired`: the provider refused the access token, a new one may get another answer).
 */
export type Outcome =
	| { kind: 'done'; value: unknown }
	| {
			kind: 'fail';
			failure: ProviderApiError;
			retryable: boolean;
			retryAfterMs?: number;
			tokenExpired?: boolean;
	  };

export interface RetryPolicy {
	maxAttempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/** Total time a request may spend waiting between attempts before it gives up. */
	maxTotalWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 5,
	baseDelayMs: 500,
	maxDelayMs: 10_000,
	maxTotalWaitMs: 30_000,
};

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);
const RETRYABLE_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ECONNABORTED',
	'ETIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	'ERR_BAD_RESPONSE',
]);

/**
 * A 429 means the provider did not process the request (Twilio documents this for 20429),
 * so even a create may be repeated. Any other failure of a non-idempotent request may have
 * taken effect, and is not repeated.
 */
export function isRetryableStatus(status: number, idempotent: boolean): boolean {
	return status === 429 || (idempotent && RETRYABLE_STATUS.has(status));
}

/** A refused connection never reached the provider, so even a create may try again. */
export function isRetryableNetworkError(code: string | undefined, idempotent: boolean): boolean {
	if (code === 'ECONNREFUSED') return true;
	return idempotent && code !== undefined && RETRYABLE_NETWORK_CODES.has(code);
}

/** Retry-After as seconds or an HTTP date, in milliseconds; undefined when absent or unreadable. */
export function parseRetryAfter(header: unknown, now: number = Date.now()): number | undefined {
	const value = Array.isArray(header) ? header[0] : header;
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff with full jitter; a Retry-After from the provider wins when it is longer. */
export function retryDelayMs(
	attempt: number,
	policy: RetryPolicy,
	retryAfterMs: number | undefined,
	random: () => number = Math.random,
): number {
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
	const backoff = Math.round(ceiling / 2 + (random() * ceiling) / 2);
	return retryAfterMs === undefined ? backoff : Math.max(retryAfterMs, backoff);
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

/** Repeats an attempt with backoff while its failure is retryable and the time budget lasts. */
export async function withRetries(
	policy: RetryPolicy,
	attempt: () => Promise<Outcome>,
): Promise<unknown> {
	let waited = 0;
	for (let attemptNumber = 1; ; attemptNumber++) {
		const outcome = await attempt();
		if (outcome.kind === 'done') return outcome.value;
		const delay = retryDelayMs(attemptNumber, policy, outcome.retryAfterMs);
		if (
			!outcome.retryable ||
			attemptNumber >= policy.maxAttempts ||
			waited + delay > policy.maxTotalWaitMs
		) {
			const failure = afterRetries(outcome.failure, attemptNumber);
			// a wait the provider asked for that this request could not afford: the caller may honour it
			if (
				outcome.retryable &&
				outcome.retryAfterMs !== undefined &&
				waited + delay > policy.maxTotalWaitMs
			) {
				failure.retryAfterMs = outcome.retryAfterMs;
			}
			throw failure;
		}
		waited += delay;
		await sleep(delay);
	}
}
