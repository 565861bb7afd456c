/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- benchmark tooling: a real n8n process, files and timers, never loaded by n8n */
import { rmSync } from 'node:fs';

import { SimulatorServer } from '../test/simulators/server';
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
import { type BenchRow, formatCount, formatMs, formatRatio, median, seededRandom } from './lib';

/**
 * 4. Poll wall time in a real n8n (the pinned 2.8.4 with this package installed from its
 * tarball), 10,000 Twilio senders in the simulator, against the workflow a user would build
 * without the package: Schedule Trigger → HTTP Request (Basic auth, PageSize 1000, paginated
 * by the response's next_page_url) → Code node comparing with the previous run through workflow
 * static data. Both end in the same HTTP Request posting each change to a local sink.
 *
 * The two workflows take turns (never both active): each round changes 20 senders and
 * adds and removes one (seeded), then each workflow runs once. Wall time runs from its first
 * request to the simulator to the last change reaching the sink. Both are scored against the
 * changes the round made: lost, duplicated, wrong.
 */

const COUNT = 10_000;
const ROUNDS = 3;
const FIELD_CHANGES = 20;
const SEED = 20261123;
const PACKAGE_WORKFLOW = 'benchPackagePoll';
const DIY_WORKFLOW = 'benchDiyPollFlow';

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

function workflows(twilioBaseUrl: string, sinkUrl: string): unknown[] {
	const packageFlow = {
		id: PACKAGE_WORKFLOW,
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
				parameters: { provider: 'twilio' },
				credentials: { twilioSendersApi: { id: 'benchTwilioCred1', name: 'Twilio bench' } },
			},
			sinkNode('package', '$json.sender.id'),
		],
		connections: { 'Sender changed': { main: [[{ node: 'Report change', type: 'main', index: 0 }]] } },
	};
	const diyFlow = {
		id: DIY_WORKFLOW,
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
				parameters: { rule: { interval: [{ field: 'seconds', secondsInterval: 10 }] } },
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
					queryParameters: { parameters: [{ name: 'Channel', value: 'whatsapp' }, { name: 'PageSize', value: '1000' }] },
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
				credentials: { httpBasicAuth: { id: 'benchBasicAuth01', name: 'Twilio Basic auth' } },
			},
			{ id: 'code', name: 'Compare with last run', type: 'n8n-nodes-base.code', typeVersion: 2, position: [400, 0], parameters: { jsCode: DIY_CODE } },
			sinkNode('diy', '$json.id'),
		],
		connections: {
			'Every 10 seconds': { main: [[{ node: 'List senders', type: 'main', index: 0 }]] },
			'List senders': { main: [[{ node: 'Compare with last run', type: 'main', index: 0 }]] },
			'Compare with last run': { main: [[{ node: 'Report change', type: 'main', index: 0 }]] },
		},
	};
	return JSON.parse(JSON.stringify([packageFlow, diyFlow]).replaceAll('{{SINK}}', sinkUrl)) as unknown[];
}

/** Changes the round makes, as "<sid> <event>" lines: the ground truth both are scored on. */
function changeSenders(twilio: TwilioSimulator, accountSid: string, round: number, random: () => number): string[] {
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
			properties.messaging_limit = properties.messaging_limit === '1K Customers/24hr' ? '100K Customers/24hr' : '1K Customers/24hr';
			truth.push(`${sender.sid} messagingLimitChanged`);
		}
	}
	let removeAt = Math.floor(random() * senders.length);
	while (touched.has(senders[removeAt].sid)) removeAt = (removeAt + 1) % senders.length;
	const [removed] = senders.splice(removeAt, 1);
	truth.push(`${removed.sid} senderRemoved`);
	const [added] = twilio.addSenders(accountSid, { phoneNumber: fleetNumber(COUNT + round), displayName: `New client ${round}` });
	truth.push(`${added.sid} senderAdded`);
	return truth.sort();
}

interface RoundResult {
	ms: number;
	lost: number;
	duplicated: number;
	wrong: number;
}

function score(truth: readonly string[], got: readonly string[]): Omit<RoundResult, 'ms'> {
	const expected = new Set(truth);
	const seen = new Map<string, number>();
	for (const line of got) seen.set(line, (seen.get(line) ?? 0) + 1);
	return {
		lost: truth.filter((line) => !seen.has(line)).length,
		duplicated: [...seen.values()].reduce((sum, times) => sum + times - 1, 0),
		wrong: [...seen.keys()].filter((line) => !expected.has(line)).length,
	};
}

