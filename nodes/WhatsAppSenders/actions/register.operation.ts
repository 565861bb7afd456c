import { z } from 'zod';

import { validateParameters } from '../core/validation';
import { providersSupporting } from '../providers';
import { senderOperation } from './common';

const pinSchema = z
	.string({ invalid_type_error: 'must be the 6-digit PIN as text' })
	.trim()
	.regex(/^[0-9]{6}$/, 'must be 6 digits');

export const registerOperation = senderOperation({
	option: {
		name: 'Register',
		value: 'register',
		action: 'Register a sender',
		description:
			'Register a verified number for the Cloud API so it can send and receive (at most 10 times per 72 hours)',
	},
	fields: [
		{
			property: {
				displayName: 'PIN',
				name: 'pin',
				type: 'string',
				typeOptions: { password: true },
				required: true,
				default: '',
				description:
					"The number's 6-digit two-step verification PIN. For a number without one, the PIN given here becomes its PIN.",
			},
			providers: providersSupporting('register'),
		},
	],
	readInput: (context, itemIndex) =>
		validateParameters(pinSchema, context.getNodeParameter('pin', itemIndex), { '': 'PIN' }),
	call: (http, register, senderId, pin) => register(http, senderId, pin),
});
