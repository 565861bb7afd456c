import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InvalidInputError } from '../core/errors';
import type { ProviderAdapter, SenderOperation } from '../providers/types';

/**
 * The sender picked with a resource locator: from a searchable list, by ID, or by the
 * resource URL Twilio returns in `url`. Typed IDs and expressions are accepted everywhere,
 * so AI agents and upstream nodes can pass an ID without the dropdown.
 */
export function senderLocatorProperty(operations: SenderOperation[], providers: string[]): INodeProperties {
	return {
		displayName: 'Sender',
		name: 'senderId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		displayOptions: { show: { resource: ['sender'], operation: operations, provider: providers } },
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
				placeholder: 'XE0123456789abcdef0123456789abcdef',
				// the editor's hint; the node checks again before any request, expressions included
				validation: [
					{
						type: 'regex',
						properties: { regex: '^XE[0-9a-fA-F]{32}$', errorMessage: 'A Twilio sender ID is XE followed by 32 hexadecimal characters' },
					},
				],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'https://messaging.twilio.com/v2/Channels/Senders/XE0123456789abcdef0123456789abcdef',
				extractValue: { type: 'regex', regex: '/Senders/([A-Za-z0-9]+)' },
			},
		],
	};
}

export interface SenderParameters {
	senderId: string;
	timeoutMs?: number;
}

/** The sender id of an item, checked against the provider's id format before any request. */
export function readSenderId(context: IExecuteFunctions, itemIndex: number, provider: ProviderAdapter): string {
	const raw = context.getNodeParameter('senderId', itemIndex, '', { extractValue: true });
	const id = typeof raw === 'string' ? raw.trim() : raw;
	if (typeof id !== 'string' || id === '') {
		throw new InvalidInputError('Sender', 'is empty; choose a sender from the list or give its ID');
	}
	const pattern = provider.senderIdPattern;
	if (pattern && !pattern.regex.test(id)) {
		throw new InvalidInputError('Sender', `"${id.slice(0, 60)}" is not a ${provider.displayName} sender ID (like ${pattern.example})`);
	}
	return id;
}
