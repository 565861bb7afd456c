import { senderOperation } from './common';

export const deregisterOperation = senderOperation({
	option: {
		name: 'Deregister',
		value: 'deregister',
		action: 'Deregister a sender',
		description:
			'Take the number off the Cloud API: it stops sending and receiving until registered again. Meta has no delete of a number; it stays in the WhatsApp Business Account.',
	},
	call: (http, deregister, senderId) => deregister(http, senderId),
});
