import { validateParameters } from '../core/validation';
import { verificationCodeSchema } from '../core/whatsappProfile';
import { PROVIDERS } from '../providers';
import { senderOperation } from './common';
import type { OperationField } from './display';

const verifiers = PROVIDERS.filter((provider) => provider.handlers.verify);

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
		codeField(verifiers.filter((p) => !p.verifyWithoutCode).map((p) => p.id)),
		// a provider that verifies without a code in some cases says when, in its own words
		...verifiers
			.filter((p) => p.verifyWithoutCode)
			.map((p) => codeField([p.id], p.verifyWithoutCode)),
	],
	readInput(context, itemIndex, provider) {
		const given = context.getNodeParameter('verificationCode', itemIndex, '');
		return provider.verifyWithoutCode && typeof given === 'string' && given.trim() === ''
			? undefined
			: validateParameters(verificationCodeSchema, given, { '': 'Verification Code' });
	},
	call: (http, verify, senderId, code) => verify(http, senderId, code),
});
