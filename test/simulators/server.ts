import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';

import type { ContractName } from '../support/providerContracts';

export interface RecordedRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: IncomingMessage['headers'];
	body: string;
	/** When the request arrived, in performance.now() milliseconds (benchmarks time polls from it). */
	at: number;
}

export interface SimulatedResponse {
	status: number;
	body?: unknown;
	/** Sent as is instead of JSON: for truncated or non-JSON answers, or bytes (a tarball). */
	rawBody?: string | Buffer;
	headers?: Record<string, string>;
	/** Why a fault a test injects may break the provider's contract on purpose (it is then not checked against it). */
	breaksContract?: string;
}

/** A failure the next matching request gets instead of the simulator's normal answer. */
export type Fault = SimulatedResponse | { kind: 'reset' } | { kind: 'hang'; ms: number };

export type Handler = (request: RecordedRequest) => SimulatedResponse;

/** A request and what the server answered; `injected` when the answer was a test's fault. */
export interface Exchange {
	request: RecordedRequest;
	response?: SimulatedResponse;
	injected: boolean;
}

/**
 * A real HTTP server on 127.0.0.1 with a random port. It records every request (so tests
 * can count what reached the "provider") and can answer the next requests with faults.
 */
export class SimulatorServer {
	readonly requests: RecordedRequest[] = [];

	/** Every request with its answer, until a contract check takes them (not cleared by resetRequests). */
	readonly exchanges: Exchange[] = [];

	private readonly faults: Array<{ fault: Fault; when?: (request: RecordedRequest) => boolean }> =
		[];

	private server?: Server;

	constructor(private readonly handler: Handler) {}

	async start(port = 0): Promise<string> {
		this.server = createServer((req, res) => this.handle(req, res));
		await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
		return this.origin;
	}

	get origin(): string {
		const address = this.server?.address() as AddressInfo | null;
		if (!address) throw new Error('simulator not started');
		return `http://127.0.0.1:${address.port}`;
	}

	/** The next requests get these faults, in order, instead of normal answers. */
	injectFaults(...faults: Fault[]): void {
		this.faults.push(...faults.map((fault) => ({ fault })));
	}

	/** The first request that matches gets the fault (e.g. only the second page of a list). */
	injectFaultWhen(when: (request: RecordedRequest) => boolean, fault: Fault): void {
		this.faults.push({ fault, when });
	}

	resetRequests(): void {
		this.requests.length = 0;
	}

	clearFaults(): void {
		this.faults.length = 0;
	}

	async stop(): Promise<void> {
		const server = this.server;
		if (!server) return;
		this.server = undefined;
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	}

	private handle(req: IncomingMessage, res: ServerResponse): void {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const at = performance.now();
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			const request: RecordedRequest = {
				method: req.method ?? 'GET',
				path: url.pathname,
				query: Object.fromEntries(url.searchParams),
				headers: req.headers,
				body: Buffer.concat(chunks).toString('utf8'),
				at,
			};
			this.requests.push(request);
			const index = this.faults.findIndex((entry) => !entry.when || entry.when(request));
			const fault = index === -1 ? undefined : this.faults.splice(index, 1)[0].fault;
			if (fault && 'kind' in fault) {
				if (fault.kind === 'reset') {
					this.exchanges.push({ request, injected: true });
					req.socket.destroy();
					return;
				}
				setTimeout(() => this.send(res, this.answer(request)), fault.ms);
				return;
			}
			if (fault) this.exchanges.push({ request, response: fault, injected: true });
			this.send(res, fault ?? this.answer(request));
		});
	}

	private answer(request: RecordedRequest): SimulatedResponse {
		const response = this.safeHandle(request);
		this.exchanges.push({ request, response, injected: false });
		return response;
	}

	private safeHandle(request: RecordedRequest): SimulatedResponse {
		try {
			return this.handler(request);
		} catch (error) {
			return { status: 500, body: { message: `simulator error: ${(error as Error).message}` } };
		}
	}

	private send(res: ServerResponse, response: SimulatedResponse): void {
		if (res.destroyed) return;
		const text =
			response.rawBody ?? (response.body === undefined ? '' : JSON.stringify(response.body));
		res.writeHead(response.status, {
			'Content-Type': 'application/json; charset=utf-8',
			...response.headers,
		});
		res.end(text);
	}
}

/**
 * A provider simulator: one SimulatorServer answering with `route`, started and stopped
 * with it; its Base URL is the server's origin unless the provider's API lives below it.
 */
export abstract class HttpSimulator {
	readonly server = new SimulatorServer((request) => this.route(request));

	/**
	 * The provider's OpenAPI contract that every request to this simulator and every answer
	 * from it must follow (checked after each test, see test/support/contractCheck.ts); off
	 * only for a test that sends what the contract forbids on purpose.
	 */
	contract?: ContractName;

	constructor() {
		contractSimulators.add(this);
	}

	protected abstract route(request: RecordedRequest): SimulatedResponse;

	async start(port?: number): Promise<string> {
		return await this.server.start(port);
	}

	async stop(): Promise<void> {
		await this.server.stop();
	}

	/** What a credential's Base URL is set to. */
	get baseUrl(): string {
		return this.server.origin;
	}
}

export function basicAuth(
	headers: IncomingMessage['headers'],
): { user: string; password: string } | undefined {
	const header = headers.authorization;
	if (!header?.startsWith('Basic ')) return undefined;
	const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon === -1) return undefined;
	return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export function bearerToken(headers: IncomingMessage['headers']): string | undefined {
	const header = headers.authorization;
	return header?.startsWith('Bearer ') ? header.slice(7) : undefined;
}

/** Every simulator made in this test file; the contract check reads their exchanges. */
export const contractSimulators = new Set<HttpSimulator>();

/**
 * A simulator's URL under this machine's host name: it reaches the same 127.0.0.1 listener but
 * is not "localhost", so the Base URL rule must refuse it over http, and a request that got
 * through anyway would be counted by the simulator rather than leave the machine.
 */
export function notLocalhost(url: string): string {
	return url.replace('127.0.0.1', hostname());
}
