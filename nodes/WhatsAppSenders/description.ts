import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import { operationsOf, SENDER_OPERATIONS } from './actions';
import { PROVIDERS } from './providers';

/**
 * One credential per provider, shown only when that provider is chosen in `parameter`. Written
 * as "hidden for every other provider", not "shown for this one": n8n's editor takes a
 * parameter whose every value shows a credential for the node's authentication, hides it,
 * offers the credentials of all providers in one list, fills in the newest of any type and
 * then rewrites the parameter to match it, so a Twilio trigger became a Sinch one unasked.
 * It reads only `show` for that; with `hide` the Provider stays a visible choice and the
 * credential list holds the chosen provider's credentials only.
 */
function credentialsShownBy(parameter: 'provider' | 'resource'): INodeCredentialDescription[] {
	return PROVIDERS.map((provider) => ({
		name: provider.credentialType,
		required: true,
		displayOptions: {
			hide: {
				[parameter]: PROVIDERS.filter((other) => other !== provider).map((other) => other.id),
			},
		},
	}));
}

export const providerCredentials = credentialsShownBy('provider');

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

export const senderProperties: INodeProperties[] = SENDER_OPERATIONS.flatMap((op) => op.properties);

/**
 * Version 2: the provider is the node's resource, so n8n's node panel lists every provider's
 * operations (it builds one "<resource> Actions" group per resource option from that resource's
 * operation property, and clicking an action sets the resource), and an AI tool's automatic
 * description finds the chosen provider's own operation list. Same structure as n8n's Mailjet
 * node, whose resource (Email / SMS) picks the service and its credential.
 */
export const providerResourceProperty: INodeProperties = {
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
 * The parameter holding the provider id: `provider` in version 1, `resource` in version 2 (which
 * has no `provider` parameter, so the two can never disagree).
 */
export function providerParameterOf(typeVersion: number): 'provider' | 'resource' {
	return typeVersion >= 2 ? 'resource' : 'provider';
}

/** Version 2 credentials: shown for the chosen resource (= provider). */
export const providerResourceCredentials = credentialsShownBy('resource');

/** Version 2: one operation list per provider, holding exactly the operations it implements. */
export function providerOperationProperties(): INodeProperties[] {
	return PROVIDERS.map((provider) => ({
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [provider.id] } },
		default: 'list',
		options: operationsOf(provider).map((op) => op.option),
	}));
}

/**
 * Version 2 fields: version 1's, with the provider condition on `resource` (which holds the
 * provider id) instead of `resource: ['sender']` + `provider`; a list that depends on the
 * provider reloads on `resource`.
 */
function forVersion2(property: INodeProperties): INodeProperties {
	const result = { ...property };
	const show = property.displayOptions?.show;
	if (show && ('resource' in show || 'provider' in show)) {
		const next = { ...show };
		delete next.resource;
		delete next.provider;
		if (show.provider) next.resource = show.provider;
		result.displayOptions = { ...property.displayOptions, show: next };
	}
	const dependsOn = property.typeOptions?.loadOptionsDependsOn;
	if (dependsOn) {
		result.typeOptions = {
			...property.typeOptions,
			loadOptionsDependsOn: dependsOn.map((name) => (name === 'provider' ? 'resource' : name)),
		};
	}
	return result;
}

export const providerSenderProperties: INodeProperties[] = senderProperties.map(forVersion2);
