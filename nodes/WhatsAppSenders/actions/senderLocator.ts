import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { InvalidInputError } from '../core/errors';
import { PROVIDERS } from '../providers';
import type {
	ProviderAdapter,
	ProviderHttp,
	SenderHandlers,
	SenderOperation,
} from '../providers/types';
import { optionsCollection, readTimeoutMs } from './common';
import type { OperationField } from './display';
import type { SenderOperationModule } from './types';

/**
 * The sender picked with a resource locator: from a searchable list, by ID, or by the
 * provider's resource URL where it has one. Typed IDs and expressions are accepted
 * everywhere, so AI agents and upstream nodes can pass an ID without the dropdown.
 * One property per provider, so "By ID" shows and checks that provider's ID format.
 */
export function senderLocatorFields(operation: SenderOperation): OperationField[] {
	return PROVIDERS.filter((provider) => provider.handlers[operation]).map((provider) => {
		const pattern = provider.senderIdPattern;
		const urlPattern = provider.senderUrlPattern;
		const property: INodeProperties = {
			displayName: 'Sender',
			name: 'senderId',
			type: 'resourceLocator',
			default: { mode: 'list', value: '' },
			required: true,
			description: 'The WhatsApp sender (phone number) to work on',
			modes: [
				{
					displayName: 'From List',
					name: 'list',
					type: 'list',
					typeOptions: { searchListMethod: 'searchSenders', searchable: true },
				},
				{
					displayName: 'By ID',
					name: 'id',
					type: 'string',
					placeholder: pattern?.example ?? '',
					// the editor's hint; the node checks again before any request, expressions included
					validation: pattern
						? [
								{
									type: 'regex',
									properties: { regex: pattern.regex.source, errorMessage: pattern.description },
								},
							]
						: undefined,
				},
				...(urlPattern
					? [
							{
								displayName: 'By URL',
								name: 'url',
								type: 'string' as const,
								placeholder: urlPattern.example,
								extractValue: { type: 'regex' as const, regex: urlPattern.regex },
							},
						]
					: []),
			],
		};
		// One stored value is shared by every provider's locator (same name): when the provider
		// changes, the open editor clears the value and its cached name instead of carrying a
		// sender of one provider over to another. Workflows edited elsewhere are still checked
		// by readSenderId before any request.
		return { property, providers: [provider.id], dependsOnProvider: true };
	});
}

/** The sender id of an item, checked against the provider's id format before any request. */
export function readSenderId(
	context: IExecuteFunctions,
	itemIndex: number,
	provider: ProviderAdapter,
): string {
	const raw = context.getNodeParameter('senderId', itemIndex, '', { extractValue: true });
	const id = typeof raw === 'string' ? raw.trim() : raw;
	if (typeof id !== 'string' || id === '') {
		throw new InvalidInputError('Sender', 'is empty; choose a sender from the list or give its ID');
	}
	const pattern = provider.senderIdPattern;
	if (pattern && !pattern.regex.test(id)) {
		throw new InvalidInputError(
			'Sender',
			`"${id.slice(0, 60)}" is not a ${provider.displayName} sender ID (like ${pattern.example})`,
		);
	}
	return id;
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
