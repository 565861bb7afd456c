import type { IDataObject } from 'n8n-workflow';

import { InvalidInputError } from '../core/errors';
import { labelsOf, validateParameters } from '../core/validation';
import { META_PROFILE_VERTICALS, metaProfileSchema, PROFILE_LIMITS } from '../core/whatsappProfile';
import { PROVIDERS } from '../providers';
import type { OperationField } from './display';
import { senderOperation } from './senderLocator';
import { filledIn, SENDER_FIELDS } from './senderFields';

/**
 * The collection a provider's Update Business Profile shows: n8n allows no displayOptions
 * inside a collection, so providers that differ in what they take (Meta's picture handle, the
 * verticals their list has) get a collection each.
 */
function profileFields(
	withPicture: boolean,
	verticals: readonly string[],
	providers: string[],
): OperationField {
	return {
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
				...(withPicture
					? [
							{
								displayName: 'Profile Picture Handle',
								name: 'profilePictureHandle',
								type: 'string' as const,
								default: '',
								description: "The handle Meta's Resumable Upload API returned for the image",
							},
						]
					: []),
				{
					displayName: 'Vertical',
					name: 'vertical',
					type: 'options',
					default: 'OTHER',
					options: verticals.map((vertical) => ({ name: vertical, value: vertical })),
					description: "The business category, as Meta's code",
				},
			],
		},
		providers,
	};
}

/** Providers grouped by what their collection holds, in the provider table's order. */
function profileCollections(): OperationField[] {
	const groups = new Map<
		string,
		{ withPicture: boolean; verticals: readonly string[]; providers: string[] }
	>();
	for (const provider of PROVIDERS.filter((p) => p.handlers.updateProfile)) {
		const withPicture = provider.takesProfilePictureHandle === true;
		const verticals = provider.profileVerticals ?? META_PROFILE_VERTICALS;
		const key = `${withPicture}|${verticals.join(',')}`;
		const group = groups.get(key) ?? { withPicture, verticals, providers: [] };
		group.providers.push(provider.id);
		groups.set(key, group);
	}
	return [...groups.values()].map((group) =>
		profileFields(group.withPicture, group.verticals, group.providers),
	);
}

const collections = profileCollections();
const LABELS = labelsOf(collections.map((field) => field.property));
const NAMES = Object.keys(metaProfileSchema.shape);

export const updateProfileOperation = senderOperation({
	option: {
		name: 'Update Business Profile',
		value: 'updateProfile',
		action: 'Update the business profile of a sender',
		description:
			'Change the about text, address, description, email, vertical, websites or picture; only the fields set are sent',
	},
	fields: collections,
	readInput(context, itemIndex) {
		const values = filledIn(
			context.getNodeParameter('profileFields', itemIndex, {}) as IDataObject,
			NAMES,
		);
		if (Object.keys(values).length === 0) {
			throw new InvalidInputError(
				'Update Fields',
				'is empty; add at least one profile field to change',
			);
		}
		return validateParameters(metaProfileSchema, values, LABELS);
	},
	call: (http, updateProfile, senderId, profile) => updateProfile(http, senderId, profile),
});
