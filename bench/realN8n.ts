import { readdirSync, readFileSync, rmSync } from 'node:fs';

import { basicAuth, SimulatorServer } from '../test/simulators/server';
import type { TwilioSimulator } from '../test/simulators/twilio';
import { fleetNumber, startListingAccount } from '../test/support/listingAccounts';
import {
	createApiKey,
	freePort,
	importIntoN8n,
	installPackage,
	newUserFolder,
	PACKAGE_NAME,
	type RunningN8n,
	setupOwner,
	setWorkflowActive,
	startN8n,
	waitFor,
} from '../test/support/n8n';
import { seededRandom } from '../test/support/seededRandom';
import { type BenchRow, formatCount, formatMs, formatRatio, median } from './lib';

/**
 * 4. Poll wall time in a real n8n (the pinned 2.8.4 with this package installed from its
 * tarball), 10,000 Twilio senders in the simulator, against the workflow a user would build
 * without the package: Schedule Trigger → HTTP Request (Basic auth, PageSize 1000, paginated
 * by the response's next_page_url) → Code node comparing with the previous run through workflow
 * static data. Both end in the same HTTP Request posting each change to a local sink.
 *
 * Each runs in an n8n of its own (so neither pays for the other's garbage collection or
 * database), both active and polling every 10 seconds, 5 seconds apart (the package at :x0,
 * the DIY workflow at :x5), as they would run in production. Each round changes 20 senders
 * and adds and removes one (seeded) in the gap before the package's poll, so both see the
 * same changes. A cycle runs from the moment the trigger fires to the last change reaching
 * the sink: for the package, its poll's first request (the poll starts an execution only
 * when it found changes); for the DIY workflow, the start of its execution. Requests are told
 * apart by credential (the DIY workflow uses its own Twilio API key). Both are scored against
 * the changes made: lost, duplicated, wrong; anything late shows up in the next round.
 */

const COUNT = 10_000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const FIELD_CHANGES = 20;
const SEED = 20261123;
type Who = 'package' | 'diy';
/** Both poll every 10 seconds, 5 seconds apart, so they never run at the same time. */
const PACKAGE_CRON = '0,10,20,30,40,50 * * * * *';
const DIY_CRON = '5,15,25,35,45,55 * * * * *';
const CYCLE_MS = 10_000;
/** Changes are made in the window after the DIY run (at :x5) and before the package's poll (at :x0). */
const CHANGE_WINDOW_MS = [7_000, 9_300];
const DIY_API_KEY = {
	sid: 'SKbench0000000000000000000000000001',
	secret: 'bench-diy-api-key-secret',
};
const WORKFLOW_IDS: Record<Who, string> = { package: 'benchPackagePoll', diy: 'benchDiyPollFlow' };

const DIY_CODE = `// remember status, quality and limit per sender; report what changed since the last run
const state = $getWorkflowStaticData('global');
const previous = state.senders;
const current = {};
for (const page of $input.all()) {
  for (const s of page.json.senders) {
    current[s.sid] = [s.status, s.properties?.quality_rating ?? null, s.properties?.messaging_limit ?? null];
  }
}
const changes = [];
if (previous) {
  for (const [id, now] of Object.entries(current)) {
    const before = previous[id];
    if (!before) { changes.push({ json: { id, event: 'senderAdded' } }); continue; }
    if (before[0] !== now[0]) changes.push({ json: { id, event: 'statusChanged' } });
    if (before[1] !== now[1]) changes.push({ json: { id, event: 'qualityChanged' } });
    if (before[2] !== now[2]) changes.push({ json: { id, event: 'messagingLimitChanged' } });
  }
  for (const id of Object.keys(previous)) {
    if (!current[id]) changes.push({ json: { id, event: 'senderRemoved' } });
  }
}
state.senders = current;
return changes;`;

function sinkNode(path: string, idExpression: string) {
	return {
		id: `sink-${path}`,
		name: 'Report change',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [600, 0],
		parameters: {
			method: 'POST',
			url: `{{SINK}}/${path}`,
			sendBody: true,
			specifyBody: 'json',
			jsonBody: `={{ JSON.stringify({ id: ${idExpression}, event: $json.event }) }}`,
		},
	};
}

