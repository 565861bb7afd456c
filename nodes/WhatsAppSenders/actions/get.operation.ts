import type { IDataObject } from 'n8n-workflow';

import { senderOnlyOperation } from './senderLocator';

export const getOperation = senderOnlyOperation(
	{ name: 'Get', value: 'get', action: 'Get a sender', description: 'Get one sender with its status, quality and limit' },
	async (http, provider, senderId) => (await provider.getSender!(http, senderId)) as unknown as IDataObject,
);
