import type { INodeProperties } from 'n8n-workflow';

import { fieldProperties, operationsOf, SENDER_OPERATIONS } from '../actions';
import { toolOutputProperty } from '../actions/toolOutput';
import { providerProperty } from '../description';
import { PROVIDERS } from '../providers';

/**
 * What the editor shows in version 1: Provider, the one resource Sender, an operation list
 * per group of providers with the same operations, and each operation's fields shown for
 * `resource: sender`, the operation and their providers (actions/display.ts).
 */
const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	default: 'sender',
	options: [{ name: 'Sender', value: 'sender', description: 'A WhatsApp Business phone number' }],
};

/**
 * An operation is offered only for providers that support it: providers with the same set
 * of operations share one `operation` property, each shown for its own providers.
 */
function operationProperties(): INodeProperties[] {
	const groups = new Map<string, string[]>();
	for (const provider of PROVIDERS) {
		const key = operationsOf(provider)
			.map((op) => op.value)
			.join(',');
		groups.set(key, [...(groups.get(key) ?? []), provider.id]);
	}
	return [...groups.entries()].map(([key, providerIds]) => {
		const values = key.split(',');
		return {
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: ['sender'], provider: providerIds } },
			// every provider lists senders, so List is always there
			default: 'list',
			options: SENDER_OPERATIONS.filter((op) => values.includes(op.value)).map((op) => op.option),
		};
	});
}

export const versionOneProperties: INodeProperties[] = [
	providerProperty,
	resourceProperty,
	...operationProperties(),
	...fieldProperties(1),
	toolOutputProperty,
];
