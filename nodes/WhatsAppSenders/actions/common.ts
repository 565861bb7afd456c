import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { validateParameters } from '../core/validation';
import type { ProviderAdapter, ProviderHttp, SenderOperation } from '../providers/types';
import { timeoutMsSchema, timeoutOption } from '../timeout';
import type { SenderOperationModule } from './types';

/** The Options collection every operation shows; later fields are added per operation. */
export function optionsCollection(
	operation: SenderOperation,
	extra: INodeProperties[] = [],
	providers?: string[],
): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ['sender'], operation: [operation], ...(providers && { provider: providers }) } },
		options: [...extra, timeoutOption],
	};
}

/** Options → Timeout (Seconds) of an item, validated, in milliseconds. */
export function readTimeoutMs(context: IExecuteFunctions, itemIndex: number): number | undefined {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return validateParameters(timeoutMsSchema, options.timeout, { '': timeoutOption.displayName });
}

/**
 * An operation on the account that needs no parameter but the timeout (List Registered
 * Numbers, Get Account Usage): one adapter call, its items as they come.
 */
export function accountOperation(
	option: INodePropertyOptions & { value: SenderOperation },
	run: (http: ProviderHttp, provider: ProviderAdapter) => Promise<IDataObject[]>,
): SenderOperationModule {
	return {
		value: option.value,
		option,
		properties: [optionsCollection(option.value)],
		readParameters(context, itemIndex) {
			return { timeoutMs: readTimeoutMs(context, itemIndex) };
		},
		run: async (http, provider) => await run(http, provider),
	};
}
