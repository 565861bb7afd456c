import {
	DEFAULT_RETRY_POLICY,
	isRetryableNetworkError,
	isRetryableStatus,
	parseRetryAfter,
	type Outcome,
	retryDelayMs,
	withRetries,
} from '../../nodes/WhatsAppSenders/transport/retry';
import { ProviderApiError } from '../../nodes/WhatsAppSenders/core/errors';

describe('which failures are retried', () => {
	it('retries throttling (429) even for a create, because the provider did not process it', () => {
		expect(isRetryableStatus(429, false)).toBe(true);
	});

	it.each([500, 502, 503, 504])(
		'retries %p only for requests that are safe to repeat',
		(status) => {
			expect(isRetryableStatus(status, true)).toBe(true);
			expect(isRetryableStatus(status, false)).toBe(false);
		},
	);

	it.each([400, 401, 403, 404, 422])('never retries %p', (status) => {
		expect(isRetryableStatus(status, true)).toBe(false);
	});

	it('retries a reset connection or a timeout of a list but never of a create, which may have reached the provider', () => {
		expect(isRetryableNetworkError('ECONNRESET', true)).toBe(true);
		expect(isRetryableNetworkError('ECONNRESET', false)).toBe(false);
		expect(isRetryableNetworkError('ECONNABORTED', false)).toBe(false);
	});

	it('retries a refused connection even for a create, because nothing reached the provider', () => {
		expect(isRetryableNetworkError('ECONNREFUSED', false)).toBe(true);
	});
});

describe('how long to wait', () => {
	it('reads Retry-After in seconds', () => {
		expect(parseRetryAfter('3')).toBe(3000);
	});

	it('reads Retry-After as an HTTP date', () => {
		const now = Date.parse('2026-11-23T10:00:00Z');
		expect(parseRetryAfter('Mon, 23 Nov 2026 10:00:05 GMT', now)).toBe(5000);
	});

	it('ignores an unreadable Retry-After', () => {
		expect(parseRetryAfter('soon')).toBeUndefined();
		expect(parseRetryAfter(undefined)).toBeUndefined();
	});

	it('backs off exponentially with jitter within bounds', () => {
		const waits = [1, 2, 3, 4].map((attempt) => [
			retryDelayMs(attempt, DEFAULT_RETRY_POLICY, undefined, () => 0),
			retryDelayMs(attempt, DEFAULT_RETRY_POLICY, undefined, () => 1),
		]);
		expect(waits).toEqual([
			[250, 500],
			[500, 1000],
			[1000, 2000],
			[2000, 4000],
		]);
	});

	it('never waits longer than the cap', () => {
		expect(retryDelayMs(30, DEFAULT_RETRY_POLICY, undefined, () => 1)).toBe(
			DEFAULT_RETRY_POLICY.maxDelayMs,
		);
	});

	it("waits at least as long as the provider's Retry-After", () => {
		expect(retryDelayMs(1, DEFAULT_RETRY_POLICY, 7000, () => 0)).toBe(7000);
	});
});

describe('a wait longer than a request may spend', () => {
	const throttled = (retryAfterMs: number | undefined, retryable = true): Outcome => ({
		kind: 'fail',
		failure: new ProviderApiError(
			'YCloud error code ACCOUNT_RATE_LIMITED',
			'YCloud',
			429,
			'ACCOUNT_RATE_LIMITED',
			'HTTP 429 from YCloud.',
		),
		retryable,
		retryAfterMs,
	});

	it('gives up at once, sending nothing more, and passes the Retry-After on for the trigger to honour', async () => {
		let attempts = 0;
		const failure = await withRetries(DEFAULT_RETRY_POLICY, async () => {
			attempts++;
			return throttled(1_800_000);
		}).catch((error: ProviderApiError) => error);
		expect(attempts).toBe(1);
		expect((failure as ProviderApiError).retryAfterMs).toBe(1_800_000);
	});

	it('passes no Retry-After on for a failure that may have been processed', async () => {
		const failure = await withRetries(DEFAULT_RETRY_POLICY, async () =>
			throttled(1_800_000, false),
		).catch((error: ProviderApiError) => error);
		expect((failure as ProviderApiError).retryAfterMs).toBeUndefined();
	});
});
