import { senderOperation } from './common';

export const getOperation = senderOperation({
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a sender',
		description: 'Get one sender with its status, quality and limit',
	},
	call: (http, get, senderId) => get(http, senderId),
});
