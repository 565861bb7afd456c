import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { validateParameters } from '../core/validation';
import { verificationMethodSchema } from '../core/whatsappProfile';
import { PROVIDERS, providersSupporting } from '../providers';
import type { RequestCodeInput } from '../providers/operations';
import { optionsCollection, readTimeoutMs } from './common';
import { readSenderId, senderLocatorProperties } from './senderLocator';
import type { SenderOperationModule } from './types';

interface RequestCodeParameters {
	senderId: string;
	input: RequestCodeInput;
	timeoutMs?: number;
}

const show = {
	resource: ['sender'],
	operation: ['requestCode'],
	provider: providersSupporting('requestCode'),
};
const withLanguage = PROVIDERS.filter(
	(provider) => provider.handlers.requestCode && provider.codeLanguage,
).map((provider) => provider.id);

const properties: INodeProperties[] = [
	...senderLocatorProperties('requestCode'),
	{
		displayName: 'Code Method',
		name: 'codeMethod',
		type: 'options',
		default: 'sms',
		options: [
			{ name: 'SMS', value: 'sms' },
			{ name: 'Voice Call', value: 'voice' },
		],
		displayOptions: { show },
		description: 'How the 6-digit code reaches the number',
	},
	{
		displayName: 'Language',
		name: 'language',
		type: 'string',
		default: 'en_US',
		placeholder: 'en_US',
		displayOptions: { show: { ...show, provider: withLanguage } },
		description: 'Language of the SMS or call, as a locale code such as en_US, de_DE or pt_BR',
	},
	optionsCollection('requestCode'),
];

const schema = z.object({
	method: verificationMethodSchema,
	language: z
		.string({ invalid_type_error: 'must be a locale code such as en_US' })
		.trim()
		// Meta's contract (RequestCodeRequest.language): ^[a-z]{2}_[A-Z]{2}$
		.regex(
			/^[a-z]{2}_[A-Z]{2}$/,
			'must be a locale code of language and country, such as en_US, de_DE or pt_BR',
		),
});

export const requestCodeOperation: SenderOperationModule<'requestCode', RequestCodeParameters> = {
	value: 'requestCode',
	option: {
		name: 'Request Code',
		value: 'requestCode',
		action: 'Request a verification code',
		description: 'Have Meta send a verification code to a number added with Create, for Verify',
	},
	properties,
	readParameters(context, itemIndex, provider) {
		const senderId = readSenderId(context, itemIndex, provider);
		const input = validateParameters(
			schema,
			{
				method: context.getNodeParameter('codeMethod', itemIndex, 'sms'),
				language: context.getNodeParameter('language', itemIndex, 'en_US'),
			},
			{ method: 'Code Method', language: 'Language' },
		);
		return { senderId, input, timeoutMs: readTimeoutMs(context, itemIndex) };
	},
	async run(http, requestCode, parameters) {
		return [(await requestCode(http, parameters.senderId, parameters.input)) as IDataObject];
	},
};
