import { randomBytes } from 'node:crypto';

import { registerCanary } from '../support/canaries';
import { bearerToken, type RecordedRequest, type SimulatedResponse, HttpSimulator } from './server';

/**
 * 99digital's Partners API as its documentation describes it (shared/provider-docs and
 * docs.99digital.co.il/partners-api): POST /api/settings/accessToken trades client id +
 * secret for a 1-hour Bearer token; every answer carries "status" OK/FAIL and a "reason",
 * failures with HTTP 200; too many wrong secrets block the caller (reason 3).
 * The register → registered-list lifecycle: a registered number waits in
 * getRegisteredNumbers (verification itself is done in 99digital's dashboard here, see
 * `verifyRegistered`, because its API call is not documented precisely enough to simulate).
 * deleteWhatsApp cancels a number at once (JSON body { whatsapp } on DELETE). Reason codes
 * are each endpoint's own, as its page lists them.
 */

export interface NinetyNineNumberSeed {
	phoneDigits: string;
	displayName?: string;
	businessName?: string;
	/** Attached to an inbox of 99digital's "Online" product (isOnline, onlineAccount, onlineInbox); attached by default. */
	inbox?: boolean;
	coexistence?: boolean;
	conversationsThisMonth?: number;
}

interface PendingRegistration {
	whatsapp: string;
	method: number;
	requests: number;
	verified: boolean;
}

export class NinetyNineDigitalSimulator extends HttpSimulator {
	readonly numbers: Array<Record<string, unknown>> = [];

	readonly registrations = new Map<string, PendingRegistration>();

	/** Lifetime of new tokens, in seconds; a test can shorten it. */
	tokenTtlSeconds = 3600;

	/** HTTP status of FAIL answers: 99digital documents none, and often answers 200. */
	failStatus = 200;

	private readonly tokens = new Map<string, number>();

	private wrongAttempts = 0;

	tokenRequests = 0;

	constructor(
		readonly clientId: string,
		readonly clientSecret: string,
		/** Wrong secrets in a row before the IP is blocked (reason 3). */
		readonly blockAfterWrongAttempts = 5,
	) {
		super();
	}

	/** A number's own API key: a secret the node must not output unless asked to. */
	private numberKey(): string {
		const key = `number-key-${randomBytes(8).toString('hex')}`;
		registerCanary(key, 'numberKey');
		return key;
	}

	addNumbers(...seeds: NinetyNineNumberSeed[]): void {
		for (const seed of seeds) {
			this.numbers.push({
				create_time: 1735811185,
				whatsapp: seed.phoneDigits,
				apiKey: this.numberKey(),
				display_name: seed.displayName ?? 'The WhatsApp Display name',
				business_name: seed.businessName ?? 'The Business Name',
				isOnline: seed.inbox === false ? 0 : 1,
				onlineAccount: seed.inbox === false ? 0 : 1,
				onlineInbox: seed.inbox === false ? 0 : 2,
				coexistence: seed.coexistence ? 1 : 0,
				conversationsThisMonth: seed.conversationsThisMonth ?? 6,
				marketingThisMonth: 3,
				serviceThisMonth: 3,
				incomingThisMonth: 0,
			});
		}
	}

	/** Attaches the number to an Online inbox (as the partner does with createInbox) or removes the inbox. */
	setInbox(phoneDigits: string, attached: boolean): void {
		const number = this.numbers.find((entry) => entry.whatsapp === phoneDigits);
		if (!number) throw new Error(`no simulated 99digital number ${phoneDigits}`);
		Object.assign(
			number,
			attached
				? { isOnline: 1, onlineAccount: 1, onlineInbox: 7 }
				: { isOnline: 0, onlineAccount: 0, onlineInbox: 0 },
		);
	}

	/** Every token issued so far stops working, as after its hour. */
	expireTokens(): void {
		for (const token of this.tokens.keys()) this.tokens.set(token, 0);
	}

	/** What the partner does after the code arrives; the number then waits in getRegisteredNumbers. */
	verifyRegistered(phoneDigits: string): void {
		const registration = this.registrations.get(phoneDigits);
		if (!registration) throw new Error(`${phoneDigits} was not registered`);
		registration.verified = true;
	}

	private fail(reason: number, status = this.failStatus): SimulatedResponse {
		return { status, body: { status: 'FAIL', reason } };
	}