function packageWorkflow(sinkUrl: string): unknown {
	const flow = {
		id: WORKFLOW_IDS.package,
		name: 'Bench: WhatsApp Senders Trigger',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'trigger',
				name: 'Sender changed',
				type: `${PACKAGE_NAME}.whatsAppSendersTrigger`,
				typeVersion: 1,
				position: [0, 0],
				// every 10 s at :x0 (n8n refuses a "*" in the seconds field, not a list), staggered with the DIY workflow
				// one item per sender and change, like the DIY workflow's (a limit change shared by several senders is otherwise one account item)
				parameters: {
					provider: 'twilio',
					pollTimes: { item: [{ mode: 'custom', cronExpression: PACKAGE_CRON }] },
					options: { groupLimitChanges: false },
				},
				credentials: { twilioSendersApi: { id: 'benchTwilioCred1', name: 'Twilio bench' } },
			},
			sinkNode('package', '$json.sender.id'),
		],
		connections: {
			'Sender changed': { main: [[{ node: 'Report change', type: 'main', index: 0 }]] },
		},
	};
	return JSON.parse(JSON.stringify(flow).replaceAll('{{SINK}}', sinkUrl)) as unknown;
}

function diyWorkflow(twilioBaseUrl: string, sinkUrl: string): unknown {
	const flow = {
		id: WORKFLOW_IDS.diy,
		name: 'Bench: Schedule + HTTP Request + Code',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'schedule',
				name: 'Every 10 seconds',
				type: 'n8n-nodes-base.scheduleTrigger',
				typeVersion: 1.2,
				position: [0, 0],
				parameters: { rule: { interval: [{ field: 'cronExpression', expression: DIY_CRON }] } },
			},
			{
				id: 'list',
				name: 'List senders',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [200, 0],
				parameters: {
					url: `${twilioBaseUrl}/v2/Channels/Senders`,
					authentication: 'genericCredentialType',
					genericAuthType: 'httpBasicAuth',
					sendQuery: true,
					queryParameters: {
						parameters: [
							{ name: 'Channel', value: 'whatsapp' },
							{ name: 'PageSize', value: '1000' },
						],
					},
					options: {
						pagination: {
							pagination: {
								// what a user does against Twilio; the host swap points Twilio's link at the simulator
								paginationMode: 'responseContainsNextURL',
								nextURL: `={{ $response.body.meta.next_page_url.replace('https://messaging.twilio.com', '${twilioBaseUrl}') }}`,
								paginationCompleteWhen: 'other',
								completeExpression: '={{ !$response.body.meta.next_page_url }}',
							},
						},
					},
				},
				// its own Twilio API key, so the simulator can tell its requests from the package's
				credentials: { httpBasicAuth: { id: 'benchBasicAuth01', name: 'Twilio Basic auth' } },
			},
			{
				id: 'code',
				name: 'Compare with last run',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [400, 0],
				parameters: { jsCode: DIY_CODE },
			},
			sinkNode('diy', '$json.id'),
		],
		connections: {
			'Every 10 seconds': { main: [[{ node: 'List senders', type: 'main', index: 0 }]] },
			'List senders': { main: [[{ node: 'Compare with last run', type: 'main', index: 0 }]] },
			'Compare with last run': { main: [[{ node: 'Report change', type: 'main', index: 0 }]] },
		},
	};
	return JSON.parse(JSON.stringify(flow).replaceAll('{{SINK}}', sinkUrl)) as unknown;
}

/** Changes the round makes, as "<sid> <event>" lines: the ground truth both are scored on. */
function changeSenders(
	twilio: TwilioSimulator,
	accountSid: string,
	round: number,
	random: () => number,
): string[] {
	const senders = twilio.account(accountSid).senders;
	const truth: string[] = [];
	const touched = new Set<string>();
	while (touched.size < FIELD_CHANGES) {
		const sender = senders[Math.floor(random() * senders.length)];
		if (touched.has(sender.sid)) continue;
		touched.add(sender.sid);
		const properties = sender.properties as Record<string, unknown>;
		const field = Math.floor(random() * 3);
		if (field === 0) {
			sender.status = sender.status === 'ONLINE' ? 'OFFLINE' : 'ONLINE';
			truth.push(`${sender.sid} statusChanged`);
		} else if (field === 1) {
			properties.quality_rating = properties.quality_rating === 'HIGH' ? 'LOW' : 'HIGH';
			truth.push(`${sender.sid} qualityChanged`);
		} else {
			properties.messaging_limit =
				properties.messaging_limit === '1K Customers/24hr'
					? '100K Customers/24hr'
					: '1K Customers/24hr';
			truth.push(`${sender.sid} messagingLimitChanged`);
		}
	}
	let removeAt = Math.floor(random() * senders.length);
	while (touched.has(senders[removeAt].sid)) removeAt = (removeAt + 1) % senders.length;
	const [removed] = senders.splice(removeAt, 1);
	truth.push(`${removed.sid} senderRemoved`);
	const [added] = twilio.addSenders(accountSid, {
		phoneNumber: fleetNumber(COUNT + round),
		displayName: `New client ${round}`,
	});
	truth.push(`${added.sid} senderAdded`);
	return truth.sort();
}

