import { providersSupporting } from '../providers';
import { optionsCollection, readTimeoutMs } from './common';
import { readSenderId, type SenderParameters, senderLocatorProperty } from './senderLocator';
import type { SenderOperationModule } from './types';

export const deleteOperation: SenderOperationModule<SenderParameters> = {
	value: 'delete',
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete a sender',
		description: 'Remove the sender from the provider. To register the number again later, turn off two-step verification for it in WhatsApp Manager first.',
	},
	properties: [senderLocatorProperty(['delete'], providersSupporting('delete')), optionsCollection('delete')],
	readParameters(context, itemIndex, provider) {
		return { senderId: readSenderId(context, itemIndex, provider), timeoutMs: readTimeoutMs(context, itemIndex) };
	},
	async run(http, provider, parameters) {
		await provider.deleteSender!(http, parameters.senderId);
		return [{ deleted: true, id: parameters.senderId }];
	},
};
