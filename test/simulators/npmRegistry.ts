import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { HttpSimulator, type RecordedRequest, type SimulatedResponse } from './server';

type Manifest = Record<string, unknown> & { name: string; version: string };

/**
 * The part of the npm registry n8n talks to when a user installs a community package in
 * Settings → Community Nodes: the packument (GET /<name>), one version's manifest
 * (GET /<name>/<version|latest>) and the tarball. It serves one package: the tarball
 * `npm pack` made of this repository, exactly as the public registry would after a publish.
 */
export class NpmRegistrySimulator extends HttpSimulator {
	private readonly tarball: Buffer;

	constructor(
		tarballPath: string,
		private readonly manifest: Manifest,
	) {
		super();
		this.tarball = readFileSync(tarballPath);
	}

	/** Requests as "METHOD /path", in order. */
	get requests(): string[] {
		return this.server.requests.map(
			(request) => `${request.method} ${decodeURIComponent(request.path)}`,
		);
	}

	get origin(): string {
		return this.server.origin;
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

	protected route(request: RecordedRequest): SimulatedResponse {
		const path = decodeURIComponent(request.path);
		const { name, version } = this.manifest;
		if (path === this.tarballPath) {
			return {
				status: 200,
				rawBody: this.tarball,
				headers: { 'Content-Type': 'application/octet-stream' },
			};
		}
		if (path === `/${name}`) {
			return {
				status: 200,
				body: {
					_id: name,
					name,
					'dist-tags': { latest: version },
					versions: { [version]: this.versionDocument() },
					time: { [version]: new Date().toISOString() },
				},
			};
		}
		if (path === `/${name}/${version}` || path === `/${name}/latest`)
			return { status: 200, body: this.versionDocument() };
		return { status: 404, body: { error: 'Not found' } };
	}
}
