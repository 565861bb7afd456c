import type { IDataObject } from 'n8n-workflow';

import { providersSupporting } from '../providers';
import { optionsCollection, readTimeoutMs } from './common';
import { readSenderId, type SenderParameters, senderLocatorProperty } from './senderLocator';
import type { SenderOperationModule } from './types';

export const getOperation: SenderOperationModule<SenderParameters> = {
	value: 'get',
	option: { name: 'Get', value: 'get', action: 'Get a sender', description: 'Get one sender with its status, quality and limit' },
	properties: [senderLocatorProperty(['get'], providersSupporting('get')), optionsCollection('get')],
	readParameters(context, itemIndex, provider) {
		return { senderId: readSenderId(context, itemIndex, provider), timeoutMs: readTimeoutMs(context, itemIndex) };
	},
	async run(http, provider, parameters) {
		const sender = await provider.getSender!(http, parameters.senderId);
		return [sender as unknown as IDataObject];
	},
};
