import type { IDataObject } from 'n8n-workflow';

import { validateParameters } from '../core/validation';
import { verificationCodeSchema } from '../core/whatsappProfile';
import { findProvider, PROVIDERS, providersSupporting } from '../providers';
import { optionsCollection, readTimeoutMs } from './common';
import type { OperationField } from './display';
import { readSenderId, senderLocatorFields } from './senderLocator';
import type { SenderOperationModule } from './types';

interface VerifyParameters {
	senderId: string;
	verificationCode: string | undefined;
	timeoutMs?: number;
}

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

const fields: OperationField[] = [
	...senderLocatorFields('verify'),
	codeField(providersSupporting('verify').filter((id) => !findProvider(id)?.verifyWithoutCode)),
	// a provider that verifies without a code in some cases says when, in its own words
	...PROVIDERS.filter((provider) => provider.handlers.verify && provider.verifyWithoutCode).map(
		(provider) => codeField([provider.id], provider.verifyWithoutCode),
	),
	optionsCollection(),
];

export const verifyOperation: SenderOperationModule<'verify', VerifyParameters> = {
	value: 'verify',
	option: {
		name: 'Verify',
		value: 'verify',
		action: 'Verify a sender',
		description: 'Submit the verification code of a sender waiting for it',
	},
	fields,
	readParameters(context, itemIndex, provider) {
		const senderId = readSenderId(context, itemIndex, provider);
		const given = context.getNodeParameter('verificationCode', itemIndex, '');
		const verificationCode =
			provider.verifyWithoutCode && typeof given === 'string' && given.trim() === ''
				? undefined
				: validateParameters(verificationCodeSchema, given, { '': 'Verification Code' });
		return { senderId, verificationCode, timeoutMs: readTimeoutMs(context, itemIndex) };
	},
	async run(http, verify, parameters) {
		return [
			(await verify(
				http,
				parameters.senderId,
				parameters.verificationCode,
			)) as unknown as IDataObject,
		];
	},
};
