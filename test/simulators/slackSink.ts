import { HttpSimulator, type RecordedRequest, type SimulatedResponse } from './server';

export interface SlackMessage {
	receivedAt: string;
	path: string;
	/** The last part of the webhook path (see `urlFor`). */
	channel: string;
	body: Record<string, unknown>;
}

const EMOJI: Record<string, string> = {
	red_circle: '🔴',
	large_yellow_circle: '🟡',
	large_green_circle: '🟢',
	white_check_mark: '✅',
	x: '❌',
	new: '🆕',
	wastebasket: '🗑️',
	iphone: '📱',
	bar_chart: '📊',
	chart_with_upwards_trend: '📈',
	chart_with_downwards_trend: '📉',
	warning: '⚠️',
};

/**
 * A Slack message's text as a terminal shows it: emoji codes as emoji, Slack links as
 * "label (url)", and *bold* in bold where the terminal has colours.
 */
export function slackTextForTerminal(text: string, colours = false): string {
	return text
		.replace(/:([a-z_]+):/g, (code, name: string) => EMOJI[name] ?? code)
		.replace(/<([^|>]+)\|([^>]+)>/g, '$2 ($1)')
		.replace(/(^|[\s(])\*([^*\n]+)\*/g, (_match, before: string, bold: string) =>
			colours ? `${before}\u001b[1m${bold}\u001b[22m` : `${before}${bold}`,
		);
}

/** The text of a Slack webhook body: `text`, or the text of its blocks. */
export function slackMessageText(body: Record<string, unknown>): string {
	if (typeof body.text === 'string' && body.text !== '') return body.text;
	const blocks = Array.isArray(body.blocks) ? (body.blocks as Array<Record<string, unknown>>) : [];
	return blocks
		.map((block) => (block.text as { text?: string } | undefined)?.text)
		.filter((text): text is string => typeof text === 'string')
		.join('\n');
}

function escapeHtml(text: string): string {
	return text.replace(
		/[&<>"]/g,
		(char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char]!,
	);
}

/**
 * A stand-in for Slack incoming webhooks: accepts JSON posts on any path, answers "ok" as
 * Slack does (400 "invalid_payload" without text or blocks), keeps every message, and
 * shows them at its own URL (`/` as a page, `/messages` as JSON).
 */
export class SlackSink extends HttpSimulator {
	readonly received: SlackMessage[] = [];

	private readonly listeners: Array<(message: SlackMessage) => void> = [];

	protected route(request: RecordedRequest): SimulatedResponse {
		if (request.method === 'GET' && request.path === '/messages')
			return { status: 200, body: this.received };
		if (request.method === 'GET' && request.path === '/') {
			const items = this.received
				.map(
					(m) =>
						`<li><time>${m.receivedAt}</time> #${escapeHtml(m.channel)}<pre>${escapeHtml(slackTextForTerminal(slackMessageText(m.body)))}</pre></li>`,
				)
				.join('\n');
			return {
				status: 200,
				headers: { 'Content-Type': 'text/html; charset=utf-8' },
				rawBody: `<!doctype html><meta charset="utf-8"><title>Slack sink</title><h1>Messages received (${this.received.length})</h1><ol>${items}</ol>`,
			};
		}
		// Slack answers in plain text, not JSON
		const plain = (status: number, text: string) => ({
			status,
			rawBody: text,
			headers: { 'Content-Type': 'text/plain; charset=utf-8' },
		});
		if (request.method !== 'POST') return plain(405, 'invalid_method');
		let body: Record<string, unknown>;
		try {
			body = JSON.parse(request.body) as Record<string, unknown>;
		} catch {
			return plain(400, 'invalid_payload');
		}
		if (slackMessageText(body) === '') return plain(400, 'no_text');
		const channel = request.path.split('/').pop() ?? '';
		const message = { receivedAt: new Date().toISOString(), path: request.path, channel, body };
		this.received.push(message);
		for (const listener of this.listeners) listener(message);
		return plain(200, 'ok');
	}

	/** The webhook URL to give n8n, shaped like Slack's. */
	get url(): string {
		return this.urlFor('demo');
	}

	/** A webhook URL per "channel": each message remembers the path it came to. */
	urlFor(channel: string): string {
		return `${this.server.origin}/services/T000/B000/${channel}`;
	}

	/** The bodies received, oldest first. */
	get messages(): Array<Record<string, unknown>> {
		return this.received.map((message) => message.body);
	}

	onMessage(listener: (message: SlackMessage) => void): void {
		this.listeners.push(listener);
	}
}
