import type { INodeProperties } from 'n8n-workflow';

import { InvalidInputError } from '../core/errors';
import { PROVIDERS } from '../providers';
import { optionsCollection, readTimeoutMs } from './common';
import { readSenderId, senderLocatorProperties, type SenderParameters } from './senderLocator';
import type { SenderOperationModule } from './types';

const CONFIRM_FIELD = 'Confirm Permanent Deletion';

/**
 * Providers whose deletion cannot be undone say so in a notice and ask for a switch the user
 * turns on (per item, by expression, if they like).
 */
const confirmationProperties: INodeProperties[] = PROVIDERS.flatMap(({ id, deleteWarning }) => {
	if (!deleteWarning) return [];
	const displayOptions = { show: { resource: ['sender'], operation: ['delete'], provider: [id] } };
	return [
		{
			displayName: deleteWarning,
			name: 'deleteNotice',
			type: 'notice' as const,
			default: '',
			displayOptions,
		},
		{
			displayName: CONFIRM_FIELD,
			name: 'confirmDeletion',
			type: 'boolean' as const,
			default: false,
			required: true,
			displayOptions,
			description: `Whether to delete the number for good. ${deleteWarning} Nothing is sent unless this is on.`,
		},
	];
});

export const deleteOperation: SenderOperationModule<'delete', SenderParameters> = {
	value: 'delete',
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete a sender',
		description:
			'Remove the sender from the provider. On Twilio, turn off two-step verification in WhatsApp Manager before registering the number again; on 99digital it cannot be undone.',
	},
	properties: [
		...senderLocatorProperties('delete'),
		...confirmationProperties,
		optionsCollection('delete'),
	],
	readParameters(context, itemIndex, provider) {
		const senderId = readSenderId(context, itemIndex, provider);
		if (
			provider.deleteWarning &&
			context.getNodeParameter('confirmDeletion', itemIndex, false) !== true
		) {
			throw new InvalidInputError(
				CONFIRM_FIELD,
				`must be on to delete ${senderId}. ${provider.deleteWarning}`,
			);
		}
		return { senderId, timeoutMs: readTimeoutMs(context, itemIndex) };
	},
	async run(http, deleteSender, { senderId }) {
		await deleteSender(http, senderId);
		return [{ deleted: true, id: senderId }];
	},
};
