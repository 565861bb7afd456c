import { randomBytes } from 'node:crypto';

import { basicAuth, type RecordedRequest, type SimulatedResponse, SimulatorServer } from './server';

/**
 * Twilio's Senders API v2 as its docs and OpenAPI contract (shared/reference) describe it:
 * Basic auth with Account SID + Auth Token or API Key SID + Secret, a required Channel
 * query, PageSize 1..1000, PageToken paging with meta.next_page_url pointing at Twilio's
 * own host, and Twilio's error body { code, message, more_info, status }.
 */

export interface TwilioSenderSeed {
	sid?: string;
	phoneNumber: string;
	status?: string;
	displayName?: string;
	qualityRating?: string | null;
	messagingLimit?: string | null;
	wabaId?: string;
	offlineReasons?: Array<{ code: string; message: string; more_info?: string }> | null;
}

export type TwilioSender = Record<string, unknown> & { sid: string };

interface TwilioAccount {
	accountSid: string;
	authToken: string;
	apiKeys: Record<string, string>;
	senders: TwilioSender[];
}

const PUBLIC_HOST = 'https://messaging.twilio.com';
const SENDERS_PATH = '/v2/Channels/Senders';

export function twilioSid(prefix: string): string {
	return prefix + randomBytes(16).toString('hex');
}

export function makeTwilioSender(seed: TwilioSenderSeed): TwilioSender {
	const sid = seed.sid ?? twilioSid('XE');
	return {
		sid,
		status: seed.status ?? 'ONLINE',
		sender_id: `whatsapp:${seed.phoneNumber}`,
		configuration: {
			waba_id: seed.wabaId ?? '1234567890',
			verification_method: 'sms',
			verification_code: null,
			voice_application_sid: null,
		},
		webhook: {
			callback_url: null,
			callback_method: 'POST',
			fallback_url: null,
			fallback_method: 'POST',
			status_callback_url: null,
			status_callback_method: 'POST',
		},
		profile: {
			name: seed.displayName ?? 'Example Business',
			about: null,
			address: null,
			description: null,
			emails: null,
			logo_url: null,
			vertical: null,
			websites: null,
			banner_url: null,
			privacy_url: null,
			terms_of_service_url: null,
			accent_color: null,
			phone_numbers: null,
		},
		compliance: null,
		properties: {
			quality_rating: seed.qualityRating === undefined ? 'HIGH' : seed.qualityRating,
			messaging_limit: seed.messagingLimit === undefined ? '10K Customers/24hr' : seed.messagingLimit,
		},
		offline_reasons: seed.offlineReasons ?? null,
		url: `${PUBLIC_HOST}${SENDERS_PATH}/${sid}`,
	};
}

function twilioError(status: number, code: number, message: string): SimulatedResponse {
	return {
		status,
		body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
	};
}

function encodePageToken(offset: number): string {
	return 'PT' + Buffer.from(JSON.stringify({ offset }), 'utf8').toString('base64url');
}

function decodePageToken(token: string): number | undefined {
	if (!token.startsWith('PT')) return undefined;
	try {
		const { offset } = JSON.parse(Buffer.from(token.slice(2), 'base64url').toString('utf8'));
		return Number.isInteger(offset) && offset >= 0 ? offset : undefined;
	} catch {
		return undefined;
	}
}

function pageUrl(query: Record<string, string | number>): string {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(query)) params.set(key, String(value));
	return `${PUBLIC_HOST}${SENDERS_PATH}?${params.toString()}`;
}

export class TwilioSimulator {
	readonly server = new SimulatorServer((request) => this.route(request));

	private readonly accounts = new Map<string, TwilioAccount>();

	async start(port?: number): Promise<string> {
		return await this.server.start(port);
	}

	async stop(): Promise<void> {
		await this.server.stop();
	}

	get baseUrl(): string {
		return this.server.origin;
	}

	addAccount(accountSid: string, authToken: string, apiKeys: Record<string, string> = {}): TwilioAccount {
		const account: TwilioAccount = { accountSid, authToken, apiKeys, senders: [] };
		this.accounts.set(accountSid, account);
		return account;
	}

	account(accountSid: string): TwilioAccount {
		const account = this.accounts.get(accountSid);
		if (!account) throw new Error(`no simulated Twilio account ${accountSid}`);
		return account;
	}

