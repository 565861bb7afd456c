import { PACKAGE_NAME } from './n8n';

/**
 * The workflows the end-to-end tests put into a real n8n: "trigger → post to Slack" and
 * "webhook → List senders", as a user would build them in the editor.
 */

type Credentials = Record<string, { id: string; name: string }>;

/**
 * A trigger schedule that never comes round in a test (1 January, yearly): the workflow polls
 * only when it is (re)activated, so each `repoll` is exactly one poll. With "every minute", a
 * tick falling inside a test step makes it two polls.
 */
export const ONLY_WHEN_ACTIVATED = { item: [{ mode: 'custom', cronExpression: '0 0 1 1 *' }] };

/** What every workflow here has besides its nodes: an id if the test names one, inactive, v1 order. */
function workflow(id: string | undefined, name: string, nodes: object[], connections: object) {
	return {
		...(id ? { id } : {}),
		name,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes,
		connections,
	};
}

/** WhatsApp Senders Trigger → HTTP Request posting `{ text }` to a Slack-style webhook. */
export function triggerToSlackWorkflow(options: {
	id?: string;
	name: string;
	triggerName: string;
	triggerParameters: Record<string, unknown>;
	credentials: Credentials;
	slackUrl: string;
	/** an n8n expression for the message text, over the trigger's item */
	text: string;
}) {
	return workflow(
		options.id,
		options.name,
		[
			{
				id: 'trigger',
				name: options.triggerName,
				type: `${PACKAGE_NAME}.whatsAppSendersTrigger`,
				typeVersion: 1,
				position: [0, 0],
				parameters: options.triggerParameters,
				credentials: options.credentials,
			},
			{
				id: 'slack',
				name: 'Post to Slack',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [300, 0],
				parameters: {
					method: 'POST',
					url: options.slackUrl,
					sendBody: true,
					specifyBody: 'json',
					jsonBody: `={{ JSON.stringify({ text: ${options.text} }) }}`,
				},
			},
		],
		{ [options.triggerName]: { main: [[{ node: 'Post to Slack', type: 'main', index: 0 }]] } },
	);
}

/**
 * Webhook (answers with the last node's items) → one WhatsApp Senders node: by default List
 * on Twilio, every sender; `parameters` runs any other operation on any provider.
 */
export function webhookListWorkflow(options: {
	id?: string;
	name: string;
	path: string;
	webhookId: string;
	credentials: Credentials;
	parameters?: Record<string, unknown>;
}) {
	return workflow(
		options.id,
		options.name,
		[
			{
				id: 'webhook',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: options.webhookId,
				parameters: { path: options.path, responseMode: 'lastNode', responseData: 'allEntries' },
			},
			{
				id: 'senders',
				name: 'WhatsApp Senders',
				type: `${PACKAGE_NAME}.whatsAppSenders`,
				typeVersion: 1,
				position: [300, 0],
				parameters: options.parameters ?? {
					provider: 'twilio',
					resource: 'sender',
					operation: 'list',
					returnAll: true,
				},
				credentials: options.credentials,
			},
		],
		{ Webhook: { main: [[{ node: 'WhatsApp Senders', type: 'main', index: 0 }]] } },
	);
}

/** GET of a production webhook; newer n8n registers it a moment after activation answers. */
export async function callProductionWebhook(
	n8nUrl: string,
	path: string,
): Promise<{ status: number; body: string }> {
	let response = await fetch(`${n8nUrl}/webhook/${path}`);
	for (let attempt = 0; response.status === 404 && attempt < 50; attempt++) {
		await new Promise((resolve) => setTimeout(resolve, 200));
		response = await fetch(`${n8nUrl}/webhook/${path}`);
	}
	return { status: response.status, body: await response.text() };
}

/**
 * Manual start → AI Agent (n8n's Agent v3) with an OpenAI-compatible chat model and one
 * WhatsApp Senders tool, as a user wires it on the canvas.
 */
export function agentWithSendersToolWorkflow(options: {
	id: string;
	name: string;
	prompt: string;
	openAiCredential: { id: string; name: string };
	tool: { typeVersion: number; parameters: Record<string, unknown>; credentials: Credentials };
}) {
	return workflow(
		options.id,
		options.name,
		[
			{
				id: 'start',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'agent',
				name: 'AI Agent',
				type: '@n8n/n8n-nodes-langchain.agent',
				typeVersion: 3,
				position: [300, 0],
				parameters: { promptType: 'define', text: options.prompt, options: {} },
			},
			{
				id: 'model',
				name: 'OpenAI Chat Model',
				type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
				typeVersion: 1.2,
				position: [200, 200],
				parameters: { model: { __rl: true, mode: 'id', value: 'gpt-4o-mini' }, options: {} },
				credentials: { openAiApi: options.openAiCredential },
			},
			{
				id: 'tool',
				name: 'WhatsApp Senders',
				type: `${PACKAGE_NAME}.whatsAppSendersTool`,
				typeVersion: options.tool.typeVersion,
				position: [400, 200],
				parameters: { descriptionType: 'auto', ...options.tool.parameters },
				credentials: options.tool.credentials,
			},
		],
		{
			Start: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
			'OpenAI Chat Model': {
				ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]],
			},
			'WhatsApp Senders': { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
		},
	);
}
