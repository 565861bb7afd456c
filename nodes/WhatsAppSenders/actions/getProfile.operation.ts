import { senderOnlyOperation } from './senderLocator';

export const getProfileOperation = senderOnlyOperation({
	name: 'Get Business Profile',
	value: 'getProfile',
	action: 'Get the business profile of a sender',
	description:
		'The about text, address, description, email, vertical, websites and profile picture shown on WhatsApp',
});
