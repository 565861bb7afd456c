import { rmSync } from 'node:fs';

import { type MetaNumber, MetaSimulator } from '../simulators/meta';
import { SlackSink } from '../simulators/slackSink';
import { basicAuth } from '../simulators/server';
import { TwilioSimulator, twilioSid, type TwilioSender } from '../simulators/twilio';
import {
	repoll,
	type RunningN8n,
	startN8nWithWorkflows,
	twilioCredential,
	waitFor,
} from '../support/n8n';
import { ONLY_WHEN_ACTIVATED, triggerToSlackWorkflow } from '../support/workflows';

/**
 * The trigger in a real n8n: an active workflow "WhatsApp Senders Trigger (quality becomes
 * RED) → HTTP Request to a Slack-style webhook". A sender turns RED in the simulator; the
 * sink must get exactly one message naming the number, and nothing on the polls after.
 */

const ACCOUNT_SID = twilioSid('AC');
const AUTH_TOKEN = 'e2e-trigger-token';
const WORKFLOW_ID = 'e2eQualityAlert1';
/** A second account watched for removals, to show a provider glitch (an empty list) is not an alert storm. */
const FLEET_SID = twilioSid('AC');
const REMOVAL_WORKFLOW_ID = 'e2eRemovalAlert1';
/** A Meta business portfolio and the Twilio account, each watched for messaging-limit changes. */
const META_TOKEN = 'e2e-trigger-meta-token';
const META_WABA = '102290129340398';
const LIMIT_WORKFLOW_IDS = { metaCloud: 'e2eMetaLimitAlrt', twilio: 'e2eTwilLimitAlrt' };
const LIMIT_TEXT =
	'"Limit " + $json.previous.messagingLimit + " → " + $json.current.messagingLimit + " (" + $json.current.messagingLimitText + ") on " + $json.senderCount + " numbers of " + $json.provider + ": " + $json.senders.map(s => s.phoneNumber).join(", ")';

const twilio = new TwilioSimulator();
const meta = new MetaSimulator(META_TOKEN, META_WABA);
const slack = new SlackSink();
let senders: TwilioSender[];
let metaNumbers: MetaNumber[];
let userFolder: string;
let n8n: RunningN8n;
let apiKey: string;

const listRequests = (accountSid = ACCOUNT_SID) =>
	twilio.server.requests.filter(
		(r) => r.path === '/v2/Channels/Senders' && basicAuth(r.headers)?.user === accountSid,
	).length;
const removalMessages = () =>
	slack.messages.filter((message) => String(message.text).startsWith('Removed'));
const limitMessages = () =>
	slack.messages.filter((message) => String(message.text).startsWith('Limit'));
const metaListRequests = () =>
	meta.server.requests.filter((r) => r.path.endsWith('/phone_numbers')).length;

