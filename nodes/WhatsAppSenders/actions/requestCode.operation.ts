import { z } from 'zod';

import { validateParameters } from '../core/validation';
import { verificationMethodSchema } from '../core/whatsappProfile';
import { PROVIDERS, providersSupporting } from '../providers';
import { senderOperation } from './common';
import { VERIFICATION_METHOD_OPTIONS } from './senderFields';

const withLanguage = PROVIDERS.filter(
	(provider) => provider.handlers.requestCode && provider.codeLanguage,
).map((provider) => provider.id);

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

export const requestCodeOperation = senderOperation({
	option: {
		name: 'Request Code',
		value: 'requestCode',
		action: 'Request a verification code',
		description: 'Have Meta send a verification code to a number added with Create, for Verify',
	},
	fields: [
		{
			property: {
				displayName: 'Code Method',
				name: 'codeMethod',
				type: 'options',
				default: 'sms',
				options: VERIFICATION_METHOD_OPTIONS,
				description: 'How the 6-digit code reaches the number',
			},
			providers: providersSupporting('requestCode'),
		},
		{
			property: {
				displayName: 'Language',
				name: 'language',
				type: 'string',
				default: 'en_US',
				placeholder: 'en_US',
				description: 'Language of the SMS or call, as a locale code such as en_US, de_DE or pt_BR',
			},
			providers: withLanguage,
		},
	],
	readInput: (context, itemIndex) =>
		validateParameters(
			schema,
			{
				method: context.getNodeParameter('codeMethod', itemIndex, 'sms'),
				language: context.getNodeParameter('language', itemIndex, 'en_US'),
			},
			{ method: 'Code Method', language: 'Language' },
		),
	call: (http, requestCode, senderId, input) => requestCode(http, senderId, input),
});
