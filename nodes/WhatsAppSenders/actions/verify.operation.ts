import { validateParameters } from '../core/validation';
import { verificationCodeSchema } from '../core/whatsappProfile';
import { findProvider, PROVIDERS, providersSupporting } from '../providers';
import type { OperationField } from './display';
import { senderOperation } from './senderLocator';

const codeField = (providers: string[], hint?: string): OperationField => ({
	property: {
		displayName: 'Verification Code',
		name: 'verificationCode',
		type: 'string',
		required: hint === undefined,
		default: '',
		placeholder: '123456',
		description: `The verification code: the 6 digits sent by SMS or voice call${hint === undefined ? ' after Create' : `. ${hint}`}`,
	},
	providers,
});

export const verifyOperation = senderOperation({
	option: {
		name: 'Verify',
		value: 'verify',
		action: 'Verify a sender',
		description: 'Submit the verification code of a sender waiting for it',
	},
	fields: [
		codeField(providersSupporting('verify').filter((id) => !findProvider(id)?.verifyWithoutCode)),
		// a provider that verifies without a code in some cases says when, in its own words
		...PROVIDERS.filter((provider) => provider.handlers.verify && provider.verifyWithoutCode).map(
			(provider) => codeField([provider.id], provider.verifyWithoutCode),
		),
	],
	readInput(context, itemIndex, provider) {
		const given = context.getNodeParameter('verificationCode', itemIndex, '');
		return provider.verifyWithoutCode && typeof given === 'string' && given.trim() === ''
			? undefined
			: validateParameters(verificationCodeSchema, given, { '': 'Verification Code' });
	},
	call: (http, verify, senderId, code) => verify(http, senderId, code),
});
