import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InvalidInputError } from '../core/errors';
import { PROVIDERS } from '../providers';
import type { ProviderAdapter, SenderOperation } from '../providers/types';
import type { OperationField } from './display';

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
