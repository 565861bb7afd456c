import { SimulatorServer } from './server';

/** A stand-in for a Slack incoming webhook: accepts JSON posts and keeps them. */
export class SlackSink {
	readonly server = new SimulatorServer((request) =>
		request.method === 'POST' ? { status: 200, rawBody: 'ok' } : { status: 405, rawBody: 'invalid_method' },
	);

	async start(port?: number): Promise<string> {
		return await this.server.start(port);
	}

	async stop(): Promise<void> {
		await this.server.stop();
	}

	get url(): string {
		return `${this.server.origin}/services/T000/B000/demo`;
	}

	get messages(): Array<Record<string, unknown>> {
		return this.server.requests
			.filter((request) => request.method === 'POST')
			.map((request) => JSON.parse(request.body) as Record<string, unknown>);
	}
}
