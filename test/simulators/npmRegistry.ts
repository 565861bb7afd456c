/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test tooling: runs in the test process, never loaded by n8n */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The part of the npm registry n8n talks to when a user installs a community package in
 * Settings → Community Nodes: the packument (GET /<name>), one version's manifest
 * (GET /<name>/<version|latest>) and the tarball. It serves one package: the tarball
 * `npm pack` made of this repository, exactly as the public registry would after a publish.
 */
export class NpmRegistrySimulator {
	readonly requests: string[] = [];

	private server?: Server;

	private readonly tarball: Buffer;

	private readonly manifest: Record<string, unknown> & { name: string; version: string };

	constructor(tarballPath: string, packageJson: Record<string, unknown> & { name: string; version: string }) {
		this.tarball = readFileSync(tarballPath);
		this.manifest = packageJson;
	}

	get origin(): string {
		const address = this.server?.address() as AddressInfo | null;
		if (!address) throw new Error('registry not started');
		return `http://127.0.0.1:${address.port}`;
	}

	private get tarballPath(): string {
		return `/${this.manifest.name}/-/${this.manifest.name}-${this.manifest.version}.tgz`;
	}

	private versionDocument(): Record<string, unknown> {
		return {
			...this.manifest,
			_id: `${this.manifest.name}@${this.manifest.version}`,
			dist: {
				tarball: `${this.origin}${this.tarballPath}`,
				shasum: createHash('sha1').update(this.tarball).digest('hex'),
				integrity: `sha512-${createHash('sha512').update(this.tarball).digest('base64')}`,
			},
		};
	}

	async start(): Promise<string> {
		this.server = createServer((req, res) => {
			const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
			this.requests.push(`${req.method} ${path}`);
			const json = (status: number, body: unknown) => {
				res.writeHead(status, { 'Content-Type': 'application/json' });
				res.end(JSON.stringify(body));
			};
			const { name, version } = this.manifest;
			if (path === this.tarballPath) {
				res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': this.tarball.length });
				res.end(this.tarball);
			} else if (path === `/${name}`) {
				json(200, {
					_id: name,
					name,
					'dist-tags': { latest: version },
					versions: { [version]: this.versionDocument() },
					time: { [version]: new Date().toISOString() },
				});
			} else if (path === `/${name}/${version}` || path === `/${name}/latest`) {
				json(200, this.versionDocument());
			} else {
				json(404, { error: 'Not found' });
			}
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		return this.origin;
	}

	async stop(): Promise<void> {
		const server = this.server;
		if (!server) return;
		this.server = undefined;
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	}
}
