import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { validateParameters } from '../core/validation';
import type {
	ProviderAdapter,
	ProviderHttp,
	SenderHandlers,
	SenderOperation,
} from '../providers/types';
import { timeoutMsSchema, timeoutOption } from '../timeout';
import type { OperationField } from './display';
import { readSenderId, senderLocatorFields } from './senderLocator';
import type { SenderOperationModule } from './types';

/** The Options collection every operation shows (for these providers only, when given), its Timeout last. */
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

/**
 * n8n allows no displayOptions inside a collection: of these providers, the ones that take
 * the `extra` options get an Options collection with them, the others the plain one.
 */
export function splitOptionsCollection(
	providers: readonly ProviderAdapter[],
	takesExtra: (provider: ProviderAdapter) => boolean,
	extra: INodeProperties[],
): OperationField[] {
	const ids = (takes: boolean) =>
		providers.filter((provider) => takesExtra(provider) === takes).map((provider) => provider.id);
	return [optionsCollection(extra, ids(true)), optionsCollection([], ids(false))];
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

/**
 * An operation on one sender: its locator, the operation's own fields, then the Options
 * collection. Each item's sender ID is checked first, then the operation's own input, then
 * the timeout, all before any request; what the call resolves to is the item's output.
 */
export function senderOperation<O extends SenderOperation, I = undefined>({
	option,
	fields = [],
	readInput,
	call,
}: {
	option: INodePropertyOptions & { value: O };
	/** The fields shown between the locator and the Options collection. */
	fields?: OperationField[];
	/** Reads and validates the item's own input, its sender ID already checked. */
	readInput?: (
		context: IExecuteFunctions,
		itemIndex: number,
		provider: ProviderAdapter,
		senderId: string,
	) => I;
	call: (
		http: ProviderHttp,
		handler: SenderHandlers[O],
		senderId: string,
		input: I,
	) => Promise<unknown>;
}): SenderOperationModule<O, { senderId: string; input: I; timeoutMs?: number }> {
	return {
		value: option.value,
		option,
		fields: [...senderLocatorFields(option.value), ...fields, optionsCollection()],
		readParameters(context, itemIndex, provider) {
			const senderId = readSenderId(context, itemIndex, provider);
			const input = readInput?.(context, itemIndex, provider, senderId) as I;
			return { senderId, input, timeoutMs: readTimeoutMs(context, itemIndex) };
		},
		async run(http, handler, { senderId, input }) {
			return [(await call(http, handler, senderId, input)) as IDataObject];
		},
	};
}
