import type { IDataObject } from 'n8n-workflow';

import { InvalidInputError } from '../core/errors';
import { labelsOf, validateParameters } from '../core/validation';
import { META_PROFILE_VERTICALS, metaProfileSchema, PROFILE_LIMITS } from '../core/whatsappProfile';
import { providersSupporting } from '../providers';
import type { BusinessProfileInput } from '../providers/types';
import { optionsCollection, readTimeoutMs } from './common';
import type { OperationField } from './display';
import { readSenderId, senderLocatorFields } from './senderLocator';
import { filledIn, SENDER_FIELDS } from './senderFields';
import type { SenderOperationModule } from './types';

interface UpdateProfileParameters {
	senderId: string;
	profile: BusinessProfileInput;
	timeoutMs?: number;
}

const fields: OperationField[] = [
	...senderLocatorFields('updateProfile'),
	{
		property: {
			displayName: 'Update Fields',
			name: 'profileFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				// Meta's picture is a handle and its email is one address; the rest are the shared profile fields
				...SENDER_FIELDS.map((field) => field.property).filter((property) =>
					['about', 'address', 'description', 'websites'].includes(property.name),
				),
				{
					displayName: 'Email',
					name: 'email',
					type: 'string',
					placeholder: 'name@email.com',
					default: '',
					description: `At most ${PROFILE_LIMITS.email} characters`,
				},
				{
					displayName: 'Profile Picture Handle',
					name: 'profilePictureHandle',
					type: 'string',
					default: '',
					description: "The handle Meta's Resumable Upload API returned for the image",
				},
				{
					displayName: 'Vertical',
					name: 'vertical',
					type: 'options',
					default: 'OTHER',
					options: META_PROFILE_VERTICALS.map((vertical) => ({ name: vertical, value: vertical })),
					description: "The business category, as Meta's code",
				},
			],
		},
		providers: providersSupporting('updateProfile'),
	},
	optionsCollection(),
];

const LABELS = labelsOf(fields.map((field) => field.property));
const NAMES = Object.keys(metaProfileSchema.shape);

export const updateProfileOperation: SenderOperationModule<
	'updateProfile',
	UpdateProfileParameters
> = {
	value: 'updateProfile',
	option: {
		name: 'Update Business Profile',
		value: 'updateProfile',
		action: 'Update the business profile of a sender',
		description:
			'Change the about text, address, description, email, vertical, websites or picture; only the fields set are sent',
	},
	fields,
	readParameters(context, itemIndex, provider) {
		const senderId = readSenderId(context, itemIndex, provider);
		const fields = filledIn(
			context.getNodeParameter('profileFields', itemIndex, {}) as IDataObject,
			NAMES,
		);
		if (Object.keys(fields).length === 0) {
			throw new InvalidInputError(
				'Update Fields',
				'is empty; add at least one profile field to change',
			);
		}
		const profile = validateParameters(metaProfileSchema, fields, LABELS);
		return { senderId, profile, timeoutMs: readTimeoutMs(context, itemIndex) };
	},
	async run(http, updateProfile, parameters) {
		return [(await updateProfile(http, parameters.senderId, parameters.profile)) as IDataObject];
	},
};
