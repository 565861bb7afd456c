import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { REPO_ROOT } from './n8n';

/** The example workflows users import (examples/*.json), by file name without `.json`. */
export const EXAMPLES_DIR = path.join(REPO_ROOT, 'examples');

export const EXAMPLE_NAMES = readdirSync(EXAMPLES_DIR)
	.filter((file) => file.endsWith('.json'))
	.map((file) => file.replace(/\.json$/, ''));

/** What the examples hold in place of a user's own values. */
export const SLACK_PLACEHOLDER = 'https://hooks.slack.com/services/REPLACE/WITH/YOUR-WEBHOOK';

export interface ExampleWorkflow {
	id?: string;
	name: string;
	active?: boolean;
	nodes: Array<{
		name: string;
		type: string;
		typeVersion: number;
		parameters: Record<string, unknown>;
		credentials?: Record<string, { id: string; name: string }>;
		[key: string]: unknown;
	}>;
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
}

export function readExample(name: string): ExampleWorkflow {
	return JSON.parse(
		readFileSync(path.join(EXAMPLES_DIR, `${name}.json`), 'utf8'),
	) as ExampleWorkflow;
}

/**
 * An example as a user would set it up: its own workflow id, the Slack webhook URL put in,
 * and every credential reference pointed at the user's credential of that type. Trigger
 * or list nodes of providers the user has no credential for are left as they are.
 */
export function personalizeExample(
	name: string,
	options: {
		id: string;
		slackUrl: string;
		credentials: Record<string, { id: string; name: string }>;
	},
): ExampleWorkflow {
	const text = readFileSync(path.join(EXAMPLES_DIR, `${name}.json`), 'utf8')
		.split(SLACK_PLACEHOLDER)
		.join(options.slackUrl);
	const workflow = JSON.parse(text) as ExampleWorkflow;
	for (const node of workflow.nodes) {
		for (const type of Object.keys(node.credentials ?? {})) {
			const credential = options.credentials[type];
			if (credential) node.credentials![type] = credential;
		}
	}
	return { ...workflow, id: options.id, active: false };
}
