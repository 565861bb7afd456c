import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { labelsOf, validateParameters } from '../core/validation';
import {
	countryCodeSchema,
	countryCodeStartsNumber,
	e164Schema,
	normalizePhoneInput,
} from '../core/whatsappProfile';
import { PROVIDERS } from '../providers';
import type { CreateField, CreateSenderInput, ProviderAdapter } from '../providers/types';
import { readTimeoutMs, splitOptionsCollection } from './common';
import type { OperationField } from './display';
import {
	fieldsShape,
	filledIn,
	SENDER_FIELDS,
	type SenderField,
	senderInput,
} from './senderFields';
import type { SenderOperationModule } from './types';

/** Create's own field besides the phone number: Meta asks for the country code apart from the number. */
const countryCodeField: Omit<SenderField, 'group'> = {
	create: 'countryCode',
	schema: countryCodeSchema,
	property: {
		displayName: 'Country Code',
		name: 'countryCode',
		type: 'string',
		default: '',
		placeholder: '1',
		description:
			'The country calling code the phone number starts with, digits only (1 for +1 415…, 972 for +972 50…). Meta asks for it apart from the number.',
	},
};

const CREATE_FIELDS = [countryCodeField, ...SENDER_FIELDS];

/** n8n allows no displayOptions inside a collection: Create shows these in collections, the rest as parameters of their own. */
const COLLECTIONS: Partial<Record<CreateField, string>> = {
	businessProfile: 'businessProfile',
	webhook: 'webhook',
	voiceApplicationSid: 'options',
};

const fieldsFor = (create: CreateField) => CREATE_FIELDS.filter((field) => field.create === create);
const propertyOf = (create: CreateField) => fieldsFor(create)[0].property;

const creators = PROVIDERS.filter((provider) => provider.handlers.create);
const asksFor = (create: CreateField) => (provider: ProviderAdapter) =>
	provider.createFields?.includes(create) === true;

/** A field of Create, shown for the providers that ask for it, required when all of them require it. */
function createField(create: CreateField, property: INodeProperties): OperationField {
	const providers = creators.filter(asksFor(create));
	const required = providers.every((p) => p.requiredCreateFields?.includes(create));
	return { property: { ...property, required }, providers: providers.map((p) => p.id) };
}

const fields: OperationField[] = [
	{
		property: {
			displayName: 'Phone Number',
			name: 'phoneNumber',
			type: 'string',
			required: true,
			default: '',
			placeholder: '+14155550100',
			description: 'The number to register, in E.164: "+", country code and number',
		},
		providers: creators.map((p) => p.id),
	},
	createField('countryCode', countryCodeField.property),
	createField('wabaId', {
		...propertyOf('wabaId'),
		placeholder: '1234567890',
		description: 'The ID of the WhatsApp Business Account (WABA) to use for this sender',
	}),
	createField('profileName', {
		...propertyOf('profileName'),
		description:
			"The name of the sender. Required for WhatsApp senders and must follow Meta's display name guidelines.",
	}),
	createField('verificationMethod', {
		...propertyOf('verificationMethod'),
		description: 'The verification method: the code comes by SMS or by voice call',
	}),
	createField('businessProfile', {
		displayName: 'Business Profile',
		name: 'businessProfile',
		type: 'collection',
		placeholder: 'Add Profile Field',
		default: {},
		options: fieldsFor('businessProfile').map((field) => field.property),
	}),
	createField('webhook', {
		displayName: 'Webhook',
		name: 'webhook',
		type: 'collection',
		placeholder: 'Add Webhook Field',
		default: {},
		options: fieldsFor('webhook').map((field) => field.property),
	}),
	...splitOptionsCollection(creators, asksFor('voiceApplicationSid'), [
		{
			...propertyOf('voiceApplicationSid'),
			description: 'A Twilio Voice application for calls to this number',
		},
	]),
];

const LABELS = labelsOf(fields.map((field) => field.property));

function createSchema(provider: ProviderAdapter) {
	const fields = CREATE_FIELDS.filter((field) => provider.createFields?.includes(field.create));
	const shape = {
		phoneNumber: z.preprocess(normalizePhoneInput, e164Schema),
		...fieldsShape(fields, provider.requiredCreateFields),
	};
	return z.object(shape).superRefine(countryCodeStartsNumber);
}

const schemaByProvider = new Map(creators.map((provider) => [provider.id, createSchema(provider)]));

export const createOperation: SenderOperationModule<
	'create',
	{ input: CreateSenderInput; timeoutMs?: number }
> = {
	value: 'create',
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a sender',
		description:
			'Register a phone number as a WhatsApp sender; a verification code is then sent to it',
	},
	fields,
	readParameters(context, itemIndex, provider) {
		const values: IDataObject = { phoneNumber: context.getNodeParameter('phoneNumber', itemIndex) };
		for (const create of provider.createFields ?? []) {
			const collection = COLLECTIONS[create];
			if (collection) {
				const names = fieldsFor(create).map((field) => field.property.name);
				Object.assign(values, filledIn(context, itemIndex, collection, names));
				continue;
			}
			const value = context.getNodeParameter(create, itemIndex, propertyOf(create).default);
			// an optional field left empty is "not set", never an empty value sent to the provider
			if (value !== '' || provider.requiredCreateFields?.includes(create)) values[create] = value;
		}
		const input = validateParameters(
			schemaByProvider.get(provider.id)!,
			values,
			LABELS,
		) as IDataObject & { phoneNumber: string; countryCode?: string };
		return {
			input: {
				phoneNumber: input.phoneNumber,
				countryCode: input.countryCode,
				...senderInput(input),
			},
			timeoutMs: readTimeoutMs(context, itemIndex),
		};
	},
	async run(http, create, parameters) {
		return [(await create(http, parameters.input)) as unknown as IDataObject];
	},
};