export async function benchRealN8n(): Promise<BenchRow[]> {
	const account = await startListingAccount('twilio', COUNT);
	const twilio = account.simulator as TwilioSimulator;
	const { accountSid, authToken } = account.credentials.twilioSendersApi as Record<string, string>;
	const sink = new SimulatorServer(() => ({ status: 200, body: { ok: true } }));
	const sinkUrl = await sink.start();
	const userFolder = newUserFolder('wa-senders-bench-');
	let n8n: RunningN8n | undefined;
	try {
		await installPackage(userFolder);
		await importIntoN8n(userFolder, 'credentials', [
			{ id: 'benchTwilioCred1', name: 'Twilio bench', type: 'twilioSendersApi', data: { authType: 'authToken', accountSid, authToken, baseUrl: twilio.baseUrl } },
			{ id: 'benchBasicAuth01', name: 'Twilio Basic auth', type: 'httpBasicAuth', data: { user: accountSid, password: authToken } },
		]);
		await importIntoN8n(userFolder, 'workflow', workflows(twilio.baseUrl, sinkUrl));
		n8n = await startN8n(userFolder, await freePort());
		const apiKey = await createApiKey(n8n.url, await setupOwner(n8n.url));
		const running = n8n;

		const pages = Math.ceil(COUNT / 1000);
		const listRequests = () => account.listRequests();
		const finishedRuns = async (workflowId: string): Promise<number> => {
			const response = await fetch(`${running.url}/api/v1/executions?workflowId=${workflowId}&status=success`, { headers: { 'X-N8N-API-KEY': apiKey } });
			return ((await response.json()) as { data: unknown[] }).data.length;
		};

		/** The newest execution's status and error, to say why a run did not finish. */
		const lastRun = async (workflowId: string): Promise<string> => {
			const response = await fetch(`${running.url}/api/v1/executions?workflowId=${workflowId}&includeData=true&limit=1`, { headers: { 'X-N8N-API-KEY': apiKey } });
			const [run] = ((await response.json()) as { data: Array<{ status: string; data?: { resultData?: { error?: { message?: string } } } }> }).data;
			return run ? `${run.status} ${run.data?.resultData?.error?.message ?? ''}` : 'no execution recorded';
		};

		/** Activates a workflow until it has listed everything and `done` holds, then deactivates it. */
		async function runOnce(workflowId: string, sinkPath: string, expected: number): Promise<{ ms: number; got: string[] }> {
			const requestsBefore = listRequests().length;
			const sinkBefore = sink.requests.length;
			const runsBefore = await finishedRuns(workflowId);
			await setWorkflowActive(running.url, apiKey, workflowId, true);
			try {
				await waitFor(() => listRequests().length >= requestsBefore + pages, 60_000, `${workflowId} to list ${COUNT} senders`);
				const changesIn = () => sink.requests.slice(sinkBefore).filter((request) => request.path === `/${sinkPath}`);
				if (expected > 0) {
					await waitFor(() => changesIn().length >= expected, 60_000, `${expected} changes from ${workflowId}`);
				} else if (workflowId === DIY_WORKFLOW) {
					// the first run reports nothing: wait for n8n to record it as finished
					for (let tries = 0; (await finishedRuns(workflowId)) <= runsBefore; tries++) {
						if (tries > 300) throw new Error(`${workflowId} did not finish its first run: ${await lastRun(workflowId)}`);
						await new Promise((resolve) => setTimeout(resolve, 200));
					}
				} else {
					await new Promise((resolve) => setTimeout(resolve, 2000));
				}
				// anything arriving late would be a duplicate
				await new Promise((resolve) => setTimeout(resolve, 1000));
				const changes = changesIn();
				const firstRequest = listRequests()[requestsBefore];
				const last = changes.length > 0 ? changes[changes.length - 1].at : firstRequest.at;
				const got = changes.map((request) => {
					const body = JSON.parse(request.body) as { id: string; event: string };
					return `${body.id} ${body.event}`;
				});
				if (process.env.BENCH_DEBUG) {
					const requests = listRequests().slice(requestsBefore);
					const gaps = requests.slice(1).map((request, index) => Math.round(request.at - requests[index].at));
					process.stdout.write(`\n${workflowId}: page gaps ${gaps.join(' ')} ms; last page → first change ${changes.length > 0 ? Math.round(changes[0].at - requests[requests.length - 1].at) : '-'} ms; changes span ${changes.length > 0 ? Math.round(last - changes[0].at) : '-'} ms\n`);
				}
				return { ms: last - firstRequest.at, got };
			} finally {
				await setWorkflowActive(running.url, apiKey, workflowId, false);
			}
		}

		// the first run of each only remembers the senders
		await runOnce(PACKAGE_WORKFLOW, 'package', 0);
		await runOnce(DIY_WORKFLOW, 'diy', 0);

		const random = seededRandom(SEED);
		const results: Record<'package' | 'diy', RoundResult[]> = { package: [], diy: [] };
		for (let round = 1; round <= ROUNDS; round++) {
			const truth = changeSenders(twilio, accountSid, round, random);
			// alternate who goes first, so neither always runs on a warmer n8n
			const order = round % 2 === 1 ? (['package', 'diy'] as const) : (['diy', 'package'] as const);
			for (const who of order) {
				const { ms, got } = await runOnce(who === 'package' ? PACKAGE_WORKFLOW : DIY_WORKFLOW, who, truth.length);
				results[who].push({ ms, ...score(truth, got) });
			}
		}

		const total = (who: 'package' | 'diy', key: 'lost' | 'duplicated' | 'wrong') => results[who].reduce((sum, r) => sum + r[key], 0);
		const ours = median(results.package.map((r) => r.ms));
		const diy = median(results.diy.map((r) => r.ms));
		const correctness = (who: 'package' | 'diy') => `${total(who, 'lost')} lost, ${total(who, 'duplicated')} duplicated, ${total(who, 'wrong')} wrong`;
		const changes = ROUNDS * (FIELD_CHANGES + 2);
		return [
			{
				figure: `Poll wall time in real n8n, ${formatCount(COUNT)} Twilio senders (median of ${ROUNDS} rounds)`,
				measured: `${formatMs(ours)} vs Schedule → HTTP Request → Code ${formatMs(diy)}: ${formatRatio(diy / ours)} faster`,
				target: '≥ 3× faster',
				met: diy / ours >= 3,
			},
			{
				figure: `Changes detected in real n8n (${changes} made over ${ROUNDS} rounds)`,
				measured: `package: ${correctness('package')}; DIY workflow: ${correctness('diy')}`,
				target: 'package as correct as the DIY workflow',
				met: ['lost', 'duplicated', 'wrong'].every(
					(key) => total('package', key as 'lost') <= total('diy', key as 'lost'),
				),
			},
		];
	} finally {
		await n8n?.stop();
		await Promise.all([account.stop(), sink.stop()]);
		rmSync(userFolder, { recursive: true, force: true });
	}
}
