import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { validateParameters } from '../core/validation';
import type { ProviderHttp, SenderHandlers, SenderOperation } from '../providers/types';
import { timeoutMsSchema, timeoutOption } from '../timeout';
import type { OperationField } from './display';
import type { SenderOperationModule } from './types';

/** The Options collection every operation shows (for these providers only, when given); later fields are added per operation. */
export function optionsCollection(
	extra: INodeProperties[] = [],
	providers?: string[],
): OperationField {
	return {
		property: {
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [...extra, timeoutOption],
		},
		providers,
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
export function accountOperation<O extends SenderOperation>(
	option: INodePropertyOptions & { value: O },
	run: (http: ProviderHttp, handler: SenderHandlers[O]) => Promise<IDataObject[]>,
): SenderOperationModule<O> {
	return {
		value: option.value,
		option,
		fields: [optionsCollection()],
		readParameters(context, itemIndex) {
			return { timeoutMs: readTimeoutMs(context, itemIndex) };
		},
		run,
	};
}
