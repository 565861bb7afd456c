import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

import { freePort, killWithParent, newUserFolder, REPO_ROOT } from './n8n';

export interface DemoProcess {
	child: ChildProcess;
	/** Everything the demo printed so far. */
	output: () => string;
	/** Resolves with the first match of `pattern` in the output, or rejects after `timeoutMs`. */
	waitFor: (pattern: RegExp, timeoutMs: number) => Promise<RegExpMatchArray>;
	/** Ctrl-C, as a user stops it; resolves with the exit code. */
	interrupt: () => Promise<number | null>;
}

/** `scripts/demo.ts` (what `npm start` runs after install and build) on free ports and its own data folder. */
export async function startDemo(): Promise<DemoProcess> {
	const env = { ...process.env };
	// jest's NODE_ENV=test would switch the n8n the demo starts into its unit-test mode
	delete env.NODE_ENV;
	const child = spawn(
		path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'),
		[path.join(REPO_ROOT, 'scripts', 'demo.ts')],
		{
			cwd: REPO_ROOT,
			env: {
				...env,
				DEMO_USER_FOLDER: newUserFolder('wa-senders-demo-'),
				N8N_PORT: String(await freePort()),
				SLACK_SINK_PORT: String(await freePort()),
			},
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	let output = '';
	child.stdout!.on('data', (chunk) => (output += chunk));
	child.stderr!.on('data', (chunk) => (output += chunk));
	const exited = new Promise<number | null>((resolve) =>
		child.once('exit', (code) => resolve(code)),
	);
	killWithParent(child);

	return {
		child,
		output: () => output,
		waitFor: async (pattern, timeoutMs) => {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const match = pattern.exec(output);
				if (match) return match;
				if (child.exitCode !== null)
					throw new Error(
						`the demo exited (${child.exitCode}) before printing ${pattern}:\n${output.slice(-3000)}`,
					);
				if (Date.now() > deadline)
					throw new Error(
						`the demo did not print ${pattern} within ${timeoutMs} ms:\n${output.slice(-3000)}`,
					);
				await new Promise((resolve) => setTimeout(resolve, 250));
			}
		},
		interrupt: async () => {
			if (child.exitCode === null) child.kill('SIGINT');
			return await exited;
		},
	};
}
