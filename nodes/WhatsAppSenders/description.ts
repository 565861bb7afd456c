import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import { operationsOf, SENDER_OPERATIONS } from './actions';
import { PROVIDERS } from './providers';

/** One credential per provider, shown only when that provider is chosen. */
export const providerCredentials: INodeCredentialDescription[] = PROVIDERS.map((provider) => ({
	name: provider.credentialType,
	required: true,
	displayOptions: { show: { provider: [provider.id] } },
}));

export const providerProperty: INodeProperties = {
	displayName: 'Provider',
	name: 'provider',
	type: 'options',
	noDataExpression: true,
	default: 'twilio',
	options: PROVIDERS.map((provider) => ({ name: provider.displayName, value: provider.id })),
	description: 'Where the WhatsApp senders (phone numbers) are registered',
};

export const resourceProperty: INodeProperties = {
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
export function operationProperties(): INodeProperties[] {
	const groups = new Map<string, string[]>();
	for (const provider of PROVIDERS) {
		const key = operationsOf(provider).map((op) => op.value).join(',');
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

export const senderProperties: INodeProperties[] = SENDER_OPERATIONS.flatMap((op) => op.properties);
