import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { validateParameters } from '../core/validation';
import { e164Schema, normalizePhoneInput } from '../core/whatsappProfile';
import { providersSupporting } from '../providers';
import type { CreateSenderInput } from '../providers/types';
import { optionsCollection, readTimeoutMs } from './common';
import {
	configurationSchema,
	FIELD_LABELS,
	PROFILE_NAMES,
	profileFields,
	profileNameSchema,
	profileSchema,
	setFields,
	wabaIdSchema,
	WEBHOOK_NAMES,
	webhookFields,
	webhookSchema,
} from './senderFields';
import type { SenderOperationModule } from './types';

interface CreateParameters {
	input: CreateSenderInput;
	timeoutMs?: number;
}

const show = { resource: ['sender'], operation: ['create'], provider: providersSupporting('create') };

const properties: INodeProperties[] = [
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+14155550100',
		displayOptions: { show },
		description: 'The number to register, in E.164: "+", country code and number',
	},
	{
		displayName: 'WABA ID',
		name: 'wabaId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '1234567890',
		displayOptions: { show },
		description: 'The WhatsApp Business Account the number joins (WhatsApp Manager → Account tools)',
	},
	{
		displayName: 'Profile Name',
		name: 'profileName',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show },
		description: "The display name Meta reviews. A name Meta rejects limits the number to 250 business-initiated conversations a day.",
	},
	{
		displayName: 'Verification Method',
		name: 'verificationMethod',
		type: 'options',
		default: 'sms',
		options: [
			{ name: 'SMS', value: 'sms' },
			{ name: 'Voice Call', value: 'voice' },
		],
		displayOptions: { show },
		description: 'How Meta sends the verification code for the Verify operation',
	},
	{
		displayName: 'Business Profile',
		name: 'businessProfile',
		type: 'collection',
		placeholder: 'Add Profile Field',
		default: {},
		displayOptions: { show },
		options: profileFields,
	},
	{
		displayName: 'Webhook',
		name: 'webhook',
		type: 'collection',
		placeholder: 'Add Webhook Field',
		default: {},
		displayOptions: { show },
		options: webhookFields,
	},
	optionsCollection('create', [
		{
			displayName: 'Voice Application SID',
			name: 'voiceApplicationSid',
			type: 'string',
			default: '',
			placeholder: 'AP0123456789abcdef0123456789abcdef',
			description: 'A Twilio Voice application for calls to this number',
		},
	]),
];

const schema = z
	.object({
		phoneNumber: z.preprocess(normalizePhoneInput, e164Schema),
		wabaId: wabaIdSchema,
		profileName: profileNameSchema,
		verificationMethod: z.enum(['sms', 'voice'], { errorMap: () => ({ message: 'must be sms or voice' }) }),
	})
	.merge(profileSchema.omit({ name: true }))
	.merge(webhookSchema)
	.merge(configurationSchema.pick({ voiceApplicationSid: true }));

export const createOperation: SenderOperationModule<CreateParameters> = {
	value: 'create',
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a sender',
		description: 'Register a phone number as a WhatsApp sender; Meta then sends a verification code',
	},
	properties,
	readParameters(context, itemIndex) {
		const profile = setFields(context.getNodeParameter('businessProfile', itemIndex, {}) as IDataObject, PROFILE_NAMES);
		const webhook = setFields(context.getNodeParameter('webhook', itemIndex, {}) as IDataObject, WEBHOOK_NAMES);
		const options = setFields(context.getNodeParameter('options', itemIndex, {}) as IDataObject, ['voiceApplicationSid']);
		const input = validateParameters(
			schema,
			{
				phoneNumber: context.getNodeParameter('phoneNumber', itemIndex),
				wabaId: context.getNodeParameter('wabaId', itemIndex),
				profileName: context.getNodeParameter('profileName', itemIndex),
				verificationMethod: context.getNodeParameter('verificationMethod', itemIndex, 'sms'),
				...profile,
				...webhook,
				...options,
			},
			FIELD_LABELS,
		);
		const { phoneNumber, wabaId, profileName, verificationMethod, voiceApplicationSid, ...rest } = input;
		return {
			input: {
				phoneNumber,
				configuration: { wabaId, verificationMethod, voiceApplicationSid },
				profile: { name: profileName, ...pick(rest, PROFILE_NAMES) },
				webhook: pick(rest, WEBHOOK_NAMES),
			},
			timeoutMs: readTimeoutMs(context, itemIndex),
		};
	},
	async run(http, provider, parameters) {
		return [(await provider.createSender!(http, parameters.input)) as unknown as IDataObject];
	},
};

export function pick<T extends object, K extends string>(values: T, names: readonly K[]): Partial<Record<K, never>> & IDataObject {
	return Object.fromEntries(
		names.filter((name) => (values as IDataObject)[name] !== undefined).map((name) => [name, (values as IDataObject)[name]]),
	) as Partial<Record<K, never>> & IDataObject;
}
