import type { INodeProperties } from 'n8n-workflow';

import type { SenderOperation } from '../providers/types';

/**
 * The two versions of the action node differ only in where the provider is chosen: version 1
 * has a Provider parameter beside the resource Sender, version 2 makes the provider the
 * resource. This file is the only place that turns that into displayOptions.
 */
export type NodeVersion = 1 | 2;

/** A field of an operation, as the operation declares it: no displayOptions, but whom it is for. */
export interface OperationField {
	property: INodeProperties;
	/** The providers it is shown for (their ids); for every provider when absent. */
	providers?: readonly string[];
	/** Other parameters' values it needs (List's Limit: `returnAll: [false]`). */
	when?: Record<string, unknown[]>;
	/** A list whose options depend on the provider: reloaded when the provider changes. */
	dependsOnProvider?: true;
}

/** The parameter that holds the provider id in a node of this type version. */
export function providerParameterOf(typeVersion: number): 'provider' | 'resource' {
	return typeVersion >= 2 ? 'resource' : 'provider';
}

/** The field as the editor gets it in this version, shown for its operation and providers. */
export function placeField(
	version: NodeVersion,
	operation: SenderOperation,
	{ property, providers, when, dependsOnProvider }: OperationField,
): INodeProperties {
	const forProviders = providers && { [providerParameterOf(version)]: [...providers] };
	const show =
		version === 1
			? { resource: ['sender'], operation: [operation], ...forProviders, ...when }
			: { operation: [operation], ...when, ...forProviders };
	const typeOptions = dependsOnProvider
		? { ...property.typeOptions, loadOptionsDependsOn: [providerParameterOf(version)] }
		: property.typeOptions;
	return { ...property, ...(typeOptions && { typeOptions }), displayOptions: { show } };
}
