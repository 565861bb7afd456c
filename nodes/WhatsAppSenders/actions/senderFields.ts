import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import {
	emailsSchema,
	PROFILE_LIMITS,
	profileNameSchema,
	profileTextSchema,
	TWILIO_PROFILE_VERTICALS,
	twilioVerticalSchema,
	verificationMethodSchema,
	voiceApplicationSidSchema,
	wabaIdSchema,
	webhookMethodSchema,
	websitesSchema,
	webUrlSchema,
} from '../core/whatsappProfile';

/**
 * The business-profile, webhook and configuration fields shared by Create (in collections)
 * and Update (in "Update Fields"), with the zod rules that check them before any request.
 */

const METHOD_OPTIONS = [
	{ name: 'POST', value: 'POST' },
	{ name: 'PUT', value: 'PUT' },
];

export const profileFields: INodeProperties[] = [
	{ displayName: 'About', name: 'about', type: 'string', default: '', description: `The profile about text for the sender, at most ${PROFILE_LIMITS.about} characters (Meta's limit)` },
	{ displayName: 'Address', name: 'address', type: 'string', default: '', description: `The address of the sender, at most ${PROFILE_LIMITS.address} characters (Meta's limit)` },
	{ displayName: 'Description', name: 'description', type: 'string', typeOptions: { rows: 3 }, default: '', description: `The description of the sender, at most ${PROFILE_LIMITS.description} characters (Meta's limit)` },
	{ displayName: 'Emails', name: 'emails', type: 'string', default: '', placeholder: 'support@example.com', description: `The emails of the sender, separated by commas (at most ${PROFILE_LIMITS.emails})` },
	{ displayName: 'Logo URL', name: 'logoUrl', type: 'string', default: '', placeholder: 'https://example.com/logo.png', description: 'The logo URL of the sender' },
	{
		displayName: 'Vertical',
		name: 'vertical',
		type: 'options',
		default: 'Other',
		options: TWILIO_PROFILE_VERTICALS.map((vertical) => ({ name: vertical, value: vertical })),
		description: 'The vertical of the sender',
	},
	{ displayName: 'Websites', name: 'websites', type: 'string', default: '', placeholder: 'https://example.com', description: `The websites of the sender, separated by commas (at most ${PROFILE_LIMITS.websites}, https)` },
];

export const webhookFields: INodeProperties[] = [
	{ displayName: 'Callback Method', name: 'callbackMethod', type: 'options', default: 'POST', options: METHOD_OPTIONS },
	{ displayName: 'Callback URL', name: 'callbackUrl', type: 'string', default: '', description: 'The URL to send the webhook to' },
	{ displayName: 'Fallback Method', name: 'fallbackMethod', type: 'options', default: 'POST', options: METHOD_OPTIONS },
	{ displayName: 'Fallback URL', name: 'fallbackUrl', type: 'string', default: '', description: 'The URL to send the fallback webhook to' },
	{ displayName: 'Status Callback Method', name: 'statusCallbackMethod', type: 'options', default: 'POST', options: METHOD_OPTIONS },
	{ displayName: 'Status Callback URL', name: 'statusCallbackUrl', type: 'string', default: '', description: 'The URL to send the status callback to' },
];

export const profileSchema = z.object({
	name: profileNameSchema.optional(),
	about: profileTextSchema(PROFILE_LIMITS.about).optional(),
	address: profileTextSchema(PROFILE_LIMITS.address).optional(),
	description: profileTextSchema(PROFILE_LIMITS.description).optional(),
	emails: emailsSchema.optional(),
	logoUrl: webUrlSchema.optional(),
	vertical: twilioVerticalSchema.optional(),
	websites: websitesSchema.optional(),
});

export const webhookSchema = z.object({
	callbackUrl: webUrlSchema.optional(),
	callbackMethod: webhookMethodSchema.optional(),
	fallbackUrl: webUrlSchema.optional(),
	fallbackMethod: webhookMethodSchema.optional(),
	statusCallbackUrl: webUrlSchema.optional(),
	statusCallbackMethod: webhookMethodSchema.optional(),
});

export const configurationSchema = z.object({
	wabaId: wabaIdSchema.optional(),
	verificationMethod: verificationMethodSchema.optional(),
	voiceApplicationSid: voiceApplicationSidSchema.optional(),
});

export const FIELD_LABELS: Record<string, string> = {
	phoneNumber: 'Phone Number',
	wabaId: 'WABA ID',
	verificationMethod: 'Verification Method',
	verificationCode: 'Verification Code',
	profileName: 'Profile Name',
	name: 'Profile Name',
	voiceApplicationSid: 'Voice Application SID',
	about: 'About',
	address: 'Address',
	description: 'Description',
	emails: 'Emails',
	logoUrl: 'Logo URL',
	vertical: 'Vertical',
	websites: 'Websites',
	callbackUrl: 'Callback URL',
	callbackMethod: 'Callback Method',
	fallbackUrl: 'Fallback URL',
	fallbackMethod: 'Fallback Method',
	statusCallbackUrl: 'Status Callback URL',
	statusCallbackMethod: 'Status Callback Method',
};

/** Keeps only the fields the user filled in: empty strings in a collection mean "not set". */
export function setFields(values: IDataObject, names: readonly string[]): IDataObject {
	return Object.fromEntries(
		names.filter((name) => values[name] !== undefined && values[name] !== '').map((name) => [name, values[name]]),
	);
}

export const PROFILE_NAMES = ['about', 'address', 'description', 'emails', 'logoUrl', 'vertical', 'websites'] as const;
export const WEBHOOK_NAMES = ['callbackUrl', 'callbackMethod', 'fallbackUrl', 'fallbackMethod', 'statusCallbackUrl', 'statusCallbackMethod'] as const;
