import { ProviderApiError } from '../../nodes/WhatsAppSenders/core/errors';
import { findProvider } from '../../nodes/WhatsAppSenders/providers';
import type { ProviderRequest, Repeat } from '../../nodes/WhatsAppSenders/providers/types';
import { readAnswer } from '../../nodes/WhatsAppSenders/transport/answer';
import {
	decideRetry,
	DEFAULT_RETRY_POLICY,
	type FailureFacts,
	type Outcome,
	parseRetryAfter,
	policyFor,
	repeatOf,
	retryDelayMs,
	withRetries,
} from '../../nodes/WhatsAppSenders/transport/retry';

/**
 * Every provider's documented rate limits and errors, through the provider's own error
 * reading (answer.ts and its adapter) and the one decision (decideRetry): is the request
 * sent again, and after how long. `attempt` is the attempt that just failed, `waited` what
 * the request had waited before it.
 */
type Answer = { status: number; body?: unknown; retryAfter?: string } | { networkCode: string };

function factsOf(providerId: string, request: ProviderRequest, answer: Answer): FailureFacts {
	const provider = findProvider(providerId)!;
	const attempt =
		'networkCode' in answer
			? answer
			: {
					response: {
						statusCode: answer.status,
						headers: answer.retryAfter === undefined ? {} : { 'retry-after': answer.retryAfter },
						body: JSON.stringify(answer.body ?? {}),
					},
				};
	const outcome = readAnswer(provider, attempt, request, 'http://127.0.0.1:9');
	if (outcome.kind === 'done') throw new Error('the answer was read as a success');
	return outcome.facts;
}

const get = (path: string): ProviderRequest => ({ method: 'GET', path });
const post = (path: string, repeat?: Repeat): ProviderRequest => ({
	method: 'POST',
	path,
	body: {},
	repeat,
});

const ROWS: Array<
	[string, string, ProviderRequest, Answer, number, number, ReturnType<typeof decideRetry>]
