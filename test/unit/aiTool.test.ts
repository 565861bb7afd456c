import { NodeHelpers, type IExecuteFunctions, type INode, type INodeTypeDescription } from 'n8n-workflow';

import { INCLUDE_RAW_PARAMETER, runsAsAiTool } from '../../nodes/WhatsAppSenders/actions/toolOutput';

import { WhatsAppSenders } from '../../nodes/WhatsAppSenders/WhatsAppSenders.node';
import { WhatsAppSendersTrigger } from '../../nodes/WhatsAppSenders/WhatsAppSendersTrigger.node';
import { PROVIDERS } from '../../nodes/WhatsAppSenders/providers';

/**
 * An AI Agent uses the node as a tool ("WhatsApp Senders Tool", which n8n derives from
 * `usableAsTool`). With Tool Description "Set Automatically", n8n describes the tool to the
 * model from the chosen operation's action; these are n8n's own functions doing that.
 */

const description: INodeTypeDescription = new WhatsAppSenders().description;

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
		expect(new WhatsAppSendersTrigger().description.usableAsTool).toBeUndefined();
	});

	it.each(PROVIDERS.map((provider) => provider.id))('tells the model what List does with %s', (provider) => {
		expect(autoDescription({ provider, operation: 'list' })).toBe('List senders in WhatsApp Senders');
	});

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
		const property = description.properties.find((candidate) => candidate.name === INCLUDE_RAW_PARAMETER)!;
		const shown = (name: string) => NodeHelpers.displayParameter({}, property, toolNode({}), { ...description, name } as INodeTypeDescription);
		expect(shown('whatsAppSendersTool')).toBe(true);
		expect(shown('whatsAppSenders')).toBe(false);
	});

	it.each([
		['the tool node an agent calls', 'n8n-nodes-whatsapp-senders.whatsAppSendersTool', false, true],
		['a context that says it runs a tool', 'n8n-nodes-whatsapp-senders.whatsAppSenders', true, true],
		['a normal node', 'n8n-nodes-whatsapp-senders.whatsAppSenders', false, false],
	])('knows it runs as a tool: %s', (_case, type, toolExecution, expected) => {
		const context = { getNode: () => ({ ...toolNode({}), type }), isToolExecution: () => toolExecution } as unknown as IExecuteFunctions;
		expect(runsAsAiTool(context)).toBe(expected);
	});

	it('offers the model a manual description that names what the node manages and where', () => {
		expect(description.description).toMatch(/WhatsApp Business senders \(phone numbers\)/);
		for (const provider of ['Twilio', 'Meta', 'Autocalls', 'Famulor', '99digital']) expect(description.description).toContain(provider);
	});
});
