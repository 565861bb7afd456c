import { senderOnlyOperation } from './senderLocator';

export const getOperation = senderOnlyOperation({
	name: 'Get',
	value: 'get',
	action: 'Get a sender',
	description: 'Get one sender with its status, quality and limit',
});
