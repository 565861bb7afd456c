import type { INodeProperties } from 'n8n-workflow';

import { fieldProperties, operationsOf } from '../actions';
import { toolOutputProperty } from '../actions/toolOutput';
import { credentialsShownBy } from '../description';
import { PROVIDERS } from '../providers';

/**
 * What the editor shows in version 2: the provider is the node's resource, so n8n's node panel
 * lists every provider's operations (it builds one "<resource> Actions" group per resource
 * option from that resource's operation property, and clicking an action sets the resource),
 * and an AI tool's automatic description finds the chosen provider's own operation list. Same
 * structure as n8n's Mailjet node, whose resource (Email / SMS) picks the service and its
 * credential. Each operation's fields are shown for the operation and their providers
 * (actions/display.ts).
 */
const providerResourceProperty: INodeProperties = {
	displayName: 'Provider',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	default: 'twilio',
	options: PROVIDERS.map((provider) => ({
		name: provider.displayName,
		value: provider.id,
		description: `WhatsApp senders (phone numbers) on ${provider.displayName}`,
	})),
	description: 'Where the WhatsApp senders (phone numbers) are registered',
};

/**
 * One operation list per provider, holding exactly the operations it implements, each
 * described in the provider's own words where its adapter has them.
 */
function operationProperties(): INodeProperties[] {
	return PROVIDERS.map((provider) => ({
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [provider.id] } },
		default: 'list',
		options: operationsOf(provider).map((op) => {
			const description = provider.operationDescriptions?.[op.value];
			return description === undefined ? op.option : { ...op.option, description };
		}),
	}));
}

/** Version 2 credentials: shown for the chosen resource (= provider). */
export const versionTwoCredentials = credentialsShownBy('resource', 2);

export const versionTwoProperties: INodeProperties[] = [
	providerResourceProperty,
	...operationProperties(),
	...fieldProperties(2),
	toolOutputProperty,
];
