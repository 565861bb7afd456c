import { readFileSync } from 'node:fs';
import path from 'node:path';

import {
	ExecutionLifecycleHooks,
	LoadOptionsContext,
	PollContext,
	WorkflowExecute,
} from 'n8n-core';
import {
	createDeferredPromise,
	createRunExecutionData,
	ICredentialsHelper,
	isExpression,
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type ICredentialType,
	type IDataObject,
	type IHttpRequestOptions,
	type INode,
	type INodeExecutionData,
	type INodeListSearchResult,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IWorkflowExecuteAdditionalData,
	type IConnections,
	type IVersionedNodeType,
} from 'n8n-workflow';

import { assertNoCanaries, registerCredentialCanaries, safeJson } from '../support/canaries';
import { WhatsAppSenders } from '../../nodes/WhatsAppSenders/WhatsAppSenders.node.ts';
import { WhatsAppSendersTrigger } from '../../nodes/WhatsAppSenders/WhatsAppSendersTrigger.node.ts';

/**
 * Runs workflows through n8n-core's own WorkflowExecute with this package's node types, the
 * credential types' own `authenticate` definitions and n8n's real httpRequestWithAuthentication,
 * over real HTTP. What stays outside is n8n's database-backed CredentialsHelper (it lives in
 * the n8n CLI package): `authenticate` below resolves generic auth the same way it does, with
 * n8n's expression engine, and the end-to-end tests run the real one.
 */

const PACKAGE = 'n8n-nodes-whatsapp-senders';

/** Every credential type the package registers (package.json n8n.credentials), from its TypeScript source. */
export const CREDENTIAL_TYPES: ICredentialType[] = (
	JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
		n8n: { credentials: string[] };
	}
).n8n.credentials.map((file) => {
	const name = path.basename(file, '.credentials.js');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const module = require(`../../credentials/${name}.credentials`) as Record<
		string,
		new () => ICredentialType
	>;
	return new module[name]();
});

/**
 * "WhatsApp Senders Tool" as n8n derives it from `usableAsTool` (the CLI's convertNodeToAiTool:
 * name + "Tool", so `@tool` display options hold), still with a main input and output: n8n 2.x's
 * Agent runs the tool node as a node of the workflow, fed the model's arguments as its item.
 */
function asToolNodeType(nodeType: INodeType): INodeType {
	const tool = Object.create(nodeType) as INodeType;
	tool.description = {
		...nodeType.description,
		name: `${nodeType.description.name}Tool`,
		displayName: `${nodeType.description.displayName} Tool`,
		usableAsTool: undefined,
	};
	return tool;
}

/** The same for each version of a versioned node. */
function asToolVersions(versioned: IVersionedNodeType): IVersionedNodeType {
	const tool = Object.create(versioned) as IVersionedNodeType;
	tool.nodeVersions = Object.fromEntries(
		Object.entries(versioned.nodeVersions).map(([version, nodeType]) => [
			version,
			asToolNodeType(nodeType),
		]),
	);
	tool.getNodeType = (version?: number) => asToolNodeType(versioned.getNodeType(version));
	return tool;
}

const NODE_TYPES: Record<string, INodeType | IVersionedNodeType> = {
	[`${PACKAGE}.whatsAppSenders`]: new WhatsAppSenders(),
	[`${PACKAGE}.whatsAppSendersTool`]: asToolVersions(new WhatsAppSenders()),
	[`${PACKAGE}.whatsAppSendersTrigger`]: new WhatsAppSendersTrigger(),
	'n8n-nodes-base.manualTrigger': {
		description: {
			displayName: 'Manual Trigger',
			name: 'manualTrigger',
			group: ['trigger'],
			version: 1,
			description: '',
			defaults: { name: 'Manual Trigger' },
			inputs: [],
			outputs: ['main'],
			properties: [],
		},
		async trigger() {
			return {};
		},
	} as unknown as INodeType,
};

class PackageNodeTypes implements INodeTypes {
	getByName(type: string): INodeType | IVersionedNodeType {
		const nodeType = NODE_TYPES[type];
		if (!nodeType) throw new Error(`Unknown node type ${type}`);
		return nodeType;
	}

	getByNameAndVersion(type: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
	}

	getKnownTypes() {
		return {};
	}
}

export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly credentialsByType: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const type = CREDENTIAL_TYPES.find((candidate) => candidate.name === typeName);
		const authenticate = type?.authenticate;
		if (!authenticate) return requestOptions;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		const resolve = (value: string) =>
			isExpression(value)
				? String(
						workflow.expression.getSimpleParameterValue(
							node,
							value,
							'internal',
							{ $credentials: credentials },
							undefined,
							'',
						) ?? '',
					)
				: value;
		const options = requestOptions as unknown as Record<string, Record<string, string>>;
		for (const [outerKey, entries] of Object.entries(authenticate.properties)) {
			options[outerKey] = { ...(options[outerKey] ?? {}) };
			for (const [key, value] of Object.entries(entries as Record<string, string>)) {
				options[outerKey][resolve(key)] = resolve(value);
			}
		}
		return requestOptions;
	}

	async preAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used by these nodes');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: unknown,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const credentials = this.credentialsByType[type];
		if (!credentials) throw new Error(`No test credentials of type ${type}`);
		return { ...credentials };
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties(type: string) {
		return CREDENTIAL_TYPES.find((candidate) => candidate.name === type)?.properties ?? [];
	}
}

