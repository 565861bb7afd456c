import { senderOperation } from './common';

export const getProfileOperation = senderOperation({
	option: {
		name: 'Get Business Profile',
		value: 'getProfile',
		action: 'Get the business profile of a sender',
		description:
			'The about text, address, description, email, vertical, websites and profile picture shown on WhatsApp',
	},
	call: (http, getProfile, senderId) => getProfile(http, senderId),
});
