import { sleep } from 'n8n-workflow';

import { ProviderApiError } from '../core/errors';
import type { ProviderAdapter, ProviderRequest, Repeat } from '../providers/types';

/**
 * Whether a failed request is sent again, and after how long: the one place it is decided
 * (`decideRetry`), from what the request declares (`repeat`), what the failure says
 * (`FailureFacts`, read from the answer by answer.ts) and how much of the request's budget
 * is left. `withRetries` is the loop that applies it.
 */

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

/** What a failed attempt says about sending it again: facts only, read from the answer. */
export interface FailureFacts {
	/** The HTTP status; undefined when no answer came. */
	status?: number;
	/** Why no answer came (ECONNRESET, ETIMEDOUT…). */
	networkCode?: string;
	/** The provider's own code says throttled and not processed (Meta's 4, 80007, 130429; YCloud's ACCOUNT_RATE_LIMITED). */
	notProcessed?: boolean;
	/** The provider calls the failure temporary without saying it was not processed (Meta's is_transient). */
	transient?: boolean;
	/** How long the provider asked to wait: its Retry-After, or after a 429 its documented cooldown. */
	retryAfterMs?: number;
}

/**
 * What one answer means: the value, or a failure with its facts (`tokenExpired`: the
 * provider refused the access token, which http.ts renews once before anything else).
 */
export type Outcome =
	| { kind: 'done'; value: unknown }
	| { kind: 'fail'; failure: ProviderApiError; facts: FailureFacts; tokenExpired?: boolean };

export type RetryDecision =
	| { retry: true; waitMs: number }
	/** `honourAfterMs`: a wait the provider asked for that this request could not afford; the trigger honours it across polls. */
	| { retry: false; honourAfterMs?: number };

const TEMPORARY_STATUS = new Set([500, 502, 503, 504]);
const TEMPORARY_NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNABORTED',
	'ETIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	'ERR_BAD_RESPONSE',
]);

/** What a request declares, or its method's default: a POST creates or acts, everything else reads or sets a whole value. */
export function repeatOf(request: ProviderRequest): Repeat {
	return request.repeat ?? (request.method === 'POST' ? 'ifNotProcessed' : 'safe');
}

/**
 * The provider did not act on the request: a 429 (Twilio documents 20429 so; every provider
 * here answers a rate limit before doing anything), its own throttling code, or a refused
 * connection (nothing reached it).
 */
function notProcessed(facts: FailureFacts): boolean {
	return (
		facts.notProcessed === true || facts.status === 429 || facts.networkCode === 'ECONNREFUSED'
	);
}

/** A failure that may pass, but after which the provider may have acted: only a request safe to repeat is sent again. */
function temporary(facts: FailureFacts): boolean {
	return (
		facts.transient === true ||
		(facts.status !== undefined && TEMPORARY_STATUS.has(facts.status)) ||
		(facts.networkCode !== undefined && TEMPORARY_NETWORK_CODES.has(facts.networkCode))
	);
}

/**
 * Whether to send a failed request again (`attempt` is the number of the attempt that just
 * failed, `waitedMs` what the request has waited so far), and how long to wait first:
 * - `never`: not repeated, whatever the failure.
 * - `ifNotProcessed`: repeated only when the provider did not act on it (above).
 * - `safe`: also after a temporary failure (5xx, a lost connection, Meta's is_transient).
 * The wait is exponential backoff with jitter, or the provider's Retry-After when longer; a
 * request gives up when its attempts or its wait budget run out, and passes on a Retry-After
 * it could not afford.
 */
export function decideRetry(
	repeat: Repeat,
	facts: FailureFacts,
	attempt: number,
	waitedMs: number,
	policy: RetryPolicy,
	random: () => number = Math.random,
): RetryDecision {
	const repeatable =
		repeat !== 'never' && (notProcessed(facts) || (repeat === 'safe' && temporary(facts)));
	if (!repeatable) return { retry: false };
	const waitMs = retryDelayMs(attempt, policy, facts.retryAfterMs, random);
	const unaffordable = waitedMs + waitMs > policy.maxTotalWaitMs;
	if (attempt >= policy.maxAttempts || unaffordable) {
		return unaffordable && facts.retryAfterMs !== undefined
			? { retry: false, honourAfterMs: facts.retryAfterMs }
			: { retry: false };
	}
	return { retry: true, waitMs };
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

/** A provider's documented cooldown (Gupshup's minute) may be waited out twice within one request's budget. */
export function policyFor(
	provider: ProviderAdapter,
	policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): RetryPolicy {
	const cooldownMs = provider.rateLimitCooldownMs;
	return cooldownMs === undefined
		? policy
		: {
				...policy,
				maxTotalWaitMs: Math.max(policy.maxTotalWaitMs, 2 * cooldownMs + policy.maxDelayMs),
			};
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

/** Sends an attempt again while decideRetry says so. */
export async function withRetries(
	policy: RetryPolicy,
	repeat: Repeat,
	attempt: () => Promise<Outcome>,
): Promise<unknown> {
	let waited = 0;
	for (let attemptNumber = 1; ; attemptNumber++) {
		const outcome = await attempt();
		if (outcome.kind === 'done') return outcome.value;
		const decision = decideRetry(repeat, outcome.facts, attemptNumber, waited, policy);
		if (!decision.retry) {
			const failure = afterRetries(outcome.failure, attemptNumber);
			if (decision.honourAfterMs !== undefined) failure.retryAfterMs = decision.honourAfterMs;
			throw failure;
		}
		waited += decision.waitMs;
		await sleep(decision.waitMs);
	}
}