function testAdditionalData(
	credentials: Record<string, ICredentialDataDecryptedObject>,
	hooks?: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: new TestCredentialsHelper(credentials),
		hooks,
		executionId: 'test-execution',
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://localhost/rest',
		instanceBaseUrl: 'http://localhost/',
		formWaitingBaseUrl: 'http://localhost/form-waiting',
		webhookBaseUrl: 'http://localhost/webhook',
		webhookWaitingBaseUrl: 'http://localhost/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost/webhook-test',
		variables: {},
		executeWorkflow: async () => {
			throw new Error('not used');
		},
		getRunExecutionData: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('not used');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** The node's reference to each test credential; the helper above hands out the data by type. */
function credentialRefs(
	credentials: Record<string, ICredentialDataDecryptedObject>,
): INode['credentials'] {
	return Object.fromEntries(
		Object.keys(credentials).map((type) => [type, { id: `cred-${type}`, name: type }]),
	);
}

export interface RunNodeOptions {
	/** Parameters of the WhatsApp Senders node. */
	parameters: IDataObject;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** Items fed into the node (default one empty item). */
	input?: INodeExecutionData[];
	/** true: On Error "Continue"; 'errorOutput': "Continue (using error output)". */
	continueOnFail?: boolean | 'errorOutput';
	/** Run "WhatsApp Senders Tool", the node an AI Agent calls. */
	asTool?: boolean;
	/** The node's version (default 1, the version of the existing workflows). */
	typeVersion?: number;
}

export interface RunNodeResult {
	items: INodeExecutionData[];
	/** The error output's items, when the node has one. */
	errorItems: INodeExecutionData[];
	error?: Error & { description?: string; context?: IDataObject; httpCode?: string };
	/** The execution hints n8n shows above the node's output. */
	hints: Array<{ message: string; type?: string; location?: string }>;
	run: IRun;
}

const NODE_NAME = 'WhatsApp Senders';

/** Runs Manual Trigger → (input) → WhatsApp Senders in n8n-core and returns the node's output. */
export async function runSendersNode(options: RunNodeOptions): Promise<RunNodeResult> {
	registerCredentialCanaries(options.credentials);
	const result = await executeSendersNode(options);
	const includeSecrets =
		(options.parameters.options as IDataObject | undefined)?.includeSecrets === true;
	assertNoCanaries(
		'The node output',
		{ items: result.items, errorItems: result.errorItems },
		{ numberKeysAllowed: includeSecrets },
	);
	assertNoCanaries('The error', errorFields(result.error));
	assertNoCanaries('The run data n8n would store', safeJson(result.run.data.resultData), {
		numberKeysAllowed: includeSecrets,
	});
	return result;
}

/** What a user sees of an error: message, description, context, the stack and its cause's message. */
function errorFields(
	error: (Error & { description?: unknown; context?: unknown; cause?: unknown }) | undefined,
) {
	if (!error) return undefined;
	return {
		message: error.message,
		description: error.description,
		context: error.context,
		stack: error.stack,
		cause: (error.cause as Error | undefined)?.message,
	};
}

async function executeSendersNode(options: RunNodeOptions): Promise<RunNodeResult> {
	const nodes: INode[] = [
		{
			id: 'trigger',
			name: 'Manual Trigger',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: 'senders',
			name: NODE_NAME,
			type: `${PACKAGE}.${options.asTool ? 'whatsAppSendersTool' : 'whatsAppSenders'}`,
			typeVersion: options.typeVersion ?? 1,
			position: [200, 0],
			parameters: options.parameters as INode['parameters'],
			credentials: credentialRefs(options.credentials),
			onError:
				options.continueOnFail === 'errorOutput'
					? 'continueErrorOutput'
					: options.continueOnFail
						? 'continueRegularOutput'
						: 'stopWorkflow',
		},
	];
	const connections: IConnections = {
		'Manual Trigger': { main: [[{ node: NODE_NAME, type: 'main', index: 0 }]] },
	};
	const workflow = new Workflow({
		id: 'test-workflow',
		name: 'test',
		nodes,
		connections,
		active: false,
		nodeTypes: new PackageNodeTypes(),
		settings: { executionOrder: 'v1' },
	});

	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', {
		id: 'test-workflow',
		name: 'test',
		nodes,
		connections,
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
	});
	const finished = createDeferredPromise<IRun>();
	hooks.addHandler('workflowExecuteAfter', (run) => finished.resolve(run));

	const additionalData = testAdditionalData(options.credentials, hooks);

	const input = options.input ?? [{ json: {} }];
	const runExecutionData = createRunExecutionData({
		// the trigger's run, so n8n can resolve paired items back to the input
		resultData: {
			runData: {
				'Manual Trigger': [
					{
						startTime: 0,
						executionTime: 0,
						executionIndex: 0,
						source: [],
						data: { main: [input] },
					},
				],
			},
		},
		executionData: {
			nodeExecutionStack: [
				{
					node: workflow.getNode(NODE_NAME)!,
					data: { main: [input] },
					source: { main: [{ previousNode: 'Manual Trigger' }] },
				},
			],
		},
	});

	const workflowExecute = new WorkflowExecute(additionalData, 'manual', runExecutionData);
	await workflowExecute.processRunExecutionData(workflow);
	const run = await finished.promise;
	const taskData = run.data.resultData.runData[NODE_NAME]?.[0];
	return {
		items: taskData?.data?.main?.[0] ?? [],
		errorItems: taskData?.data?.main?.[1] ?? [],
		error: (taskData?.error ?? run.data.resultData.error) as RunNodeResult['error'],
		hints: (taskData?.hints ?? []) as RunNodeResult['hints'],
		run,
	};
}

