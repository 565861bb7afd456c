import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { validateParameters } from '../core/validation';
import { verificationCodeSchema } from '../core/whatsappProfile';
import { providersSupporting } from '../providers';
import { optionsCollection, readTimeoutMs } from './common';
import { readSenderId, senderLocatorProperties } from './senderLocator';
import type { SenderOperationModule } from './types';

interface VerifyParameters {
	senderId: string;
	verificationCode: string;
	timeoutMs?: number;
}

const properties: INodeProperties[] = [
	...senderLocatorProperties('verify'),
	{
		displayName: 'Verification Code',
		name: 'verificationCode',
		type: 'string',
		required: true,
		default: '',
		placeholder: '123456',
		displayOptions: { show: { resource: ['sender'], operation: ['verify'], provider: providersSupporting('verify') } },
		description: 'The verification code: the 6 digits sent by SMS or voice call after Create',
	},
	optionsCollection('verify'),
];

export const verifyOperation: SenderOperationModule<'verify', VerifyParameters> = {
	value: 'verify',
	option: {
		name: 'Verify',
		value: 'verify',
		action: 'Verify a sender',
		description: 'Submit the verification code of a sender waiting for it',
	},
	properties,
	readParameters(context, itemIndex, provider) {
		const senderId = readSenderId(context, itemIndex, provider);
		const verificationCode = validateParameters(verificationCodeSchema, context.getNodeParameter('verificationCode', itemIndex), {
			'': 'Verification Code',
		});
		return { senderId, verificationCode, timeoutMs: readTimeoutMs(context, itemIndex) };
	},
	async run(http, verify, parameters) {
		return [(await verify(http, parameters.senderId, parameters.verificationCode)) as unknown as IDataObject];
	},
};