beforeAll(async () => {
	await Promise.all([twilio.start(), meta.start(), slack.start()]);
	metaNumbers = meta.addNumbers(
		{ phoneNumber: '+5511987654321', verifiedName: 'Acme Brasil', messagingLimit: 'TIER_2K' },
		{ phoneNumber: '+5521912345678', verifiedName: 'Acme Rio', messagingLimit: 'TIER_2K' },
		{ phoneNumber: '+5531912345678', verifiedName: 'Acme BH', messagingLimit: 'TIER_2K' },
	);
	twilio.addAccount(ACCOUNT_SID, AUTH_TOKEN);
	senders = twilio.addSenders(
		ACCOUNT_SID,
		{ phoneNumber: '+14155550101', displayName: 'Support', qualityRating: 'HIGH' },
		{ phoneNumber: '+14155550102', displayName: 'Sales', qualityRating: 'HIGH' },
	);
	twilio.addAccount(FLEET_SID, AUTH_TOKEN);
	twilio.addSenders(
		FLEET_SID,
		{ phoneNumber: '+4930100001' },
		{ phoneNumber: '+4930100002' },
		{ phoneNumber: '+4930100003' },
	);
	({ userFolder, n8n, apiKey } = await startN8nWithWorkflows(
		[
			twilioCredential('twilioTrigCred01', 'Twilio e2e', ACCOUNT_SID, AUTH_TOKEN, twilio.baseUrl),
			twilioCredential(
				'twilioTrigCred02',
				'Twilio fleet e2e',
				FLEET_SID,
				AUTH_TOKEN,
				twilio.baseUrl,
			),
			{
				id: 'metaTrigCred0001',
				name: 'Meta e2e',
				type: 'metaWhatsAppCloudApi',
				data: {
					accessToken: META_TOKEN,
					wabaId: META_WABA,
					graphApiVersion: 'v24.0',
					baseUrl: meta.baseUrl,
				},
			},
		],
		[
			triggerToSlackWorkflow({
				id: WORKFLOW_ID,
				name: 'Quality alert',
				triggerName: 'Quality turns RED',
				triggerParameters: {
					pollTimes: ONLY_WHEN_ACTIVATED,
					provider: 'twilio',
					events: ['qualityChanged'],
					filters: { qualityBecomes: ['RED'] },
				},
				credentials: { twilioSendersApi: { id: 'twilioTrigCred01', name: 'Twilio e2e' } },
				slackUrl: slack.url,
				text: '"WhatsApp quality " + $json.previous.qualityRating + " → " + $json.sender.qualityRating + " for " + $json.sender.phoneNumber + " (" + $json.provider + ")"',
			}),
			triggerToSlackWorkflow({
				id: REMOVAL_WORKFLOW_ID,
				name: 'Removal alert',
				triggerName: 'Sender removed',
				triggerParameters: {
					pollTimes: ONLY_WHEN_ACTIVATED,
					provider: 'twilio',
					events: ['senderRemoved'],
				},
				credentials: { twilioSendersApi: { id: 'twilioTrigCred02', name: 'Twilio fleet e2e' } },
				slackUrl: slack.url,
				text: '"Removed " + $json.sender.phoneNumber',
			}),
			...(
				[
					[
						'metaCloud',
						'Meta',
						{ metaWhatsAppCloudApi: { id: 'metaTrigCred0001', name: 'Meta e2e' } },
					],
					[
						'twilio',
						'Twilio',
						{ twilioSendersApi: { id: 'twilioTrigCred01', name: 'Twilio e2e' } },
					],
				] as const
			).map(([provider, name, credentials]) =>
				triggerToSlackWorkflow({
					id: LIMIT_WORKFLOW_IDS[provider],
					name: `${name} limit alert`,
					triggerName: `${name} limit changes`,
					triggerParameters: {
						pollTimes: ONLY_WHEN_ACTIVATED,
						provider,
						events: ['messagingLimitChanged'],
					},
					credentials,
					slackUrl: slack.url,
					text: LIMIT_TEXT,
				}),
			),
		],
	));
	// activation polls at once: that poll records the baseline
	// (the Twilio account is polled by two workflows)
	await waitFor(
		() => listRequests() >= 2 && listRequests(FLEET_SID) >= 1 && metaListRequests() >= 1,
		30_000,
		'the baseline polls',
	);
}, 240_000);

afterAll(async () => {
	await n8n?.stop();
	await Promise.all([twilio.stop(), meta.stop(), slack.stop()]);
	if (userFolder) rmSync(userFolder, { recursive: true, force: true });
});

