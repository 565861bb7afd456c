import { rmSync } from 'node:fs';

import { MetaSimulator } from '../simulators/meta';
import { OpenAiChatSimulator } from '../simulators/openAiChat';
import {
	executeWorkflow,
	importIntoN8n,
	installPackage,
	N8N_VERSION,
	newUserFolder,
	type RunOutput,
} from '../support/n8n';
import { agentWithSendersToolWorkflow } from '../support/workflows';

/**
 * A version-2 WhatsApp Senders tool (as the node panel now adds it: resource = provider) on a
 * Meta-only operation, in a real n8n (`n8n execute`) with an AI Agent: with "Set Automatically"
 * the model is told the operation's action, and calling the tool runs Meta's Request Code.
 * Version 1 described this operation as "requestCode sender".
 */

const ACCESS_TOKEN = 'e2e-agent-meta-token';
const WABA_ID = '102290129340398';
const OPENAI_KEY = 'sk-e2e-agent-openai-key';
const WORKFLOW_ID = 'e2eAgentSendersV2';

const meta = new MetaSimulator(ACCESS_TOKEN, WABA_ID);
const model = new OpenAiChatSimulator();
let userFolder: string;
let run: RunOutput;
let numberId: string;

beforeAll(async () => {
	await Promise.all([meta.start(), model.start()]);
	[{ id: numberId }] = meta.addNumbers({
		phoneNumber: '+14155550100',
		status: 'PENDING',
		codeVerificationStatus: 'NOT_VERIFIED',
	});
	userFolder = newUserFolder();
	await installPackage(userFolder);
	await importIntoN8n(userFolder, 'credentials', [
		{
			id: 'metaAgentCred001',
			name: 'Meta',
			type: 'metaWhatsAppCloudApi',
			data: {
				accessToken: ACCESS_TOKEN,
				wabaId: WABA_ID,
				graphApiVersion: 'v26.0',
				baseUrl: meta.baseUrl,
			},
		},
		{
			id: 'openAiAgentCred2',
			name: 'OpenAI (local)',
			type: 'openAiApi',
			data: { apiKey: OPENAI_KEY, url: model.baseUrl },
		},
	]);
	await importIntoN8n(userFolder, 'workflow', [
		agentWithSendersToolWorkflow({
			id: WORKFLOW_ID,
			name: 'Ask an agent to request a code',
			prompt: 'Send a verification code to our new number.',
			openAiCredential: { id: 'openAiAgentCred2', name: 'OpenAI (local)' },
			// what the node panel stores: the provider is the resource
			tool: {
				typeVersion: 2,
				parameters: {
					resource: 'metaCloud',
					operation: 'requestCode',
					senderId: { __rl: true, mode: 'id', value: numberId },
					codeMethod: 'sms',
					language: 'en_US',
				},
				credentials: { metaWhatsAppCloudApi: { id: 'metaAgentCred001', name: 'Meta' } },
			},
		}),
	]);
	run = await executeWorkflow(userFolder, WORKFLOW_ID);
}, 240_000);

afterAll(async () => {
	await Promise.all([meta.stop(), model.stop()]);
	if (userFolder) rmSync(userFolder, { recursive: true, force: true });
});

describe(`a version-2 WhatsApp Senders tool on a Meta-only operation (n8n ${N8N_VERSION})`, () => {
	it("is offered to the model with the operation's action as description", () => {
		expect(run.data.resultData.error).toBeUndefined();
		const [tools] = model.toolsOffered;
		expect(tools.map((tool) => tool.function.description)).toEqual([
			'Request a verification code in WhatsApp Senders',
		]);
	});

	it("runs Meta's Request Code when the model calls it", () => {
		expect(
			meta.server.requests.filter(
				(request) =>
					request.method === 'POST' && request.path === `/v26.0/${numberId}/request_code`,
			),
		).toHaveLength(1);
	});
});
