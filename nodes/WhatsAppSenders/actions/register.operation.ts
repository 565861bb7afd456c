import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { validateParameters } from '../core/validation';
import { providersSupporting } from '../providers';
import { optionsCollection, readTimeoutMs } from './common';
import type { OperationField } from './display';
import { readSenderId, senderLocatorFields } from './senderLocator';
import type { SenderOperationModule } from './types';

interface RegisterParameters {
	senderId: string;
	pin: string;
	timeoutMs?: number;
}

const fields: OperationField[] = [
	...senderLocatorFields('register'),
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
	optionsCollection(),
];

const pinSchema = z
	.string({ invalid_type_error: 'must be the 6-digit PIN as text' })
	.trim()
	.regex(/^[0-9]{6}$/, 'must be 6 digits');

export const registerOperation: SenderOperationModule<'register', RegisterParameters> = {
	value: 'register',
	option: {
		name: 'Register',
		value: 'register',
		action: 'Register a sender',
		description:
			'Register a verified number for the Cloud API so it can send and receive (at most 10 times per 72 hours)',
	},
	fields,
	readParameters(context, itemIndex, provider) {
		const senderId = readSenderId(context, itemIndex, provider);
		const pin = validateParameters(pinSchema, context.getNodeParameter('pin', itemIndex), {
			'': 'PIN',
		});
		return { senderId, pin, timeoutMs: readTimeoutMs(context, itemIndex) };
	},
	async run(http, register, parameters) {
		return [(await register(http, parameters.senderId, parameters.pin)) as unknown as IDataObject];
	},
};
