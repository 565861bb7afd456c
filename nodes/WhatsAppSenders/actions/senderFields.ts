import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { z } from 'zod';

import {
	emailsSchema,
	PROFILE_LIMITS,
	profileNameSchema,
	profileTextSchema,
	verificationMethodSchema,
	wabaIdSchema,
	webhookMethodSchema,
	websitesSchema,
	webUrlSchema,
} from '../core/whatsappProfile';
import {
	TWILIO_PROFILE_VERTICALS,
	twilioVerticalSchema,
	voiceApplicationSidSchema,
} from '../providers/twilio';
import type { CreateField, UpdateSenderInput } from '../providers/types';

/** A sender field Create and Update share; Create and Update read, check and send it from this alone. */
export interface SenderField {
	/** The parameter: name, display name (what validation messages call it), default and the rest of its UI. */
	property: INodeProperties;
	/** The rule a value that is set must pass before any request. */
	schema: z.ZodTypeAny;
	/** Where the value goes in the provider input, under `key` (the parameter name unless given). */
	group: keyof UpdateSenderInput;
	key?: string;
	/** The CreateField that makes a provider's Create ask for it. */
	create: CreateField;
}

/** The options of a verification method (Create's, and Request Code's Code Method). */
export const VERIFICATION_METHOD_OPTIONS = [
	{ name: 'SMS', value: 'sms' },
	{ name: 'Voice Call', value: 'voice' },
];

const profileField = (schema: z.ZodTypeAny, property: INodeProperties): SenderField => ({
	group: 'profile',
	create: 'businessProfile',
	schema,
	property,
});

/** A webhook's method and URL fields (the callback, the fallback and the status callback). */
function webhookFields(
	label: string,
	method: string,
	url: string,
	description: string,
): SenderField[] {
	const methodProperty: INodeProperties = {
		displayName: `${label} Method`,
		name: method,
		type: 'options',
		default: 'POST',
		options: [
			{ name: 'POST', value: 'POST' },
			{ name: 'PUT', value: 'PUT' },
		],
	};
	const urlProperty: INodeProperties = {
		displayName: `${label} URL`,
		name: url,
		type: 'string',
		default: '',
		description,
	};
	return [
		{ group: 'webhook', create: 'webhook', schema: webhookMethodSchema, property: methodProperty },
		{ group: 'webhook', create: 'webhook', schema: webUrlSchema, property: urlProperty },
	];
}

/** The one table of the Create and Update fields, in the order Create shows them. */
export const SENDER_FIELDS: readonly SenderField[] = [
	{
		group: 'configuration',
		create: 'wabaId',
		schema: wabaIdSchema,
		property: { displayName: 'WABA ID', name: 'wabaId', type: 'string', default: '' },
	},
	{
		group: 'profile',
		key: 'name',
		create: 'profileName',
		schema: profileNameSchema,
		property: {
			displayName: 'Profile Name',
			name: 'profileName',
			type: 'string',
			default: '',
			description: 'The display name Meta reviews',
		},
	},
	{
		group: 'configuration',
		create: 'verificationMethod',
		schema: verificationMethodSchema,
		property: {
			displayName: 'Verification Method',
			name: 'verificationMethod',
			type: 'options',
			default: 'sms',
			options: VERIFICATION_METHOD_OPTIONS,
		},
	},
	profileField(profileTextSchema(PROFILE_LIMITS.about), {
		displayName: 'About',
		name: 'about',
		type: 'string',
		default: '',
		description: `The profile about text for the sender, at most ${PROFILE_LIMITS.about} characters (Meta's limit)`,
	}),
	profileField(profileTextSchema(PROFILE_LIMITS.address), {
		displayName: 'Address',
		name: 'address',
		type: 'string',
		default: '',
		description: `The address of the sender, at most ${PROFILE_LIMITS.address} characters (Meta's limit)`,
	}),
	profileField(profileTextSchema(PROFILE_LIMITS.description), {
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: `The description of the sender, at most ${PROFILE_LIMITS.description} characters (Meta's limit)`,
	}),
	profileField(emailsSchema, {
		displayName: 'Emails',
		name: 'emails',
		type: 'string',
		default: '',
		placeholder: 'support@example.com',
		description: `The emails of the sender, separated by commas (at most ${PROFILE_LIMITS.emails})`,
	}),
	profileField(webUrlSchema, {
		displayName: 'Logo URL',
		name: 'logoUrl',
		type: 'string',
		default: '',
		placeholder: 'https://example.com/logo.png',
		description: 'The logo URL of the sender',
	}),
	profileField(twilioVerticalSchema, {
		displayName: 'Vertical',
		name: 'vertical',
		type: 'options',
		default: 'Other',
		options: TWILIO_PROFILE_VERTICALS.map((vertical) => ({ name: vertical, value: vertical })),
		description: 'The vertical of the sender',
	}),
	profileField(websitesSchema, {
		displayName: 'Websites',
		name: 'websites',
		type: 'string',
		default: '',
		placeholder: 'https://example.com',
		description: `The websites of the sender, separated by commas (at most ${PROFILE_LIMITS.websites}, https)`,
	}),
	...webhookFields('Callback', 'callbackMethod', 'callbackUrl', 'The URL to send the webhook to'),
	...webhookFields(
		'Fallback',
		'fallbackMethod',
		'fallbackUrl',
		'The URL to send the fallback webhook to',
	),
	...webhookFields(
		'Status Callback',
		'statusCallbackMethod',
		'statusCallbackUrl',
		'The URL to send the status callback to',
	),
	{
		group: 'configuration',
		create: 'voiceApplicationSid',
		schema: voiceApplicationSidSchema,
		property: {
			displayName: 'Voice Application SID',
			name: 'voiceApplicationSid',
			type: 'string',
			default: '',
			placeholder: 'AP0123456789abcdef0123456789abcdef',
		},
	},
];

/** The fields' rules by parameter name: a value may be left out unless its CreateField is required. */
export function fieldsShape(
	fields: ReadonlyArray<Omit<SenderField, 'group'>>,
	required: readonly CreateField[] = [],
): z.ZodRawShape {
	return Object.fromEntries(
		fields.map(({ property, schema, create }) => [
			property.name,
			required.includes(create) ? schema : schema.optional(),
		]),
	);
}

/** Validated values as the provider input: each set field in its group. */
export function senderInput(values: IDataObject): UpdateSenderInput {
	const input: UpdateSenderInput = { configuration: {}, profile: {}, webhook: {} };
	for (const { property, group, key = property.name } of SENDER_FIELDS) {
		if (values[property.name] !== undefined)
			(input[group] as IDataObject)[key] = values[property.name];
	}
	return input;
}

/** The named fields of an item's collection the user filled in: there, an empty string means "not set". */
export function filledIn(
	context: IExecuteFunctions,
	itemIndex: number,
	collection: string,
	names: readonly string[],
): IDataObject {
	const values = context.getNodeParameter(collection, itemIndex, {}) as IDataObject;
	return Object.fromEntries(
		names
			.filter((name) => values[name] !== undefined && values[name] !== '')
			.map((name) => [name, values[name]]),
	);
}
