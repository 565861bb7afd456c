import { InvalidInputError } from '../core/errors';
import { PROVIDERS } from '../providers';
import { senderOperation } from './common';
import type { OperationField } from './display';

const CONFIRM_FIELD = 'Confirm Permanent Deletion';

/**
 * Providers whose deletion cannot be undone say so in a notice and ask for a switch the user
 * turns on (per item, by expression, if they like).
 */
const confirmationFields: OperationField[] = PROVIDERS.flatMap(({ id, deleteWarning }) => {
	if (!deleteWarning) return [];
	return [
		{
			property: {
				displayName: deleteWarning,
				name: 'deleteNotice',
				type: 'notice' as const,
				default: '',
			},
			providers: [id],
		},
		{
			property: {
				displayName: CONFIRM_FIELD,
				name: 'confirmDeletion',
				type: 'boolean' as const,
				default: false,
				required: true,
				description: `Whether to delete the number for good. ${deleteWarning} Nothing is sent unless this is on.`,
			},
			providers: [id],
		},
	];
});

export const deleteOperation = senderOperation({
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete a sender',
		description:
			'Remove the sender from the provider. On Twilio, turn off two-step verification in WhatsApp Manager before registering the number again; on 99digital it cannot be undone.',
	},
	fields: confirmationFields,
	readInput(context, itemIndex, provider, senderId) {
		if (
			provider.deleteWarning &&
			context.getNodeParameter('confirmDeletion', itemIndex, false) !== true
		) {
			throw new InvalidInputError(
				CONFIRM_FIELD,
				`must be on to delete ${senderId}. ${provider.deleteWarning}`,
			);
		}
	},
	async call(http, deleteSender, senderId) {
		await deleteSender(http, senderId);
		return { deleted: true, id: senderId };
	},
});
