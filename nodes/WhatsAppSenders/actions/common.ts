import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { z } from 'zod';

import { validateParameters } from '../core/validation';
import type { ProviderHttp } from '../providers/http';
import type { SenderHandlers, SenderOperation } from '../providers/operations';
import type { SenderOperationModule } from './types';

export const MAX_TIMEOUT_SECONDS = 600;

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
		options: [
			...extra,
			{
				displayName: 'Timeout (Seconds)',
				name: 'timeout',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_TIMEOUT_SECONDS },
				default: 30,
				description:
					'How long to wait for each request to the provider before giving up on it. Failed requests that are safe to repeat are retried with backoff.',
			},
		],
	};
}

/** Options → Timeout (Seconds) of an item, validated, in milliseconds. */
export function readTimeoutMs(context: IExecuteFunctions, itemIndex: number): number | undefined {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const seconds = validateParameters(timeoutSchema, options.timeout, { '': 'Timeout (Seconds)' });
	return seconds === undefined ? undefined : seconds * 1000;
}

export const timeoutSchema = z
	.number({ invalid_type_error: 'must be a number of seconds' })
	.positive('must be more than 0 seconds')
	.max(MAX_TIMEOUT_SECONDS, `must be at most ${MAX_TIMEOUT_SECONDS} seconds`)
	.optional();

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
		properties: [optionsCollection(option.value)],
		readParameters(context, itemIndex) {
			return { timeoutMs: readTimeoutMs(context, itemIndex) };
		},
		run,
	};
}