	addSenders(accountSid: string, ...seeds: TwilioSenderSeed[]): TwilioSender[] {
		const senders = seeds.map(makeTwilioSender);
		this.account(accountSid).senders.push(...senders);
		return senders;
	}

	/** Changes fields of a stored sender as Twilio would after Meta reports a change. */
	updateSender(accountSid: string, sid: string, change: (sender: TwilioSender) => void): void {
		const sender = this.account(accountSid).senders.find((s) => s.sid === sid);
		if (!sender) throw new Error(`no simulated sender ${sid}`);
		change(sender);
	}

	private authenticate(request: RecordedRequest): TwilioAccount | undefined {
		const credentials = basicAuth(request.headers);
		if (!credentials) return undefined;
		for (const account of this.accounts.values()) {
			if (credentials.user === account.accountSid && credentials.password === account.authToken) return account;
			if (account.apiKeys[credentials.user] !== undefined && account.apiKeys[credentials.user] === credentials.password) {
				return account;
			}
		}
		return undefined;
	}

	private route(request: RecordedRequest): SimulatedResponse {
		const account = this.authenticate(request);
		if (!account) {
			return {
				...twilioError(401, 20003, 'Authenticate'),
				headers: { 'WWW-Authenticate': 'Basic realm="Twilio API"' },
			};
		}
		if (request.path === SENDERS_PATH || request.path === `${SENDERS_PATH}/`) {
			if (request.method === 'GET') return this.list(account, request.query);
			return twilioError(405, 20004, 'Method not allowed');
		}
		const match = /^\/v2\/Channels\/Senders\/([^/]+)$/.exec(request.path);
		if (match) {
			const index = account.senders.findIndex((s) => s.sid === match[1]);
			if (index === -1) return twilioError(404, 20404, `The requested resource ${request.path} was not found`);
			if (request.method === 'GET') return { status: 200, body: account.senders[index] };
			if (request.method === 'DELETE') {
				account.senders.splice(index, 1);
				return { status: 204 };
			}
			return twilioError(405, 20004, 'Method not allowed');
		}
		return twilioError(404, 20404, `The requested resource ${request.path} was not found`);
	}

	private list(account: TwilioAccount, query: Record<string, string>): SimulatedResponse {
		const channel = query.Channel;
		if (channel === undefined || channel === '') {
			return twilioError(400, 20001, 'Missing required parameter Channel in the query');
		}
		if (channel !== 'whatsapp' && channel !== 'rcs') {
			return twilioError(400, 20001, `Invalid Channel: ${channel}. Supported values are whatsapp and rcs`);
		}
		const pageSize = query.PageSize === undefined ? 50 : Number(query.PageSize);
		if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) {
			return twilioError(400, 20001, `Invalid PageSize: ${query.PageSize}. PageSize must be between 1 and 1000`);
		}
		let offset = 0;
		if (query.PageToken !== undefined) {
			const decoded = decodePageToken(query.PageToken);
			if (decoded === undefined) return twilioError(400, 20001, `Invalid PageToken: ${query.PageToken}`);
			offset = decoded;
		}
		const senders = channel === 'whatsapp' ? [...account.senders].sort((a, b) => a.sid.localeCompare(b.sid)) : [];
		const page = senders.slice(offset, offset + pageSize);
		const pageIndex = Math.floor(offset / pageSize);
		const hasNext = offset + pageSize < senders.length;
		const current = { PageSize: pageSize, Page: pageIndex, Channel: channel };
		return {
			status: 200,
			body: {
				senders: page,
				meta: {
					page: pageIndex,
					page_size: pageSize,
					first_page_url: pageUrl({ PageSize: pageSize, Page: 0, Channel: channel }),
					previous_page_url:
						offset > 0
							? pageUrl({
									PageSize: pageSize,
									Page: pageIndex - 1,
									PageToken: encodePageToken(Math.max(0, offset - pageSize)),
									Channel: channel,
								})
							: null,
					url: pageUrl(query.PageToken ? { ...current, PageToken: query.PageToken } : current),
					next_page_url: hasNext
						? pageUrl({
								PageSize: pageSize,
								Page: pageIndex + 1,
								PageToken: encodePageToken(offset + pageSize),
								Channel: channel,
							})
						: null,
					key: 'senders',
				},
			},
		};
	}
}
