import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { GupshupSimulator } from '../simulators/gupshup';
import { InfobipSimulator } from '../simulators/infobip';
import { MetaSimulator } from '../simulators/meta';
import { NinetyNineDigitalSimulator } from '../simulators/ninetyNineDigital';
import { PlatformSimulator } from '../simulators/platform';
import { SinchSimulator } from '../simulators/sinch';
import type { HttpSimulator, RecordedRequest } from '../simulators/server';
import { TwilioSimulator, twilioSid } from '../simulators/twilio';
import { YCloudSimulator } from '../simulators/yCloud';

/**
 * One provider account holding N senders in a fresh simulator, for counting what a full
 * listing costs (the request-count test and `npm run bench`). Senders are generated from
 * their index, so every run sees the same fleet.
 */

export const LISTING_PROVIDERS = [
	'twilio',
	'metaCloud',
	'autocalls',
	'famulor',
	'99digital',
	'ycloud',
	'gupshup',
	'sinch',
	'infobip',
] as const;
export type ListingProvider = (typeof LISTING_PROVIDERS)[number];

/**
 * What a full listing (List, Return All) of N senders costs in requests that read senders,
 * the largest page each API allows, and why: `test/node/requestsPerListing.test.ts` holds the
 * node to it and `npm run bench` prints it as each row's target. `formula` is that count in N.
 */
export const EXPECTED_REQUESTS: Record<
	ListingProvider,
	{ requests: (count: number) => number; formula: string }
> = {
	// PageSize up to 1000, next_page_url until the last page
	twilio: { requests: (count) => Math.max(1, Math.ceil(count / 1000)), formula: 'ceil(N / 1,000)' },
	// limit up to 100 on /phone_numbers, paging.next until the last page
	metaCloud: { requests: (count) => Math.max(1, Math.ceil(count / 100)), formula: 'ceil(N / 100)' },
	// the whole list in one answer, no paging
	autocalls: { requests: () => 1, formula: '1 (list-only API)' },
	famulor: { requests: () => 1, formula: '1 (list-only API)' },
	'99digital': { requests: () => 1, formula: '1 (list-only API)' },
	// limit up to 100, stopping at the total the first page reports: no empty page after a full one
	// one page of the account's WABAs (their ban state and restrictions; up to 100 WABAs, the
	// fleet here has one), then the numbers at 100 a page
	ycloud: {
		requests: (count) => 1 + Math.max(1, Math.ceil(count / 100)),
		formula: '1 + ceil(N / 100)',
	},
	// Gupshup has no bulk read: the app list, then Get Waba Info for each app (one WhatsApp number)
	gupshup: { requests: (count) => 1 + count, formula: '1 + N' },
	// one read of the account, whose messaging limit every sender shares, then pageSize 100
	sinch: {
		requests: (count) => 1 + Math.max(1, Math.ceil(count / 100)),
		formula: '1 + ceil(N / 100)',
	},
	// the numbers named in the credential, 100 per quality request
	infobip: { requests: (count) => Math.max(1, Math.ceil(count / 100)), formula: 'ceil(N / 100)' },
};

export interface ListingAccount {
	provider: ListingProvider;
	simulator: HttpSimulator;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** Requests that read senders (a token exchange is not one). */
	listRequests(): RecordedRequest[];
	stop(): Promise<void>;
}

/** The i-th generated number: +1 415 then 7 digits (+1 650 after 10 million). */
export function fleetNumber(index: number): string {
	return `+1${index < 10_000_000 ? '415' : '650'}${String(index % 10_000_000).padStart(7, '0')}`;
}

const TWILIO_QUALITY = ['HIGH', 'HIGH', 'HIGH', 'MEDIUM', 'LOW'];
const TWILIO_STATUS = ['ONLINE', 'ONLINE', 'ONLINE', 'ONLINE', 'OFFLINE', 'PENDING_VERIFICATION'];
const TWILIO_LIMIT = [
	'1K Customers/24hr',
	'10K Customers/24hr',
	'100K Customers/24hr',
	'Unlimited',
];