	protected route(request: RecordedRequest): SimulatedResponse {
		if (request.path === '/api/settings/accessToken') return this.issueToken(request);
		const token = bearerToken(request.headers);
		const expiresAt = token === undefined ? undefined : this.tokens.get(token);
		if (expiresAt === undefined || expiresAt <= Date.now()) return this.fail(3);
		switch (request.path) {
			case '/api/whatsapp/getWhatsApp':
				if (request.method !== 'GET') return this.fail(13);
				return { status: 200, body: this.numbersAnswer() };
			case '/api/whatsapp/getRegisteredNumbers':
				if (request.method !== 'GET') return this.fail(13);
				return {
					status: 200,
					body: {
						status: 'OK',
						reason: 1,
						list: [...this.registrations.values()]
							.filter((registration) => registration.verified)
							.map((registration) => ({
								whatsapp: registration.whatsapp,
								expiration: Math.floor(Date.now() / 1000) + 90 * 86400,
								onboarding_link: null,
								comment: '',
							})),
					},
				};
			case '/api/whatsapp/registerNumber':
				if (request.method !== 'POST') return this.fail(13);
				return this.register(request);
			case '/api/whatsapp/deleteWhatsApp':
				if (request.method !== 'DELETE') return this.fail(13);
				return this.deleteNumber(request);
			default:
				return { status: 404, body: { status: 'FAIL', reason: 0, message: 'not found' } };
		}
	}

	private issueToken(request: RecordedRequest): SimulatedResponse {
		this.tokenRequests += 1;
		if (this.wrongAttempts >= this.blockAfterWrongAttempts) return this.fail(3);
		let body: Record<string, unknown>;
		try {
			body = JSON.parse(request.body) as Record<string, unknown>;
		} catch {
			return this.fail(2);
		}
		if (body.client_id !== this.clientId || body.client_secret !== this.clientSecret) {
			this.wrongAttempts += 1;
			return this.fail(2);
		}
		this.wrongAttempts = 0;
		const token = randomBytes(16).toString('hex');
		registerCanary(token, 'token');
		const expiresAt = Date.now() + this.tokenTtlSeconds * 1000;
		this.tokens.set(token, expiresAt);
		return {
			status: 200,
			body: {
				access_token: token,
				expiration_time: String(Math.floor(expiresAt / 1000)),
				token_type: 'Bearer',
				reason: 1,
			},
		};
	}

	private numbersAnswer(): Record<string, unknown> {
		const sum = (field: string) =>
			this.numbers.reduce((total, number) => total + Number(number[field] ?? 0), 0);
		return {
			status: 'OK',
			reason: 1,
			totalWhatsApp: this.numbers.length,
			totalConversationsThisMonth: sum('conversationsThisMonth'),
			totalMarketingThisMonth: sum('marketingThisMonth'),
			totalServiceThisMonth: sum('serviceThisMonth'),
			totalIncomingThisMonth: sum('incomingThisMonth'),
			list: this.numbers,
		};
	}

	private register(request: RecordedRequest): SimulatedResponse {
		const body = jsonBody(request);
		if (!body) return this.fail(4);
		const whatsapp = String(body.whatsapp ?? '');
		if (!/^[1-9][0-9]{7,14}$/.test(whatsapp) || (body.method !== 1 && body.method !== 2))
			return this.fail(4);
		const registration = this.registrations.get(whatsapp) ?? {
			whatsapp,
			method: body.method,
			requests: 0,
			verified: false,
		};
		registration.requests += 1;
		this.registrations.set(whatsapp, registration);
		return { status: 200, body: { status: 'OK', reason: 1 } };
	}

	/** deleteWhatsApp's page: 2 "JSON format error", 4 number empty or wrong, 27 not in the account. */
	private deleteNumber(request: RecordedRequest): SimulatedResponse {
		const body = jsonBody(request);
		if (!body) return this.fail(2);
		const whatsapp = String(body.whatsapp ?? '');
		if (!/^[1-9][0-9]{7,14}$/.test(whatsapp)) return this.fail(4);
		const index = this.numbers.findIndex((number) => number.whatsapp === whatsapp);
		if (index === -1) return this.fail(27);
		this.numbers.splice(index, 1);
		return { status: 200, body: { status: 'OK', whatsapp, reason: 1 } };
	}
}

function jsonBody(request: RecordedRequest): Record<string, unknown> | undefined {
	try {
		return JSON.parse(request.body) as Record<string, unknown>;
	} catch {
		return undefined;
	}
}
