import type { IDataObject } from 'n8n-workflow';

import { pollSendersTrigger, watchedState } from '../harness/n8nHarness';
import type { Fault } from '../simulators/server';
import type { TwilioSimulator } from '../simulators/twilio';
import { fleetNumber, startListingAccount, type ListingAccount } from '../support/listingAccounts';
import { seededRandom } from '../support/seededRandom';

/**
 * The trigger through 1,000 polls against the Twilio simulator (3 pages a listing), with a
 * seeded mix of faults and sender changes between polls. Every change the simulator made
 * must be reported exactly once, in order per sender, by the first poll that succeeds after
 * it; a failed poll reports nothing and moves nothing. The retry waits are shortened (n8n's
 * `sleep` is scaled down) but recorded, so backoff and Retry-After are checked too.
 */

const mockSleeps: number[] = [];
jest.mock('n8n-workflow', () => {
	const actual = jest.requireActual('n8n-workflow');
	return {
		...actual,
		sleep: async (ms: number) => {
			mockSleeps.push(ms);
			await actual.sleep(Math.min(ms / 200, 5));
		},
	};
});

const SEED = Number(process.env.SOAK_SEED ?? 20261123);
const CYCLES = 1_000;
const SENDERS = 2_001;
const TIMEOUT_SECONDS = 0.25;

type FaultKind =
	| 'none'
	| '429 with Retry-After'
	| '429 without Retry-After'
	| '500'
	| '502'
	| '503'
	| 'connection reset'
	| 'timeout'
	| 'truncated JSON'
	| 'not JSON'
	| 'empty body'
	| 'middle page fails once'
	| 'middle page keeps failing';

/** How often each kind is drawn (weights). */
const FAULT_WEIGHTS: Array<[FaultKind, number]> = [
	['none', 40],
	['429 with Retry-After', 6],
	['429 without Retry-After', 6],
	['500', 5],
	['502', 5],
	['503', 5],
	['connection reset', 6],
	['timeout', 2],
	['truncated JSON', 5],
	['not JSON', 4],
	['empty body', 4],
	['middle page fails once', 6],
	['middle page keeps failing', 6],
];

const QUALITY: Record<string, string> = { HIGH: 'GREEN', MEDIUM: 'YELLOW', LOW: 'RED' };
const LIMIT: Record<string, number> = {
	'1K Customers/24hr': 1000,
	'10K Customers/24hr': 10000,
	'100K Customers/24hr': 100000,
};

/** What the test knows about a sender, in the package's words, kept independently of the package. */
interface Known {
	status: string;
	quality: string;
	limit: number;
}

const isMiddlePage = (request: { query: Record<string, string> }) => request.query.Page === '1';

function faultsFor(kind: FaultKind): { faults?: Fault[]; middle?: Fault[] } {
	const twilioError = (status: number) => ({
		status,
		body: {
			code: 20500,
			message: 'Internal Server Error',
			more_info: 'https://www.twilio.com/docs/errors/20500',
			status,
		},
	});
	switch (kind) {
		case 'none':
			return {};
		case '429 with Retry-After':
			return {
				faults: [
					{
						status: 429,
						headers: { 'Retry-After': '2' },
						body: { code: 20429, message: 'Too Many Requests', status: 429 },
					},
				],
			};
		case '429 without Retry-After':
			return {
				faults: [{ status: 429, body: { code: 20429, message: 'Too Many Requests', status: 429 } }],
			};
		case '500':
		case '502':
		case '503':
			return { faults: [twilioError(Number(kind))] };
		case 'connection reset':
			return { faults: [{ kind: 'reset' }] };
		case 'timeout':
			return { faults: [{ kind: 'hang', ms: TIMEOUT_SECONDS * 1000 + 300 }] };
		case 'truncated JSON':
			return {
				faults: [
					{ status: 200, rawBody: '{"senders": [{"sid": "XE', breaksContract: 'a truncated body' },
				],
			};
		case 'not JSON':
			return {
				faults: [
					{
						status: 200,
						rawBody: '<html><body>Bad gateway</body></html>',
						breaksContract: 'a proxy page instead of JSON',
					},
				],
			};
		case 'empty body':
			return { faults: [{ status: 200, rawBody: '', breaksContract: 'an empty body' }] };
		case 'middle page fails once':
			return {
				middle: [
					{ status: 503, body: { code: 20503, message: 'Service Unavailable', status: 503 } },
				],
			};
		case 'middle page keeps failing':
			return {
				middle: Array.from({ length: 6 }, () => ({
					status: 500,
					body: { code: 20500, message: 'Internal Server Error', status: 500 },
				})),
			};
	}
}