interface RoundResult {
	ms: number;
	fromFirstRequestMs: number;
	/** CPU the workflow's n8n (process tree) used in the round: its poll, execution and saving. */
	cpuMs: number;
	timed: boolean;
	lost: number;
	duplicated: number;
	wrong: number;
}

function score(
	truth: readonly string[],
	got: readonly string[],
): Pick<RoundResult, 'lost' | 'duplicated' | 'wrong'> {
	const expected = new Set(truth);
	const seen = new Map<string, number>();
	for (const line of got) seen.set(line, (seen.get(line) ?? 0) + 1);
	return {
		lost: truth.filter((line) => !seen.has(line)).length,
		duplicated: [...seen.values()].reduce((sum, times) => sum + times - 1, 0),
		wrong: [...seen.keys()].filter((line) => !expected.has(line)).length,
	};
}

interface Instance {
	n8n: RunningN8n;
	apiKey: string;
	userFolder: string;
}

/** An n8n of its own for one workflow: the package installed from its tarball, both credentials. */
async function startInstance(workflow: unknown, credentials: unknown[]): Promise<Instance> {
	const userFolder = newUserFolder('wa-senders-bench-');
	await installPackage(userFolder);
	await importIntoN8n(userFolder, 'credentials', credentials);
	await importIntoN8n(userFolder, 'workflow', [workflow]);
	const n8n = await startN8n(userFolder, await freePort());
	return { n8n, apiKey: await createApiKey(n8n.url, await setupOwner(n8n.url)), userFolder };
}

