import {
	NodeHelpers,
	type IExecuteFunctions,
	type INode,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { operationsOf, SENDER_OPERATIONS } from '../../nodes/WhatsAppSenders/actions';
import {
	INCLUDE_RAW_PARAMETER,
	runsAsAiTool,
} from '../../nodes/WhatsAppSenders/actions/toolOutput';
import { WhatsAppSenders } from '../../nodes/WhatsAppSenders/WhatsAppSenders.node';
import { WhatsAppSendersTrigger } from '../../nodes/WhatsAppSenders/WhatsAppSendersTrigger.node';
import { PROVIDERS } from '../../nodes/WhatsAppSenders/providers';

/**
 * An AI Agent uses the node as a tool ("WhatsApp Senders Tool", which n8n derives from
 * `usableAsTool`). With Tool Description "Set Automatically", n8n describes the tool to the
 * model from the chosen operation's action; these are n8n's own functions doing that.
 */

const senders = new WhatsAppSenders();
const description: INodeTypeDescription = senders.getNodeType(1).description;
const descriptionV2: INodeTypeDescription = senders.getNodeType(2).description;

function toolNode(parameters: Record<string, string>): INode {
	return {
		id: 'tool',
		name: 'WhatsApp Senders Tool',
		type: 'n8n-nodes-whatsapp-senders.whatsAppSendersTool',
		typeVersion: 1,
		position: [0, 0],
		parameters: { descriptionType: 'auto', resource: 'sender', ...parameters },
	};
}

const autoDescription = (parameters: Record<string, string>) =>
	NodeHelpers.getToolDescriptionForNode(toolNode(parameters), { description } as never);

describe('WhatsApp Senders as an AI Agent tool', () => {
	it('can be used as a tool; the trigger cannot', () => {
		expect(description.usableAsTool).toBe(true);
		expect(descriptionV2.usableAsTool).toBe(true);
		expect(senders.description.usableAsTool).toBe(true);
		expect(new WhatsAppSendersTrigger().description.usableAsTool).toBeUndefined();
	});

	it.each(PROVIDERS.map((provider) => provider.id))(
		'tells the model what List does with %s',
		(provider) => {
			expect(autoDescription({ provider, operation: 'list' })).toBe(
				'List senders in WhatsApp Senders',
			);
		},
	);

	it.each([
		['get', 'Get a sender in WhatsApp Senders'],
		['create', 'Create a sender in WhatsApp Senders'],
		['verify', 'Verify a sender in WhatsApp Senders'],
		['update', 'Update a sender in WhatsApp Senders'],
		['delete', 'Delete a sender in WhatsApp Senders'],
	])('tells the model what %s does (Twilio)', (operation, expected) => {
		expect(autoDescription({ provider: 'twilio', operation })).toBe(expected);
	});

	it('shows "Include Raw Provider Data" on the tool only', () => {
		const property = description.properties.find(
			(candidate) => candidate.name === INCLUDE_RAW_PARAMETER,
		)!;
		const shown = (name: string) =>
			NodeHelpers.displayParameter({}, property, toolNode({}), {
				...description,
				name,
			} as INodeTypeDescription);
		expect(shown('whatsAppSendersTool')).toBe(true);
		expect(shown('whatsAppSenders')).toBe(false);
	});

	it.each([
		['the tool node an agent calls', 'n8n-nodes-whatsapp-senders.whatsAppSendersTool', false, true],
		[
			'a context that says it runs a tool',
			'n8n-nodes-whatsapp-senders.whatsAppSenders',
			true,
			true,
		],
		['a normal node', 'n8n-nodes-whatsapp-senders.whatsAppSenders', false, false],
	])('knows it runs as a tool: %s', (_case, type, toolExecution, expected) => {
		const context = {
			getNode: () => ({ ...toolNode({}), type }),
			isToolExecution: () => toolExecution,
		} as unknown as IExecuteFunctions;
		expect(runsAsAiTool(context)).toBe(expected);
	});

	it('version 1 (existing workflows) describes only the first operation list it finds: a Meta-only operation gets no action', () => {
		// n8n's resolver takes the first `operation` property shown for the resource: Twilio's.
		// Version 2 exists for this.
		expect(autoDescription({ provider: 'metaCloud', operation: 'requestCode' })).toBe(
			'requestCode sender in WhatsApp Senders',
		);
	});

	it('offers the model a manual description that names what the node manages and where', () => {
		expect(description.description).toMatch(/WhatsApp Business senders \(phone numbers\)/);
		for (const provider of ['Twilio', 'Meta', 'Autocalls', 'Famulor', '99digital'])
			expect(description.description).toContain(provider);
	});
});

describe('WhatsApp Senders version 2 as an AI Agent tool', () => {
	const autoDescriptionV2 = (parameters: Record<string, string>) =>
		NodeHelpers.getToolDescriptionForNode(
			{ ...toolNode({}), typeVersion: 2, parameters: { descriptionType: 'auto', ...parameters } },
			{ description: descriptionV2 } as never,
		);

	const cases = PROVIDERS.flatMap((provider) =>
		operationsOf(provider).map(
			(operation) => [provider.id, operation.value, operation.option.action as string] as const,
		),
	);

	it.each(cases)('describes %s %s by its action', (provider, operation, action) => {
		expect(autoDescriptionV2({ resource: provider, operation })).toBe(
			`${action} in WhatsApp Senders`,
		);
	});

	it.each([
		['metaCloud', 'requestCode', 'Request a verification code in WhatsApp Senders'],
		['metaCloud', 'register', 'Register a sender in WhatsApp Senders'],
		['metaCloud', 'getProfile', 'Get the business profile of a sender in WhatsApp Senders'],
		['metaCloud', 'updateProfile', 'Update the business profile of a sender in WhatsApp Senders'],
		['metaCloud', 'deregister', 'Deregister a sender in WhatsApp Senders'],
		['99digital', 'listRegistered', 'List registered numbers in WhatsApp Senders'],
		['99digital', 'getUsage', 'Get account usage in WhatsApp Senders'],
		['famulor', 'list', 'List senders in WhatsApp Senders'],
		['twilio', 'update', 'Update a sender in WhatsApp Senders'],
		['ycloud', 'updateDisplayName', 'Update the display name of a sender in WhatsApp Senders'],
	])('names what %s %s does', (provider, operation, expected) => {
		expect(autoDescriptionV2({ resource: provider, operation })).toBe(expected);
	});

	it('covers every operation of every provider', () => {
		expect(cases.length).toBe(
			PROVIDERS.reduce((sum, provider) => sum + operationsOf(provider).length, 0),
		);
		expect(new Set(cases.map(([, operation]) => operation)).size).toBe(SENDER_OPERATIONS.length);
	});
});