> = [
	// provider, what happens, the request, the answer, attempt, waited (ms), the decision (jitter 0)
	[
		'twilio',
		'a create throttled (20429): Twilio did not process it',
		post('/v2/Channels/Senders', 'ifNotProcessed'),
		{ status: 429, body: { code: 20429, message: 'Too Many Requests' } },
		1,
		0,
		{ retry: true, waitMs: 250 },
	],
	[
		'twilio',
		'a create answered 503: it may have been created',
		post('/v2/Channels/Senders', 'ifNotProcessed'),
		{ status: 503, body: { code: 20503 } },
		1,
		0,
		{ retry: false },
	],
	[
		'twilio',
		'a list page answered 503',
		get('/v2/Channels/Senders'),
		{ status: 503, body: { code: 20503 } },
		1,
		0,
		{ retry: true, waitMs: 250 },
	],
	[
		'twilio',
		'an update (the same values again) answered 502',
		post('/v2/Channels/Senders/XE1', 'safe'),
		{ status: 502 },
		2,
		250,
		{ retry: true, waitMs: 500 },
	],
	[
		'twilio',
		'a list page 404',
		get('/v2/Channels/Senders/XE1'),
		{ status: 404, body: { code: 20404 } },
		1,
		0,
		{ retry: false },
	],
	[
		'twilio',
		'a list page throttled with Retry-After 3',
		get('/v2/Channels/Senders'),
		{ status: 429, retryAfter: '3' },
		1,
		0,
		{ retry: true, waitMs: 3000 },
	],
	[
		'metaCloud',
		'request_code over the WABA rate limit (80007): not processed',
		post('/v23.0/1/request_code'),
		{
			status: 400,
			body: { error: { message: 'Rate limit hit', type: 'OAuthException', code: 80007 } },
		},
		1,
		0,
		{ retry: true, waitMs: 250 },
	],
	[
		'metaCloud',
		"the app's rate limit (4) on a list",
		get('/v23.0/1/phone_numbers'),
		{
			status: 400,
			body: {
				error: { message: 'Application request limit reached', type: 'OAuthException', code: 4 },
			},
		},
		1,
		0,
		{ retry: true, waitMs: 250 },
	],
	[
		'metaCloud',
		'register failing with is_transient: it may have been processed',
		post('/v23.0/1/register'),
		{
			status: 500,
			body: {
				error: { message: 'Temporary', type: 'OAuthException', code: 2, is_transient: true },
			},
		},
		1,
		0,
		{ retry: false },
	],
	[
		'metaCloud',
		'a list failing with is_transient',
		get('/v23.0/1/phone_numbers'),
		{
			status: 500,
			body: {
				error: { message: 'Temporary', type: 'OAuthException', code: 2, is_transient: true },
			},
		},
		1,
		0,
		{ retry: true, waitMs: 250 },
	],
	[
		'metaCloud',
		'an invalid parameter (100)',
		get('/v23.0/1/phone_numbers'),
		{
			status: 400,
			body: { error: { message: 'Invalid parameter', type: 'OAuthException', code: 100 } },
		},
		1,
		0,
		{ retry: false },
	],
	[
		'ycloud',
		'the per-second quota: Retry-After 2',
		get('/whatsapp/phoneNumbers'),
		{
			status: 429,
			retryAfter: '2',
			body: { error: { status: 429, code: 'ACCOUNT_RATE_LIMITED' } },
		},
		1,
		0,
		{ retry: true, waitMs: 2000 },
	],
	[
		'ycloud',
		'the hourly quota: Retry-After 1,800 s, longer than a poll',
		get('/whatsapp/phoneNumbers'),
		{
			status: 429,
			retryAfter: '1800',
			body: { error: { status: 429, code: 'ACCOUNT_RATE_LIMITED' } },
		},
		1,
		0,
		{ retry: false, honourAfterMs: 1_800_000 },
	],
	[
		'ycloud',
		'a profile update answered 503: YCloud may have passed it on to Meta',
		{
			method: 'PATCH',
			path: '/whatsapp/phoneNumbers/1/%2B1/profile',
			body: {},
			repeat: 'ifNotProcessed',
		},
		{ status: 503 },
		1,
		0,
		{ retry: false },
	],
	[
		'gupshup',
		'Waba Info over 10 a minute, no Retry-After: the documented 1-minute cooldown',
		get('/partner/app/a/waba/info'),
		{ status: 429, body: { status: 'error', message: 'Too Many Requests' } },
		1,
		0,
		{ retry: true, waitMs: 60_000 },
	],
	[
		'gupshup',
		'the same a third time: two cooldowns spent, the third passed on',
		get('/partner/app/a/waba/info'),
		{ status: 429, body: { status: 'error', message: 'Too Many Requests' } },
		3,
		120_000,
		{ retry: false, honourAfterMs: 60_000 },
	],
	[
		'sinch',
		'Request Code over its limit (sender-register-too-many-requests): sent once',
		post('/v1/projects/p/whatsapp/senders/s/register', 'never'),
		{
			status: 429,
			retryAfter: '1',
			body: {
				errorCode: 'sender-register-too-many-requests',
				message: 'Sender register too many requests.',
				resolution: 'Register sender request limits reached. Please try again later.',
			},
		},
		1,
		0,
		{ retry: false },
	],
	[
		'sinch',
		'Delete answered 502: never repeated',
		{ method: 'DELETE', path: '/v1/projects/p/whatsapp/senders/s', repeat: 'never' },
		{ status: 502 },
		1,
		0,
		{ retry: false },
	],
	[
		'sinch',
		'a list page throttled without Retry-After',
		get('/v1/projects/p/whatsapp/senders'),
		{
			status: 429,
			body: {
				errorCode: 'too_many_requests',
				message: 'Too many requests.',
				resolution: 'Retry later.',
			},
		},
		1,
		0,
		{ retry: true, waitMs: 250 },
	],
	[
		'99digital',
		'Delete, a reset connection: it may have been deleted',
		{ method: 'DELETE', path: '/api/whatsapp/deleteWhatsApp', body: {}, repeat: 'never' },
		{ networkCode: 'ECONNRESET' },
		1,
		0,
		{ retry: false },
	],
	[
		'99digital',
		'registerNumber, a refused connection: nothing reached 99digital',
		post('/api/whatsapp/registerNumber', 'ifNotProcessed'),
		{ networkCode: 'ECONNREFUSED' },
		1,
		0,
		{ retry: true, waitMs: 250 },
	],
	[
		'99digital',
		'registerNumber, a timeout: the code may be on its way',
		post('/api/whatsapp/registerNumber', 'ifNotProcessed'),
		{ networkCode: 'ECONNABORTED' },
		1,
		0,
		{ retry: false },
	],
	[
		'autocalls',
		'a list, a reset connection',
		get('/user/whatsapp-senders'),
		{ networkCode: 'ECONNRESET' },
		1,
		0,
		{ retry: true, waitMs: 250 },
	],
	[
		'famulor',
		'a list, the fifth attempt failing: attempts spent',
		get('/user/whatsapp-senders'),
		{ status: 502 },
		5,
		7_500,
		{ retry: false },
	],
];

