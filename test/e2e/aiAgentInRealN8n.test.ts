import { rmSync } from 'node:fs';

import { OpenAiChatSimulator } from '../simulators/openAiChat';
import { TwilioSimulator, twilioSid } from '../simulators/twilio';
import {
	executeWorkflow,
	importIntoN8n,
	installPackage,
	N8N_VERSION,
	newUserFolder,
	nodeOutput,
	type RunOutput,
} from '../support/n8n';
import { agentWithSendersToolWorkflow } from '../support/workflows';

/**
 * An n8n AI Agent with WhatsApp Senders as its tool, in a real n8n (`n8n execute`): Manual
 * Trigger → AI Agent, with an OpenAI Chat Model pointed at a scripted OpenAI-compatible
 * server and "WhatsApp Senders Tool" (List, Twilio). The "model" calls the tool it is offered
 * and repeats the tool's answer, so the test sees what a real model would be told about the
 * tool and that the agent gets the senders from Twilio.
 */

const ACCOUNT_SID = twilioSid('AC');
const AUTH_TOKEN = 'e2e-agent-twilio-token';
const OPENAI_KEY = 'sk-e2e-agent-openai-key';
const WORKFLOW_ID = 'e2eAgentSenders1';

const twilio = new TwilioSimulator();
const model = new OpenAiChatSimulator();
let userFolder: string;
let run: RunOutput;

beforeAll(async () => {
	await Promise.all([twilio.start(), model.start()]);
	twilio.addAccount(ACCOUNT_SID, AUTH_TOKEN);
	twilio.addSenders(
		ACCOUNT_SID,
		{ phoneNumber: '+14155550131', displayName: 'Support', qualityRating: 'HIGH' },
		{ phoneNumber: '+14155550132', displayName: 'Sales', qualityRating: 'LOW' },
	);
	userFolder = newUserFolder();
	await installPackage(userFolder);
	await importIntoN8n(userFolder, 'credentials', [
		{
			id: 'twilioAgentCred1',
			name: 'Twilio',
			type: 'twilioSendersApi',
			data: {
				authType: 'authToken',
				accountSid: ACCOUNT_SID,
				authToken: AUTH_TOKEN,
				baseUrl: twilio.baseUrl,
			},
		},
		{
			id: 'openAiAgentCred1',
			name: 'OpenAI (local)',
			type: 'openAiApi',
			data: { apiKey: OPENAI_KEY, url: model.baseUrl },
		},
	]);
	await importIntoN8n(userFolder, 'workflow', [
		agentWithSendersToolWorkflow({
			id: WORKFLOW_ID,
			name: 'Ask an agent about the senders',
			prompt: 'Which of our WhatsApp numbers have a RED quality rating?',
			openAiCredential: { id: 'openAiAgentCred1', name: 'OpenAI (local)' },
			tool: {
				typeVersion: 1,
				parameters: { provider: 'twilio', resource: 'sender', operation: 'list', returnAll: true },
				credentials: { twilioSendersApi: { id: 'twilioAgentCred1', name: 'Twilio' } },
			},
		}),
	]);
	run = await executeWorkflow(userFolder, WORKFLOW_ID);
}, 240_000);

afterAll(async () => {
	await Promise.all([twilio.stop(), model.stop()]);
	if (userFolder) rmSync(userFolder, { recursive: true, force: true });
});

describe(`WhatsApp Senders as an AI Agent's tool (n8n ${N8N_VERSION})`, () => {
	it('is offered to the model with a description of what it does', () => {
		expect(run.data.resultData.error).toBeUndefined();
		const tools = model.toolsOffered[0];
		expect(tools).toHaveLength(1);
		expect(tools[0].function.description).toBe('List senders in WhatsApp Senders');
	});

	it('lists the senders at Twilio when the model calls it', () => {
		expect(
			twilio.server.requests.filter((request) => request.path === '/v2/Channels/Senders'),
		).toHaveLength(1);
	});

	it("gives the model every sender's number, status and quality rating", () => {
		const [answer] = nodeOutput(run, 'AI Agent');
		expect(String(answer.output)).toContain('The tool answered:');
		expect(String(answer.output)).toContain('+14155550131');
		expect(String(answer.output)).toMatch(/\+14155550132[^}]*"qualityRating":"RED"/);
	});

	it('leaves out the raw provider JSON, which would cost the model about 1 KB of tokens a sender', () => {
		const [answer] = nodeOutput(run, 'AI Agent');
		expect(String(answer.output)).toContain('"messagingLimit"');
		expect(String(answer.output)).not.toContain('"raw"');
	});
});