describe('WhatsApp Senders Trigger in a real n8n', () => {
	it('sends nothing while nothing changed', () => {
		expect(slack.messages).toEqual([]);
	});

	it('posts exactly one Slack message naming the number when its quality turns RED', async () => {
		twilio.updateSender(ACCOUNT_SID, senders[1].sid, (s) => {
			(s.properties as Record<string, unknown>).quality_rating = 'LOW';
		});
		await repoll(n8n.url, apiKey, WORKFLOW_ID);
		await waitFor(() => slack.messages.length >= 1, 30_000, 'the Slack message');
		expect(slack.messages).toEqual([
			{ text: 'WhatsApp quality GREEN → RED for +14155550102 (twilio)' },
		]);
	}, 60_000);

	it('posts nothing more on the following polls', async () => {
		const polled = listRequests();
		await repoll(n8n.url, apiKey, WORKFLOW_ID);
		await waitFor(() => listRequests() > polled, 30_000, 'the next poll');
		await new Promise((resolve) => setTimeout(resolve, 3000));
		expect(slack.messages).toHaveLength(1);
	}, 60_000);

	describe('a business portfolio whose messaging limit changes', () => {
		async function pollLimits(): Promise<void> {
			const [twilioPolled, metaPolled] = [listRequests(), metaListRequests()];
			await Promise.all([
				repoll(n8n.url, apiKey, LIMIT_WORKFLOW_IDS.metaCloud),
				repoll(n8n.url, apiKey, LIMIT_WORKFLOW_IDS.twilio),
			]);
			await waitFor(
				() => listRequests() > twilioPolled && metaListRequests() > metaPolled,
				30_000,
				'the limit workflows to poll',
			);
			// time for the executions the polls started to reach the sink
			await new Promise((resolve) => setTimeout(resolve, 3000));
		}

		it('posts exactly one message per account naming every number, on Meta and on Twilio', async () => {
			for (const number of metaNumbers)
				meta.updateNumber(number.id, (n) => (n.messagingLimit = 'TIER_10K'));
			for (const sender of senders)
				twilio.updateSender(
					ACCOUNT_SID,
					sender.sid,
					(s) =>
						((s.properties as Record<string, unknown>).messaging_limit = '100K Customers/24hr'),
				);
			await pollLimits();
			await waitFor(() => limitMessages().length >= 2, 30_000, 'the limit messages');
			// the senders come in the order of their ids
			const twilioNumbers = [...senders]
				.sort((a, b) => a.sid.localeCompare(b.sid))
				.map((sender) => String(sender.sender_id).replace('whatsapp:', ''));
			expect(
				limitMessages()
					.map((message) => message.text)
					.sort(),
			).toEqual([
				`Limit 10000 → 100000 (100K Customers/24hr) on 2 numbers of twilio: ${twilioNumbers.join(', ')}`,
				'Limit 2000 → 10000 (TIER_10K) on 3 numbers of metaCloud: +5511987654321, +5521912345678, +5531912345678',
			]);
		}, 90_000);

		it('posts nothing more on the following polls', async () => {
			await pollLimits();
			expect(limitMessages()).toHaveLength(2);
		}, 60_000);
	});

	describe('a provider answering an empty list', () => {
		const fleet = () => twilio.account(FLEET_SID).senders;
		async function pollFleet(): Promise<void> {
			const polled = listRequests(FLEET_SID);
			await repoll(n8n.url, apiKey, REMOVAL_WORKFLOW_ID);
			await waitFor(() => listRequests(FLEET_SID) > polled, 30_000, 'the removal workflow to poll');
			// time for an execution the poll may have started to reach the sink
			await new Promise((resolve) => setTimeout(resolve, 3000));
		}

		it('posts nothing when the empty list comes once and the numbers are back on the next poll', async () => {
			const everyone = fleet().splice(0);
			await pollFleet();
			fleet().push(...everyone);
			await pollFleet();
			expect(removalMessages()).toEqual([]);
		}, 90_000);

		it('posts one message per number when the next poll confirms the empty list, and none after', async () => {
			fleet().splice(0);
			await pollFleet();
			expect(removalMessages()).toEqual([]);
			await pollFleet();
			await waitFor(() => removalMessages().length >= 3, 30_000, 'the removal messages');
			await pollFleet();
			expect(
				removalMessages()
					.map((message) => message.text)
					.sort(),
			).toEqual(['Removed +4930100001', 'Removed +4930100002', 'Removed +4930100003']);
		}, 120_000);
	});
});