export interface PollOptions {
	parameters: IDataObject;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** The workflow's static data, kept by the caller between polls as n8n keeps it. */
	staticData: IDataObject;
	mode?: 'trigger' | 'manual';
}

export interface PollResult {
	items: INodeExecutionData[];
	error?: Error & { description?: string };
}

const TRIGGER_NAME = 'WhatsApp Senders Trigger';

/** A workflow holding just one of this package's nodes, for contexts that run a single node. */
function singleNodeWorkflow(
	type: 'whatsAppSenders' | 'whatsAppSendersTrigger',
	name: string,
	options: {
		parameters: IDataObject;
		credentials: Record<string, ICredentialDataDecryptedObject>;
		typeVersion?: number;
	},
	staticData?: IDataObject,
): { node: INode; workflow: Workflow } {
	const node: INode = {
		id: type,
		name,
		type: `${PACKAGE}.${type}`,
		typeVersion: options.typeVersion ?? 1,
		position: [0, 0],
		parameters: options.parameters as INode['parameters'],
		credentials: credentialRefs(options.credentials),
	};
	const workflow = new Workflow({
		id: `test-${type}`,
		nodes: [node],
		connections: {},
		active: type === 'whatsAppSendersTrigger',
		nodeTypes: new PackageNodeTypes(),
		staticData,
		settings: { executionOrder: 'v1' },
	});
	return { node: workflow.getNode(name)!, workflow };
}

/**
 * The trigger's watched state in workflow static data (snapshot, held removals, ids), without
 * its bookkeeping of failed polls (blind spell, pause), which a failed poll does move.
 */
export function watchedState(staticData: IDataObject): string {
	return JSON.stringify(staticData, (key, value: unknown) =>
		/^(blind|paused)/.test(key) ? undefined : value,
	);
}

/** One poll of the trigger through n8n-core's PollContext, as n8n's poller runs it. */
export async function pollSendersTrigger(options: PollOptions): Promise<PollResult> {
	registerCredentialCanaries(options.credentials);
	const result = await pollOnce(options);
	assertNoCanaries('The trigger output', result.items);
	assertNoCanaries('The trigger error', errorFields(result.error));
	assertNoCanaries('The trigger state', options.staticData);
	return result;
}

async function pollOnce(options: PollOptions): Promise<PollResult> {
	const { node, workflow } = singleNodeWorkflow(
		'whatsAppSendersTrigger',
		TRIGGER_NAME,
		options,
		options.staticData,
	);
	const context = new PollContext(
		workflow,
		node,
		testAdditionalData(options.credentials),
		options.mode ?? 'trigger',
		'activate',
	);
	try {
		const output = await NodeHelpers.getVersionedNodeType(
			NODE_TYPES[node.type],
			node.typeVersion,
		).poll!.call(context);
		return { items: output?.[0] ?? [] };
	} catch (error) {
		return { items: [], error: error as PollResult['error'] };
	} finally {
		// n8n keeps static data on the in-memory workflow whether the poll failed or not;
		// hand back whatever the poll left there, so a half-done update would show
		const kept = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
		for (const key of Object.keys(options.staticData)) delete options.staticData[key];
		Object.assign(options.staticData, kept);
	}
}

/** The "From list" search of the Sender locator, as the editor calls it through n8n-core. */
export async function searchSendersList(options: {
	parameters: IDataObject;
	credentials: Record<string, ICredentialDataDecryptedObject>;
	filter?: string;
	typeVersion?: number;
}): Promise<INodeListSearchResult> {
	registerCredentialCanaries(options.credentials);
	const { node, workflow } = singleNodeWorkflow('whatsAppSenders', NODE_NAME, options);
	const additionalData = testAdditionalData(options.credentials);
	additionalData.currentNodeParameters = options.parameters as INode['parameters'];
	const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters.senderId');
	const nodeType = NodeHelpers.getVersionedNodeType(NODE_TYPES[node.type], node.typeVersion);
	const found = await nodeType.methods!.listSearch!.searchSenders.call(context, options.filter);
	assertNoCanaries('The sender list', found);
	return found;
}
