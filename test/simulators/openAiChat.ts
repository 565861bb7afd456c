import { HttpSimulator } from './server';
import type { RecordedRequest, SimulatedResponse } from './server';

interface ChatMessage {
	role: string;
	content?: string | null;
	tool_calls?: unknown[];
}

export interface ChatTool {
	type: 'function';
	function: { name: string; description: string; parameters: unknown };
}

/**
 * An OpenAI-compatible Chat Completions endpoint with a scripted "model", so an n8n AI Agent
 * can run here without a real LLM: asked a question, it calls the first tool it was offered;
 * given the tool's answer, it replies with that answer. It keeps what it was told about the
 * tools, which is what a real model would read.
 */
export class OpenAiChatSimulator extends HttpSimulator {
	readonly toolsOffered: ChatTool[][] = [];

	get baseUrl(): string {
		return `${this.server.origin}/v1`;
	}

	protected route(request: RecordedRequest): SimulatedResponse {
		if (request.method !== 'POST' || request.path !== '/v1/chat/completions') {
			return {
				status: 404,
				body: { error: { message: `no route ${request.method} ${request.path}` } },
			};
		}
		const body = JSON.parse(request.body) as {
			model: string;
			messages: ChatMessage[];
			tools?: ChatTool[];
		};
		this.toolsOffered.push(body.tools ?? []);
		const last = body.messages[body.messages.length - 1];
		const tool = body.tools?.[0];
		const message =
			last.role === 'tool' || !tool
				? { role: 'assistant', content: `The tool answered: ${String(last.content)}` }
				: {
						role: 'assistant',
						content: null,
						tool_calls: [
							{
								id: 'call_1',
								type: 'function',
								function: { name: tool.function.name, arguments: '{}' },
							},
						],
					};
		return {
			status: 200,
			body: {
				id: `chatcmpl-${this.server.requests.length}`,
				object: 'chat.completion',
				created: 1_790_000_000,
				model: body.model,
				choices: [
					{ index: 0, message, finish_reason: 'tool_calls' in message ? 'tool_calls' : 'stop' },
				],
				usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
			},
		};
	}
}
