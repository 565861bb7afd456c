import {
	CredentialsRejectedError,
	isTokenFresh,
	REJECTED_CREDENTIALS_COOLDOWN_MS,
	TOKEN_RENEW_MARGIN_MS,
	TokenCache,
} from '../../nodes/WhatsAppSenders/transport/tokenCache';

function clock(start = 1_000_000) {
	let now = start;
	return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('Access tokens kept for a provider with a token exchange', () => {
	it('counts a token as fresh until a minute before it expires', () => {
		expect(
			isTokenFresh({ token: 't', expiresAt: 10 * 60_000 }, 10 * 60_000 - TOKEN_RENEW_MARGIN_MS - 1),
		).toBe(true);
		expect(
			isTokenFresh({ token: 't', expiresAt: 10 * 60_000 }, 10 * 60_000 - TOKEN_RENEW_MARGIN_MS),
		).toBe(false);
		expect(isTokenFresh(undefined, 0)).toBe(false);
	});

	it('exchanges once and reuses the token until it is about to expire', async () => {
		const time = clock();
		const cache = new TokenCache(time.now);
		let exchanges = 0;
		const exchange = async () => ({ token: `t${++exchanges}`, expiresAt: time.now() + 3_600_000 });
		expect((await cache.get('k', exchange)).token).toBe('t1');
		expect((await cache.get('k', exchange)).token).toBe('t1');
		time.advance(3_600_000 - TOKEN_RENEW_MARGIN_MS);
		expect((await cache.get('k', exchange)).token).toBe('t2');
	});

	it('shares one exchange between requests that start together', async () => {
		const cache = new TokenCache();
		let exchanges = 0;
		const exchange = async () => ({ token: `t${++exchanges}`, expiresAt: Date.now() + 3_600_000 });
		const tokens = await Promise.all([
			cache.get('k', exchange),
			cache.get('k', exchange),
			cache.get('k', exchange),
		]);
		expect(tokens.map((t) => t.token)).toEqual(['t1', 't1', 't1']);
	});

	it('fetches a new token after the provider refused the current one', async () => {
		const cache = new TokenCache();
		let exchanges = 0;
		const exchange = async () => ({ token: `t${++exchanges}`, expiresAt: Date.now() + 3_600_000 });
		await cache.get('k', exchange);
		cache.invalidate('k', 't1');
		expect((await cache.get('k', exchange)).token).toBe('t2');
	});

	it('does not ask again for ten minutes after the credentials were rejected', async () => {
		const time = clock();
		const cache = new TokenCache(time.now);
		let exchanges = 0;
		const rejecting = async () => {
			exchanges++;
			throw new CredentialsRejectedError(new Error('wrong secret'));
		};
		await expect(cache.get('k', rejecting)).rejects.toThrow('wrong secret');
		const until = time.now() + REJECTED_CREDENTIALS_COOLDOWN_MS;
		await expect(cache.get('k', rejecting)).rejects.toMatchObject({
			message: 'wrong secret',
			until,
		});
		expect(exchanges).toBe(1);
		time.advance(REJECTED_CREDENTIALS_COOLDOWN_MS);
		await expect(cache.get('k', rejecting)).rejects.toThrow('wrong secret');
		expect(exchanges).toBe(2);
	});

	it('asks again at once after a failure that was not a rejection (network, server error)', async () => {
		const cache = new TokenCache();
		let exchanges = 0;
		const failing = async () => {
			exchanges++;
			throw new Error('connection reset');
		};
		await expect(cache.get('k', failing)).rejects.toThrow();
		await expect(cache.get('k', failing)).rejects.toThrow();
		expect(exchanges).toBe(2);
	});
});
