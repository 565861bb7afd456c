import { rmSync } from 'node:fs';

import { MetaSimulator } from '../simulators/meta';
import { SinchSimulator } from '../simulators/sinch';
import { SlackSink } from '../simulators/slackSink';
import { YCloudSimulator } from '../simulators/yCloud';
import { type ExampleWorkflow, personalizeExample } from '../support/examples';
import { repoll, type RunningN8n, startN8nWithWorkflows, waitFor } from '../support/n8n';
import { ONLY_WHEN_ACTIVATED, triggerToSlackWorkflow } from '../support/workflows';

/**
 * Silence that looks like health, in a real n8n: an account-level ban must reach Slack once
 * per number with the provider's reason (Sinch DISABLE, Meta health_status BLOCKED with Meta's
 * possible solution), a move between two limits without a number must be one limit event
 * (Sinch TIER_100K → TIER_UNLIMITED), and a YCloud quota answered with Retry-After 1,800 s
 * must be one failed execution, told once to Slack by the quality-alert example's Error
 * Trigger, with no YCloud request on the polls that follow.
 */

const SINCH = {
	projectId: 'e2e-blind-project',
	keyId: 'e2e-blind-key',
	keySecret: 'e2e-blind-secret-4711',
};
const META = { token: 'e2e-blind-meta-token', wabaId: '102290129340777' };
const YCLOUD_KEY = 'e2e-blind-ycloud-key';
const IDS = { sinch: 'e2eBlindSinch001', meta: 'e2eBlindMeta0001', ycloud: 'e2eBlindYCloud01' };

const sinch = new SinchSimulator(SINCH.projectId, SINCH.keyId, SINCH.keySecret);
const meta = new MetaSimulator(META.token, META.wabaId);
const ycloud = new YCloudSimulator(YCLOUD_KEY);
const slack = new SlackSink();
let userFolder: string;
let n8n: RunningN8n;
let apiKey: string;

const texts = (channel: string) =>
	slack.received
		.filter((message) => message.channel === channel)
		.map((message) => String(message.body.text));
const sinchReads = () =>
	sinch.server.requests.filter((request) => request.path.endsWith('/whatsapp/senders')).length;
const metaReads = () =>
	meta.server.requests.filter((request) => request.path.endsWith('/phone_numbers')).length;
const STATUS_TEXT =
	'$json.event === "messagingLimitChanged" ? "Limit " + ($json.previous.messagingLimit !== null ? $json.previous.messagingLimit : $json.previous.messagingLimitText) + " → " + ($json.current.messagingLimit !== null ? $json.current.messagingLimit : $json.current.messagingLimitText) + " on " + $json.senderCount + " numbers" : $json.sender.phoneNumber + " " + $json.previous.status + " → " + $json.sender.status + ": " + $json.sender.offlineReasons.map(r => r.message + (r.solution ? " Fix: " + r.solution : "")).join(" ")';

/** The quality-alert example as a YCloud user sets it up: the YCloud trigger, Slack, and the Error Trigger telling blind spells. */
function yCloudQualityAlert(): ExampleWorkflow {
	const example = personalizeExample('quality-alert', {
		id: IDS.ycloud,
		slackUrl: slack.urlFor('quality'),
		credentials: { yCloudApi: { id: 'blindYCloudCred1', name: 'YCloud e2e' } },
	});
	const kept = new Set([
		'YCloud quality drops',
		'Post to Slack',
		'When a trigger cannot see',
		'Post blind spell to Slack',
	]);
	return {
		...example,
		nodes: example.nodes.filter((node) => kept.has(node.name)),
		connections: Object.fromEntries(
			Object.entries(example.connections).filter(([name]) => kept.has(name)),
		),
	};
}

beforeAll(async () => {
	await Promise.all([sinch.start(), meta.start(), ycloud.start(), slack.start()]);
	sinch.businessDailyLimit = 'TIER_100K';
	sinch.addSenders(
		{ countryCode: '48', phoneNumber: '777777777', displayName: 'Warsaw' },
		{ countryCode: '49', phoneNumber: '1701234567', displayName: 'Berlin' },
	);
	meta.addNumbers(
		{ phoneNumber: '+5511987654321', verifiedName: 'Acme Brasil' },
		{ phoneNumber: '+5521912345678', verifiedName: 'Acme Rio' },
	);
	ycloud.addNumbers({ phoneNumber: '+16315551111', verifiedName: 'Acme US' });
	({ userFolder, n8n, apiKey } = await startN8nWithWorkflows(
		[
			{
				id: 'blindSinchCred01',
				name: 'Sinch e2e',
				type: 'sinchProvisioningApi',
				data: { ...SINCH, baseUrl: sinch.baseUrl, tokenUrl: sinch.tokenUrl },
			},
			{
				id: 'blindMetaCred001',
				name: 'Meta e2e',
				type: 'metaWhatsAppCloudApi',
				data: {
					accessToken: META.token,
					wabaId: META.wabaId,
					graphApiVersion: 'v24.0',
					baseUrl: meta.baseUrl,
				},
			},
			{
				id: 'blindYCloudCred1',
				name: 'YCloud e2e',
				type: 'yCloudApi',
				data: { apiKey: YCLOUD_KEY, baseUrl: ycloud.baseUrl },
			},
		],
		[
			triggerToSlackWorkflow({
				id: IDS.sinch,
				name: 'Sinch status and limits',
				triggerName: 'Sinch changes',
				triggerParameters: {
					pollTimes: ONLY_WHEN_ACTIVATED,
					provider: 'sinch',
					events: ['statusChanged', 'messagingLimitChanged'],
				},
				credentials: { sinchProvisioningApi: { id: 'blindSinchCred01', name: 'Sinch e2e' } },
				slackUrl: slack.urlFor('sinch'),
				text: STATUS_TEXT,
			}),
			triggerToSlackWorkflow({
				id: IDS.meta,
				name: 'Meta status',
				triggerName: 'Meta changes',
				triggerParameters: {
					pollTimes: ONLY_WHEN_ACTIVATED,
					provider: 'metaCloud',
					events: ['statusChanged'],
				},
				credentials: { metaWhatsAppCloudApi: { id: 'blindMetaCred001', name: 'Meta e2e' } },
				slackUrl: slack.urlFor('meta'),
				text: STATUS_TEXT,
			}),
			yCloudQualityAlert(),
		],
	));
	await waitFor(
		() => sinchReads() >= 1 && metaReads() >= 1 && ycloud.server.requests.length >= 2,
		30_000,
		'the baseline polls',
	);
}, 240_000);

