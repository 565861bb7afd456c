import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { validateParameters } from '../core/validation';
import { countryCodeSchema, e164Schema, normalizePhoneInput, profileNameSchema, wabaIdSchema } from '../core/whatsappProfile';
import { PROVIDERS } from '../providers';
import type { CreateField, CreateSenderInput, ProviderAdapter } from '../providers/types';
import { optionsCollection, readTimeoutMs } from './common';
import {
	configurationSchema,
	FIELD_LABELS,
	PROFILE_NAMES,
	profileFields,
	profileSchema,
	setFields,
	WEBHOOK_NAMES,
	webhookFields,
	webhookSchema,
} from './senderFields';
import type { SenderOperationModule } from './types';

interface CreateParameters {
	input: CreateSenderInput;
	timeoutMs?: number;
}

/** The providers whose Create shows a field, and whether all of them require it. */
function showFor(field: CreateField | 'phoneNumber') {
	const providers = PROVIDERS.filter(
		(provider) => provider.operations.includes('create') && (field === 'phoneNumber' || provider.createFields?.includes(field)),
	);
	return {
		displayOptions: { show: { resource: ['sender'], operation: ['create'], provider: providers.map((p) => p.id) } },
		required: field !== 'phoneNumber' && providers.every((p) => p.requiredCreateFields?.includes(field as CreateField)),
	};
}

const properties: INodeProperties[] = [
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: '+14155550100',
		displayOptions: showFor('phoneNumber').displayOptions,
		description: 'The number to register, in E.164: "+", country code and number',
	},
	{
		displayName: 'Country Code',
		name: 'countryCode',
		type: 'string',
		default: '',
		placeholder: '1',
		...showFor('countryCode'),
		description: 'The country calling code the phone number starts with, digits only (1 for +1 415…, 972 for +972 50…). Meta asks for it apart from the number.',
	},
	{
		displayName: 'WABA ID',
		name: 'wabaId',
		type: 'string',
		default: '',
		placeholder: '1234567890',
		...showFor('wabaId'),
		description: 'The ID of the WhatsApp Business Account (WABA) to use for this sender',
	},
	{
		displayName: 'Profile Name',
		name: 'profileName',
		type: 'string',
		default: '',
		...showFor('profileName'),
		description: "The name of the sender. Required for WhatsApp senders and must follow Meta's display name guidelines.",
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
		...showFor('verificationMethod'),
		description: 'The verification method: the code comes by SMS or by voice call',
	},
	{
		displayName: 'Business Profile',
		name: 'businessProfile',
		type: 'collection',
		placeholder: 'Add Profile Field',
		default: {},
		...showFor('businessProfile'),
		options: profileFields,
	},
	{
		displayName: 'Webhook',
		name: 'webhook',
		type: 'collection',
		placeholder: 'Add Webhook Field',
		default: {},
		...showFor('webhook'),
		options: webhookFields,
	},
	// n8n allows no displayOptions inside a collection: providers with a Voice Application get their own Options
	optionsCollection(
		'create',
		[
			{
				displayName: 'Voice Application SID',
				name: 'voiceApplicationSid',
				type: 'string',
				default: '',
				placeholder: 'AP0123456789abcdef0123456789abcdef',
				description: 'A Twilio Voice application for calls to this number',
			},
		],
		showFor('voiceApplicationSid').displayOptions.show.provider,
	),
	optionsCollection(
		'create',
		[],
		PROVIDERS.filter((p) => p.operations.includes('create') && !p.createFields?.includes('voiceApplicationSid')).map((p) => p.id),
	),
];

/** The zod rule of each Create field; optional unless the provider requires it. */
const FIELD_SCHEMAS: Record<Exclude<CreateField, 'businessProfile' | 'webhook'>, z.ZodTypeAny> = {
	wabaId: wabaIdSchema,
	profileName: profileNameSchema,
	countryCode: countryCodeSchema,
	verificationMethod: configurationSchema.shape.verificationMethod.unwrap(),
	voiceApplicationSid: configurationSchema.shape.voiceApplicationSid.unwrap(),
};

function createSchema(provider: ProviderAdapter) {
	const fields = provider.createFields ?? [];
	const required = provider.requiredCreateFields ?? [];
	let shape: z.ZodRawShape = { phoneNumber: z.preprocess(normalizePhoneInput, e164Schema) };
	for (const [field, schema] of Object.entries(FIELD_SCHEMAS) as Array<[CreateField, z.ZodTypeAny]>) {
		if (fields.includes(field)) shape[field] = required.includes(field) ? schema : schema.optional();
	}
	if (fields.includes('businessProfile')) shape = { ...shape, ...profileSchema.omit({ name: true }).shape };
	if (fields.includes('webhook')) shape = { ...shape, ...webhookSchema.shape };
	return z.object(shape).superRefine((input, context) => {
		const { phoneNumber, countryCode } = input as { phoneNumber: string; countryCode?: string };
		if (countryCode && !phoneNumber.startsWith(`+${countryCode}`)) {
			context.addIssue({ code: z.ZodIssueCode.custom, path: ['countryCode'], message: `must be the start of the phone number (${phoneNumber})` });
		}
	});
}

const schemaByProvider = new Map(
	PROVIDERS.filter((provider) => provider.operations.includes('create')).map((provider) => [provider.id, createSchema(provider)]),
);

export const createOperation: SenderOperationModule<CreateParameters> = {
	value: 'create',
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a sender',
		description: 'Register a phone number as a WhatsApp sender; a verification code is then sent to it',
	},
	properties,
	readParameters(context, itemIndex, provider) {
		const fields = provider.createFields ?? [];
		const values: IDataObject = { phoneNumber: context.getNodeParameter('phoneNumber', itemIndex) };
		for (const field of ['countryCode', 'wabaId', 'profileName', 'verificationMethod'] as const) {
			if (fields.includes(field)) values[field] = context.getNodeParameter(field, itemIndex, field === 'verificationMethod' ? 'sms' : '');
		}
		if (fields.includes('businessProfile')) {
			Object.assign(values, setFields(context.getNodeParameter('businessProfile', itemIndex, {}) as IDataObject, PROFILE_NAMES));
		}
		if (fields.includes('webhook')) {
			Object.assign(values, setFields(context.getNodeParameter('webhook', itemIndex, {}) as IDataObject, WEBHOOK_NAMES));
		}
		if (fields.includes('voiceApplicationSid')) {
			Object.assign(values, setFields(context.getNodeParameter('options', itemIndex, {}) as IDataObject, ['voiceApplicationSid']));
		}
		// an optional field left empty is "not set", never an empty value sent to the provider
		for (const [name, value] of Object.entries(values)) {
			if (value === '' && !provider.requiredCreateFields?.includes(name as CreateField) && name !== 'phoneNumber') delete values[name];
		}
		const input = validateParameters(schemaByProvider.get(provider.id)!, values, {
			...FIELD_LABELS,
			countryCode: 'Country Code',
		}) as IDataObject & { phoneNumber: string };
		return {
			input: {
				phoneNumber: input.phoneNumber,
				countryCode: input.countryCode as string | undefined,
				configuration: pick(input, ['wabaId', 'verificationMethod', 'voiceApplicationSid']),
				profile: { ...(input.profileName === undefined ? {} : { name: input.profileName as string }), ...pick(input, PROFILE_NAMES) },
				webhook: pick(input, WEBHOOK_NAMES),
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