export async function startListingAccount(
	provider: ListingProvider,
	count: number,
): Promise<ListingAccount> {
	const indexes = Array.from({ length: count }, (_, index) => index);
	switch (provider) {
		case 'twilio': {
			const twilio = new TwilioSimulator();
			const accountSid = twilioSid('AC');
			await twilio.start();
			twilio.addAccount(accountSid, 'listing-token');
			// in chunks: a call with 100,000 arguments overflows the stack
			for (let start = 0; start < count; start += 10_000) {
				twilio.addSenders(
					accountSid,
					...indexes.slice(start, start + 10_000).map((i) => ({
						phoneNumber: fleetNumber(i),
						displayName: `Client ${i}`,
						status: TWILIO_STATUS[i % TWILIO_STATUS.length],
						qualityRating: TWILIO_QUALITY[i % TWILIO_QUALITY.length],
						messagingLimit: TWILIO_LIMIT[i % TWILIO_LIMIT.length],
					})),
				);
			}
			return account(
				provider,
				twilio,
				{
					twilioSendersApi: {
						authType: 'authToken',
						accountSid,
						authToken: 'listing-token',
						baseUrl: twilio.baseUrl,
					},
				},
				(r) => r.path === '/v2/Channels/Senders',
			);
		}
		case 'metaCloud': {
			const meta = new MetaSimulator('listing-meta-token', '102290129340398');
			await meta.start();
			meta.addNumbers(
				...indexes.map((i) => ({
					phoneNumber: fleetNumber(i),
					verifiedName: `Client ${i}`,
					qualityRating: ['GREEN', 'YELLOW', 'RED'][i % 3],
				})),
			);
			return account(
				provider,
				meta,
				{
					metaWhatsAppCloudApi: {
						accessToken: 'listing-meta-token',
						wabaId: '102290129340398',
						graphApiVersion: 'v26.0',
						baseUrl: meta.baseUrl,
					},
				},
				(r) => r.path.endsWith('/phone_numbers'),
			);
		}
		case 'autocalls':
		case 'famulor': {
			const platform = new PlatformSimulator(provider === 'autocalls' ? 'Autocalls' : 'Famulor');
			await platform.start();
			platform.addSenders(
				'listing-key',
				...indexes.map((i) => ({ phoneNumber: fleetNumber(i), displayName: `Client ${i}` })),
			);
			const type = provider === 'autocalls' ? 'autocallsApi' : 'famulorApi';
			return account(
				provider,
				platform,
				{ [type]: { apiKey: 'listing-key', baseUrl: platform.baseUrl } },
				(r) => r.path.endsWith('/whatsapp/senders'),
			);
		}
		case '99digital': {
			const ninetyNine = new NinetyNineDigitalSimulator('listing-client', 'listing-secret');
			await ninetyNine.start();
			ninetyNine.addNumbers(
				...indexes.map((i) => ({
					phoneDigits: fleetNumber(i).slice(1),
					displayName: `Client ${i}`,
				})),
			);
			return account(
				provider,
				ninetyNine,
				{
					ninetyNineDigitalApi: {
						clientId: 'listing-client',
						clientSecret: 'listing-secret',
						baseUrl: ninetyNine.baseUrl,
					},
				},
				(r) => r.path === '/api/whatsapp/getWhatsApp',
			);
		}
		case 'ycloud': {
			const ycloud = new YCloudSimulator('listing-ycloud-key');
			await ycloud.start();
			ycloud.addNumbers(
				...indexes.map((i) => ({
					phoneNumber: fleetNumber(i),
					verifiedName: `Client ${i}`,
					qualityRating: ['GREEN', 'YELLOW', 'RED'][i % 3],
				})),
			);
			return account(
				provider,
				ycloud,
				{ yCloudApi: { apiKey: 'listing-ycloud-key', baseUrl: ycloud.baseUrl } },
				(r) => r.path === '/v2/whatsapp/phoneNumbers' || r.path === '/v2/whatsapp/businessAccounts',
			);
		}
		case 'gupshup': {
			const gupshup = new GupshupSimulator('listing@partner.example', 'listing-client-secret');
			await gupshup.start();
			gupshup.addNumbers(
				...indexes.map((i) => ({
					phone: fleetNumber(i).slice(1),
					verifiedName: `Client ${i}`,
					phoneQuality: ['GREEN', 'YELLOW', 'RED'][i % 3],
				})),
			);
			return account(
				provider,
				gupshup,
				{
					gupshupPartnerApi: {
						email: 'listing@partner.example',
						clientSecret: 'listing-client-secret',
						baseUrl: gupshup.baseUrl,
					},
				},
				// the app list and one Waba Info per app; login and app tokens are token exchanges
				(r) => r.path === '/partner/account/api/partnerApps' || r.path.endsWith('/waba/info'),
			);
		}
		case 'sinch': {
			const sinch = new SinchSimulator('listing-project', 'listing-key-id', 'listing-key-secret');
			await sinch.start();
			sinch.addSenders(
				...indexes.map((i) => ({
					countryCode: '1',
					phoneNumber: fleetNumber(i).slice(2),
					displayName: `Client ${i}`,
				})),
			);
			return account(
				provider,
				sinch,
				{
					sinchProvisioningApi: {
						projectId: 'listing-project',
						keyId: 'listing-key-id',
						keySecret: 'listing-key-secret',
						baseUrl: sinch.baseUrl,
						tokenUrl: sinch.tokenUrl,
					},
				},
				// the senders' pages and the one read of the account's limit (not the token request)
				(r) => r.path.startsWith('/v1/projects/listing-project/whatsapp'),
			);
		}
		case 'infobip': {
			const infobip = new InfobipSimulator('listing-infobip-key');
			await infobip.start();
			const numbers = indexes.map((i) => fleetNumber(i).slice(1));
			infobip.addSenders(...numbers.map((sender) => ({ sender })));
			return account(
				provider,
				infobip,
				{
					infobipApi: {
						apiKey: 'listing-infobip-key',
						baseUrl: infobip.baseUrl,
						senders: numbers.join('\n'),
					},
				},
				(r) => r.path === '/whatsapp/1/senders/quality',
			);
		}
	}
}

function account(
	provider: ListingProvider,
	simulator: HttpSimulator,
	credentials: ListingAccount['credentials'],
	isListRequest: (request: RecordedRequest) => boolean,
): ListingAccount {
	return {
		provider,
		simulator,
		credentials,
		listRequests: () => simulator.server.requests.filter(isListRequest),
		stop: () => simulator.stop(),
	};
}

/** The node parameters of List with Return All (every status where the provider filters by status). */
export function listAllParameters(provider: ListingProvider): IDataObject {
	const statusFilter =
		provider === 'autocalls' || provider === 'famulor' ? { filters: { status: 'all' } } : {};
	return { provider, resource: 'sender', operation: 'list', returnAll: true, ...statusFilter };
}