afterAll(async () => {
	await n8n?.stop();
	await Promise.all([sinch.stop(), meta.stop(), ycloud.stop(), slack.stop()]);
	if (userFolder) rmSync(userFolder, { recursive: true, force: true });
});

async function repollAndSettle(workflowId: string, reads: () => number): Promise<void> {
	const before = reads();
	await repoll(n8n.url, apiKey, workflowId);
	await waitFor(() => reads() > before, 30_000, `${workflowId} to poll`);
	// time for the executions the poll started to reach the sink
	await new Promise((resolve) => setTimeout(resolve, 3000));
}

describe('account-level signals in a real n8n', () => {
	it('posts one message per Sinch number naming the DISABLE ban, and one for the account moving TIER_100K → TIER_UNLIMITED; nothing on the next poll', async () => {
		sinch.wabaBanState = 'DISABLE';
		sinch.businessDailyLimit = 'TIER_UNLIMITED';
		await repollAndSettle(IDS.sinch, sinchReads);
		await waitFor(() => texts('sinch').length >= 3, 30_000, 'the Sinch messages');
		const ban =
			': The WhatsApp Business Account has been disabled due to administrative or policy enforcement.';
		expect(texts('sinch').sort()).toEqual([
			'+48777777777 ONLINE → OFFLINE' + ban,
			'+491701234567 ONLINE → OFFLINE' + ban,
			'Limit 100000 → TIER_UNLIMITED on 2 numbers',
		]);
		await repollAndSettle(IDS.sinch, sinchReads);
		expect(texts('sinch')).toHaveLength(3);
	}, 90_000);

	it("posts one message per Meta number when the WABA's health_status turns BLOCKED, with Meta's possible solution; nothing on the next poll", async () => {
		meta.wabaHealth = {
			canSendMessage: 'BLOCKED',
			errors: [
				{
					error_code: 141006,
					error_description: 'The WhatsApp Business Account is disabled.',
					possible_solution: 'Request a review in WhatsApp Manager.',
				},
			],
		};
		await repollAndSettle(IDS.meta, metaReads);
		await waitFor(() => texts('meta').length >= 2, 30_000, 'the Meta messages');
		const reason = `: WhatsApp Business Account ${META.wabaId}: The WhatsApp Business Account is disabled. Fix: Request a review in WhatsApp Manager.`;
		expect(texts('meta').sort()).toEqual([
			'+5511987654321 ONLINE → OFFLINE' + reason,
			'+5521912345678 ONLINE → OFFLINE' + reason,
		]);
		await repollAndSettle(IDS.meta, metaReads);
		expect(texts('meta')).toHaveLength(2);
	}, 90_000);
});

describe('a YCloud quota used up, in a real n8n polling every minute', () => {
	let refusedAt = 0;

	it('fails one poll naming when polling resumes, and the Error Trigger posts it to Slack once', async () => {
		ycloud.quotaRetryAfterSeconds = 1800;
		const asked = ycloud.server.requests.length;
		// the next minute's poll
		await waitFor(() => ycloud.server.requests.length > asked, 75_000, 'the next minute poll');
		refusedAt = Date.now();
		expect(ycloud.server.requests.length - asked).toBe(1);
		await waitFor(() => texts('quality').length >= 1, 30_000, 'the blind-spell message');
		expect(texts('quality')).toEqual([
			expect.stringMatching(
				/^:warning: \*.+ cannot see its WhatsApp provider\*: YCloud asked for no requests until \S+Z: polling resumes then\. Said once/,
			),
		]);
		const resume = Date.parse(/until (\S+Z)/.exec(texts('quality')[0])![1]);
		expect(resume - refusedAt).toBeGreaterThan(1_790_000);
		const response = await fetch(`${n8n.url}/api/v1/executions?workflowId=${IDS.ycloud}`, {
			headers: { 'X-N8N-API-KEY': apiKey },
		});
		const executions = (await response.json()) as { data?: Array<{ status?: string }> };
		expect({
			status: response.status,
			failed: executions.data?.filter((execution) => execution.status === 'error').length,
		}).toEqual({ status: 200, failed: 1 });
	}, 120_000);

	it('sends YCloud no request on the next two minute polls, and posts nothing more', async () => {
		const asked = ycloud.server.requests.length;
		await new Promise((resolve) =>
			setTimeout(resolve, Math.max(0, refusedAt + 125_000 - Date.now())),
		);
		expect(ycloud.server.requests.length).toBe(asked);
		expect(texts('quality')).toHaveLength(1);
	}, 150_000);
});
