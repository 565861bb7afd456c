import { bearerToken, type RecordedRequest, type SimulatedResponse, HttpSimulator } from './server';

/**
 * The Autocalls platform (also sold as Famulor at another host) as its docs describe it:
 * Bearer API key, GET /api/user/whatsapp/senders with `status` = online (default) | all,
 * no paging, Laravel-style errors ({ message } on 401, { message, errors } on 422).
 */

export interface PlatformSenderSeed {
	id?: number;
	phoneNumber: string;
	displayName?: string;
	status?: string;
	qualityRating?: string | null;
	messagingLimit?: number | null;
	messagingLimitFormatted?: string;
}

export type PlatformSender = Record<string, unknown> & { id: number; status: string };

export const PLATFORM_API_PREFIX = '/api';

/**
 * The sender statuses of the senders guide ("Sender Status": Online, Connecting, Pending,
 * Offline, Suspended, Failed), written in lower case as the list API writes `online`
 * (assumed for the others: the API page shows only `online`).
 */
export const PLATFORM_SENDER_STATUSES = [
	'online',
	'connecting',
	'pending',
	'offline',
	'suspended',
	'failed',
];

export class PlatformSimulator extends HttpSimulator {
	private readonly sendersByKey = new Map<string, PlatformSender[]>();

	private nextId = 1;

	constructor(readonly name: 'Autocalls' | 'Famulor') {
		super();
	}

	/** The Base URL a credential uses, like https://app.autocalls.ai/api. */
	get baseUrl(): string {
		return `${this.server.origin}${PLATFORM_API_PREFIX}`;
	}

	addApiKey(apiKey: string): void {
		if (!this.sendersByKey.has(apiKey)) this.sendersByKey.set(apiKey, []);
	}

	addSenders(apiKey: string, ...seeds: PlatformSenderSeed[]): PlatformSender[] {
		this.addApiKey(apiKey);
		const senders = seeds.map((seed) => this.makeSender(seed));
		this.sendersByKey.get(apiKey)!.push(...senders);
		return senders;
	}

	updateSender(apiKey: string, id: number, change: (sender: PlatformSender) => void): void {
		const sender = this.sendersByKey.get(apiKey)?.find((s) => s.id === id);
		if (!sender) throw new Error(`no simulated ${this.name} sender ${id}`);
		change(sender);
		checkStatus(sender.status);
	}

	senderByNumber(apiKey: string, phoneNumber: string): PlatformSender {
		const sender = this.sendersByKey.get(apiKey)?.find((s) => s.phone_number === phoneNumber);
		if (!sender) throw new Error(`no simulated ${this.name} sender ${phoneNumber}`);
		return sender;
	}

	private makeSender(seed: PlatformSenderSeed): PlatformSender {
		checkStatus(seed.status ?? 'online');
		const limit = seed.messagingLimit === undefined ? 10000 : seed.messagingLimit;
		return {
			id: seed.id ?? this.nextId++,
			phone_number: seed.phoneNumber,
			display_name: seed.displayName ?? `${this.name} sender`,
			status: seed.status ?? 'online',
			quality_rating: seed.qualityRating === undefined ? 'GREEN' : seed.qualityRating,
			messaging_limit: limit,
			messaging_limit_formatted:
				seed.messagingLimitFormatted ??
				(limit === null ? 'Unlimited' : `${limit.toLocaleString('en-US')} / 24hr`),
		};
	}

	protected route(request: RecordedRequest): SimulatedResponse {
		const token = bearerToken(request.headers);
		const senders = token === undefined ? undefined : this.sendersByKey.get(token);
		if (!senders) return { status: 401, body: { message: 'Unauthenticated.' } };
		if (request.path !== `${PLATFORM_API_PREFIX}/user/whatsapp/senders`) {
			return { status: 404, body: { message: 'Not Found', error_code: 'NOT_FOUND' } };
		}
		if (request.method !== 'GET') {
			return {
				status: 405,
				body: { message: `The ${request.method} method is not supported for this route.` },
			};
		}
		const status = request.query.status ?? 'online';
		if (status !== 'online' && status !== 'all') {
			return {
				status: 422,
				body: {
					message: 'The selected status is invalid.',
					errors: { status: ['The selected status is invalid.'] },
				},
			};
		}
		return {
			status: 200,
			body: { data: status === 'all' ? senders : senders.filter((s) => s.status === 'online') },
		};
	}
}

function checkStatus(status: string): void {
	if (!PLATFORM_SENDER_STATUSES.includes(status))
		throw new Error(`"${status}" is not a sender status of the platform's guide`);
}