describe('whether a failed request is sent again, and when: every provider', () => {
	it.each(ROWS)('%s: %s', (providerId, _case, request, answer, attempt, waited, decision) => {
		const policy = policyFor(findProvider(providerId)!);
		expect(
			decideRetry(
				repeatOf(request),
				factsOf(providerId, request, answer),
				attempt,
				waited,
				policy,
				() => 0,
			),
		).toEqual(decision);
	});

	it.each([
		[400, 'safe'],
		[401, 'safe'],
		[403, 'safe'],
		[404, 'safe'],
		[422, 'safe'],
	] as const)('never sends %p again, even a read', (status, repeat) => {
		expect(decideRetry(repeat, { status }, 1, 0, DEFAULT_RETRY_POLICY).retry).toBe(false);
	});

	it('takes a POST as an action and anything else as safe to repeat, unless the request says otherwise', () => {
		expect(
			[
				post('/x'),
				get('/x'),
				{ method: 'DELETE', path: '/x' } as ProviderRequest,
				post('/x', 'safe'),
			].map(repeatOf),
		).toEqual(['ifNotProcessed', 'safe', 'safe', 'safe']);
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

describe('the loop that applies the decision', () => {
	const throttled = (facts: FailureFacts): Outcome => ({
		kind: 'fail',
		failure: new ProviderApiError(
			'YCloud error code ACCOUNT_RATE_LIMITED',
			'YCloud',
			429,
			'ACCOUNT_RATE_LIMITED',
			'HTTP 429 from YCloud.',
		),
		facts,
	});

	it('gives up at once on a Retry-After longer than the budget, sending nothing more, and passes it on for the trigger to honour', async () => {
		let attempts = 0;
		const failure = await withRetries(DEFAULT_RETRY_POLICY, 'safe', async () => {
			attempts++;
			return throttled({ status: 429, retryAfterMs: 1_800_000 });
		}).catch((error: ProviderApiError) => error);
		expect(attempts).toBe(1);
		expect((failure as ProviderApiError).retryAfterMs).toBe(1_800_000);
	});

	it('passes no Retry-After on for a request that is never repeated', async () => {
		const failure = await withRetries(DEFAULT_RETRY_POLICY, 'never', async () =>
			throttled({ status: 429, retryAfterMs: 1_800_000 }),
		).catch((error: ProviderApiError) => error);
		expect((failure as ProviderApiError).retryAfterMs).toBeUndefined();
	});

	it('says how many attempts it made when it gave up after more than one', async () => {
		const failure = await withRetries(
			{ ...DEFAULT_RETRY_POLICY, baseDelayMs: 1, maxDelayMs: 1 },
			'safe',
			async () => throttled({ status: 503 }),
		).catch((error: ProviderApiError) => error);
		expect((failure as ProviderApiError).description).toMatch(/Gave up after 5 attempts\.$/);
	});
});