export async function benchRealN8n(): Promise<BenchRow[]> {
	const account = await startListingAccount('twilio', COUNT);
	const twilio = account.simulator as TwilioSimulator;
	const { accountSid, authToken } = account.credentials.twilioSendersApi as Record<string, string>;
	twilio.account(accountSid).apiKeys[DIY_API_KEY.sid] = DIY_API_KEY.secret;
	const sink = new SimulatorServer(() => ({ status: 200, body: { ok: true } }));
	const sinkUrl = await sink.start();
	const credentials = [
		{
			id: 'benchTwilioCred1',
			name: 'Twilio bench',
			type: 'twilioSendersApi',
			data: { authType: 'authToken', accountSid, authToken, baseUrl: twilio.baseUrl },
		},
		{
			id: 'benchBasicAuth01',
			name: 'Twilio Basic auth',
			type: 'httpBasicAuth',
			data: { user: DIY_API_KEY.sid, password: DIY_API_KEY.secret },
		},
	];
	const instances: Partial<Record<Who, Instance>> = {};
	try {
		// one n8n each, so neither pays for the other's garbage collection or database
		[instances.package, instances.diy] = await Promise.all([
			startInstance(packageWorkflow(sinkUrl), credentials),
			startInstance(diyWorkflow(twilio.baseUrl, sinkUrl), credentials),
		]);
		const requestsOf = (who: Who, since: number) =>
			account
				.listRequests()
				.slice(since)
				.filter(
					(request) => (basicAuth(request.headers)?.user === accountSid) === (who === 'package'),
				);
		const changesOf = (who: Who, since: number) =>
			sink.requests.slice(since).filter((request) => request.path === `/${who}`);
		const runs = async (who: Who) => {
			const { n8n, apiKey } = instances[who]!;
			const response = await fetch(`${n8n.url}/api/v1/executions?workflowId=${WORKFLOW_IDS[who]}`, {
				headers: { 'X-N8N-API-KEY': apiKey },
			});
			return ((await response.json()) as { data: Array<{ status: string; startedAt: string }> })
				.data;
		};
		const finishedRuns = async (who: Who) =>
			(await runs(who)).filter((run) => run.status !== 'running' && run.status !== 'new');

		// what each n8n burns doing nothing (its own timers), subtracted from the cycles below
		const idleStart = {
			package: processTreeCpuMs(instances.package.n8n.process.pid!),
			diy: processTreeCpuMs(instances.diy.n8n.process.pid!),
		};
		await sleep(CYCLE_MS);
		const idleCpuPerCycle = {
			package: processTreeCpuMs(instances.package.n8n.process.pid!) - idleStart.package,
			diy: processTreeCpuMs(instances.diy.n8n.process.pid!) - idleStart.diy,
		};

		// activation polls at once (the package's baseline); the DIY workflow's first run, at
		// its next :x5, is its baseline
		for (const who of ['package', 'diy'] as const) {
			const { n8n, apiKey } = instances[who]!;
			await setWorkflowActive(n8n.url, apiKey, WORKFLOW_IDS[who], true);
		}
		await waitFor(
			() => requestsOf('package', 0).length >= COUNT / 1000,
			30_000,
			"the package's baseline poll",
		);
		for (let tries = 0; (await finishedRuns('diy')).length < 1; tries++) {
			if (tries > 150) throw new Error('the DIY workflow did not run');
			await sleep(200);
		}

		const random = seededRandom(SEED);
		const results: Record<Who, RoundResult[]> = { package: [], diy: [] };
		// round 0 warms both up (scored for correctness, not timed)
		for (let round = 0; round <= ROUNDS; round++) {
			let phase = Date.now() % CYCLE_MS;
			while (phase < CHANGE_WINDOW_MS[0] || phase >= CHANGE_WINDOW_MS[1]) {
				await sleep(
					phase < CHANGE_WINDOW_MS[0]
						? CHANGE_WINDOW_MS[0] - phase
						: CYCLE_MS - phase + CHANGE_WINDOW_MS[0],
				);
				phase = Date.now() % CYCLE_MS;
			}
			const requestsBefore = account.listRequests().length;
			const sinkBefore = sink.requests.length;
			const runsBefore = {
				package: (await finishedRuns('package')).length,
				diy: (await finishedRuns('diy')).length,
			};
			const cpuBefore = {
				package: processTreeCpuMs(instances.package!.n8n.process.pid!),
				diy: processTreeCpuMs(instances.diy!.n8n.process.pid!),
			};
			const truth = changeSenders(twilio, accountSid, round, random);
			for (const who of ['package', 'diy'] as const) {
				await waitFor(
					() => changesOf(who, sinkBefore).length >= truth.length,
					CYCLE_MS * 2,
					`round ${round}: ${truth.length} changes from ${who}`,
				);
				for (let tries = 0; (await finishedRuns(who)).length <= runsBefore[who]; tries++) {
					if (tries > 100) throw new Error(`round ${round}: the ${who} execution did not finish`);
					await sleep(100);
				}
			}
			const newDiyRuns = (await runs('diy')).slice(0, (await runs('diy')).length - runsBefore.diy);
			const cpuMs = {
				package:
					processTreeCpuMs(instances.package!.n8n.process.pid!) -
					cpuBefore.package -
					idleCpuPerCycle.package,
				diy:
					processTreeCpuMs(instances.diy!.n8n.process.pid!) - cpuBefore.diy - idleCpuPerCycle.diy,
			};
			for (const who of ['package', 'diy'] as const) {
				const requests = requestsOf(who, requestsBefore);
				const changes = changesOf(who, sinkBefore);
				const epoch = (at: number) => performance.timeOrigin + at;
				const firstRequest = epoch(requests[0].at);
				const lastPage = epoch(requests[requests.length - 1].at);
				const delivered = epoch(changes[changes.length - 1].at);
				// the DIY workflow's cycle starts when its Schedule Trigger fires (its execution
				// starts), before its first request; the package's poll starts with its first request
				const starts = newDiyRuns
					.map((run) => Date.parse(run.startedAt))
					.filter((start) => start <= firstRequest);
				const fired = who === 'diy' && starts.length > 0 ? Math.max(...starts) : firstRequest;
				const got = changes.map((request) => {
					const body = JSON.parse(request.body) as { id: string; event: string };
					return `${body.id} ${body.event}`;
				});
				if (process.env.BENCH_DEBUG) {
					const gaps = requests
						.slice(1)
						.map((request, index) => Math.round(request.at - requests[index].at));
					process.stdout.write(
						`\n${who}: fired → first request ${Math.round(firstRequest - fired)} ms, listing ${Math.round(lastPage - firstRequest)} ms (${gaps.join(' ')}), last page → last change ${Math.round(delivered - lastPage)} ms`,
					);
				}
				results[who].push({
					ms: delivered - fired,
					fromFirstRequestMs: delivered - firstRequest,
					cpuMs: cpuMs[who],
					timed: round > 0,
					...score(truth, got),
				});
			}
		}

		const total = (who: Who, key: 'lost' | 'duplicated' | 'wrong') =>
			results[who].reduce((sum, r) => sum + r[key], 0);
		const timedMedian = (who: Who, key: 'ms' | 'fromFirstRequestMs' | 'cpuMs') =>
			median(results[who].filter((r) => r.timed).map((r) => r[key]));
		const ours = timedMedian('package', 'ms');
		const diy = timedMedian('diy', 'ms');
		const diyFromFirstRequest = timedMedian('diy', 'fromFirstRequestMs');
		const cpu = { package: timedMedian('package', 'cpuMs'), diy: timedMedian('diy', 'cpuMs') };
		const correctness = (who: Who) =>
			`${total(who, 'lost')} lost, ${total(who, 'duplicated')} duplicated, ${total(who, 'wrong')} wrong`;
		const changes = (ROUNDS + 1) * (FIELD_CHANGES + 2);
		return [
			{
				figure: `Poll wall time in real n8n, ${formatCount(COUNT)} Twilio senders (median of ${ROUNDS} rounds), from the trigger firing to the last change delivered`,
				measured: `${formatMs(ours)} vs Schedule → HTTP Request → Code ${formatMs(diy)} (${formatMs(diyFromFirstRequest)} from its first request): ${formatRatio(diy / ours)} faster`,
				target: '≥ 3× faster',
				met: diy / ours >= 3,
			},
			{
				figure: `CPU per poll cycle in real n8n (the n8n process tree above its idle use, median of ${ROUNDS} rounds)`,
				measured: `${formatMs(cpu.package)} vs Schedule → HTTP Request → Code ${formatMs(cpu.diy)}: ${formatRatio(cpu.diy / cpu.package)} less (idle: ${formatMs(idleCpuPerCycle.package)} and ${formatMs(idleCpuPerCycle.diy)} per 10 s)`,
				target: 'reported (no target)',
				met: true,
			},
			{
				figure: `Changes detected in real n8n (${changes} made over ${ROUNDS + 1} rounds)`,
				measured: `package: ${correctness('package')}; DIY workflow: ${correctness('diy')}`,
				target: 'package as correct as the DIY workflow',
				met: (['lost', 'duplicated', 'wrong'] as const).every(
					(key) => total('package', key) <= total('diy', key),
				),
			},
		];
	} finally {
		await Promise.all(Object.values(instances).map((instance) => instance.n8n.stop()));
		await Promise.all([account.stop(), sink.stop()]);
		for (const instance of Object.values(instances))
			rmSync(instance.userFolder, { recursive: true, force: true });
	}
}

/** USER_HZ: Linux reports process CPU time in /proc in hundredths of a second. */
const CLOCK_TICKS_PER_SECOND = 100;

/** CPU time (user + system) used so far by a process and all its descendants, in ms. */
function processTreeCpuMs(rootPid: number): number {
	const stats = readdirSync('/proc')
		.filter((entry) => /^[0-9]+$/.test(entry))
		.map((pid) => {
			try {
				// the command name is in parentheses and may hold spaces: split after it
				const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
				const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
				return {
					pid: Number(pid),
					ppid: Number(fields[1]),
					ticks: Number(fields[11]) + Number(fields[12]),
				};
			} catch {
				return undefined; // ended meanwhile
			}
		})
		.filter((stat) => stat !== undefined);
	const inTree = new Set([rootPid]);
	for (let grew = true; grew; ) {
		grew = false;
		for (const stat of stats) {
			if (!inTree.has(stat.pid) && inTree.has(stat.ppid)) {
				inTree.add(stat.pid);
				grew = true;
			}
		}
	}
	const ticks = stats
		.filter((stat) => inTree.has(stat.pid))
		.reduce((sum, stat) => sum + stat.ticks, 0);
	return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}
