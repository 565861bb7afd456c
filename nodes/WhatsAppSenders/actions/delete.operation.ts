import { senderOnlyOperation } from './senderLocator';

export const deleteOperation = senderOnlyOperation(
	{
		name: 'Delete',
		value: 'delete',
		action: 'Delete a sender',
		description:
			'Remove the sender from the provider. To register the number again later, turn off two-step verification for it in WhatsApp Manager first.',
	},
	async (http, provider, senderId) => {
		await provider.deleteSender!(http, senderId);
		return { deleted: true, id: senderId };
	},
);