describe('The trigger under 1,000 polls with injected faults', () => {
	let account: ListingAccount;
	let twilio: TwilioSimulator;
	let accountSid: string;

	beforeAll(async () => {
		account = await startListingAccount('twilio', SENDERS);
		twilio = account.simulator as TwilioSimulator;
		accountSid = (account.credentials.twilioSendersApi as IDataObject).accountSid as string;
	});
	afterAll(() => account.stop());

	it('reports every change exactly once, in order per sender, whatever fails in between', async () => {
		const random = seededRandom(SEED);
		const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
		const draw = (): FaultKind => {
			let ticket = random() * FAULT_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
			for (const [kind, weight] of FAULT_WEIGHTS) {
				ticket -= weight;
				if (ticket < 0) return kind;
			}
			return 'none';
		};

		const known = (): Map<string, Known> =>
			new Map(
				twilio.account(accountSid).senders.map((sender) => {
					const properties = sender.properties as IDataObject;
					return [
						sender.sid,
						{
							status: String(sender.status),
							quality: QUALITY[String(properties.quality_rating)],
							limit: LIMIT[String(properties.messaging_limit)] ?? -1,
						},
					];
				}),
			);
		/** The changes between two states, as "<sid> <event> <new value>", the package's order (by sid; removals last). */
		const changesBetween = (before: Map<string, Known>, after: Map<string, Known>): string[] => {
			const lines: string[] = [];
			for (const sid of [...after.keys()].sort()) {
				const was = before.get(sid);
				const now = after.get(sid)!;
				if (!was) lines.push(`${sid} senderAdded`);
				else {
					if (was.status !== now.status) lines.push(`${sid} statusChanged ${now.status}`);
					if (was.quality !== now.quality) lines.push(`${sid} qualityChanged ${now.quality}`);
					if (was.limit !== now.limit) lines.push(`${sid} messagingLimitChanged ${now.limit}`);
				}
			}
			for (const sid of [...before.keys()].sort())
				if (!after.has(sid)) lines.push(`${sid} senderRemoved`);
			return lines;
		};
		/** What the items report, a line per sender: an account's limit change counts for each sender it lists. */
		const emitted = (items: Array<{ json: IDataObject }>): string[] =>
			items.flatMap(({ json }) => {
				if (json.scope === 'account') {
					const limit = (json.current as IDataObject).messagingLimit;
					return (json.senders as IDataObject[]).map(
						(sender) => `${String(sender.id)} ${String(json.event)} ${String(limit)}`,
					);
				}
				const sender = json.sender as IDataObject;
				const value = {
					statusChanged: sender.status,
					qualityChanged: sender.qualityRating,
					messagingLimitChanged: sender.messagingLimit,
				}[String(json.event)];
				return [
					`${String(sender.id)} ${String(json.event)}${value === undefined ? '' : ` ${String(value)}`}`,
				];
			});

		/** A few random changes, as a provider would make them between two polls. */
		let added = 0;
		const changeSomeSenders = () => {
			const senders = twilio.account(accountSid).senders;
			for (let n = Math.floor(random() * 4); n > 0; n--) {
				const action = random();
				if (action < 0.05 && senders.length > 1) {
					senders.splice(Math.floor(random() * senders.length), 1);
				} else if (action < 0.1) {
					twilio.addSenders(accountSid, {
						phoneNumber: fleetNumber(SENDERS + added++),
						qualityRating: 'HIGH',
						messagingLimit: '1K Customers/24hr',
					});
				} else {
					const sender = pick(senders);
					const properties = sender.properties as IDataObject;
					if (action < 0.4) sender.status = sender.status === 'ONLINE' ? 'OFFLINE' : 'ONLINE';
					else if (action < 0.75)
						properties.quality_rating = pick(
							Object.keys(QUALITY).filter((q) => q !== properties.quality_rating),
						);
					else
						properties.messaging_limit = pick(
							Object.keys(LIMIT).filter((l) => l !== properties.messaging_limit),
						);
				}
			}
		};

		const staticData: IDataObject = {};
		const parameters = { provider: 'twilio', options: { timeout: TIMEOUT_SECONDS } };
		const first = await pollSendersTrigger({
			parameters,
			credentials: account.credentials,
			staticData,
		});
		expect(first.error).toBeUndefined();
		let lastSeen = known();

		const faultsInjected = new Map<FaultKind, number>();
		const expectedPerSender = new Map<string, string[]>();
		const emittedPerSender = new Map<string, string[]>();
		const append = (bySender: Map<string, string[]>, lines: string[]) => {
			for (const line of lines) {
				const sid = line.split(' ')[0];
				bySender.set(sid, [...(bySender.get(sid) ?? []), line]);
			}
		};
		let failedPolls = 0;
		let toldFailures = 0;
		const blindFailures = () =>
			Number(
				(staticData['node:WhatsApp Senders Trigger'] as IDataObject | undefined)?.blindFailures ??
					0,
			);
		let unclearErrors = 0;
		let stateMovedOnFailure = 0;
		let expectedCount = 0;
		let emittedCount = 0;

		for (let cycle = 0; cycle < CYCLES; cycle++) {
			changeSomeSenders();
			const kind = draw();
			faultsInjected.set(kind, (faultsInjected.get(kind) ?? 0) + 1);
			const { faults, middle } = faultsFor(kind);
			if (faults) twilio.server.injectFaults(...faults);
			for (const fault of middle ?? []) twilio.server.injectFaultWhen(isMiddlePage, fault);

			const stateBefore = watchedState(staticData);
			const failuresBefore = blindFailures();
			const { items, error } = await pollSendersTrigger({
				parameters,
				credentials: account.credentials,
				staticData,
			});
			twilio.server.clearFaults();
			// a failure of the same cause as the one before is told once: its poll ends quietly
			const quietFailure = blindFailures() > failuresBefore;
			if (error || quietFailure) {
				failedPolls++;
				if (error) toldFailures++;
				if (error && !/Twilio|reach/.test(error.message)) unclearErrors++;
				if (watchedState(staticData) !== stateBefore) stateMovedOnFailure++;
				expect(items).toEqual([]);
				continue;
			}
			const now = known();
			const expected = changesBetween(lastSeen, now);
			const got = emitted(items);
			expectedCount += expected.length;
			emittedCount += got.length;
			append(expectedPerSender, expected);
			append(emittedPerSender, got);
			lastSeen = now;
		}

		const lost = [...expectedPerSender].reduce(
			(sum, [sid, lines]) =>
				sum + Math.max(0, lines.length - (emittedPerSender.get(sid)?.length ?? 0)),
			0,
		);
		const duplicated = [...emittedPerSender].reduce(
			(sum, [sid, lines]) =>
				sum + Math.max(0, lines.length - (expectedPerSender.get(sid)?.length ?? 0)),
			0,
		);
		const outOfOrder = [...expectedPerSender].filter(
			([sid, lines]) => JSON.stringify(lines) !== JSON.stringify(emittedPerSender.get(sid) ?? []),
		).length;
		const retryWaits = mockSleeps.length;
		process.stdout.write(
			`\nFault soak (seed ${SEED}): ${CYCLES} polls, ${failedPolls} failed and recovered (${toldFailures} told as failed executions, the rest the same cause again); faults ${[...faultsInjected].map(([kind, count]) => `${kind} ${count}`).join(', ')}; ` +
				`${expectedCount} changes made, ${emittedCount} reported, ${lost} lost, ${duplicated} duplicated, ${outOfOrder} senders out of order; ${retryWaits} retry waits\n`,
		);

		expect({ lost, duplicated, outOfOrder, stateMovedOnFailure, unclearErrors }).toEqual({
			lost: 0,
			duplicated: 0,
			outOfOrder: 0,
			stateMovedOnFailure: 0,
			unclearErrors: 0,
		});
		expect(emittedPerSender).toEqual(expectedPerSender);
		expect(expectedCount).toBeGreaterThan(CYCLES);
		expect(failedPolls).toBeGreaterThan(50);
		// every Retry-After of 2 s was waited at least that long
		expect(mockSleeps.filter((ms) => ms >= 2000).length).toBeGreaterThanOrEqual(
			faultsInjected.get('429 with Retry-After') ?? 0,
		);
	}, 170_000);
});
