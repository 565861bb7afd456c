import { InvalidInputError } from '../core/errors';
import { labelsOf, validateParameters } from '../core/validation';
import { META_PROFILE_VERTICALS, metaProfileSchema, PROFILE_LIMITS } from '../core/whatsappProfile';
import { PROVIDERS } from '../providers';
import type { ProviderAdapter } from '../providers/types';
import { senderOperation } from './common';
import type { OperationField } from './display';
import { filledIn, SENDER_FIELDS } from './senderFields';

const verticalsOf = (provider: ProviderAdapter) =>
	provider.profileVerticals ?? META_PROFILE_VERTICALS;

/** What a provider's Update Fields collection holds: its picture handle or not, its verticals. */
const holds = (provider: ProviderAdapter) =>
	`${provider.takesProfilePictureHandle === true}|${verticalsOf(provider).join(',')}`;

/**
 * The collection a group of providers' Update Business Profile shows: n8n allows no
 * displayOptions inside a collection, so providers that differ in what they take (Meta's
 * picture handle, the verticals their list has) get a collection each.
 */
function profileFields(group: ProviderAdapter[]): OperationField {
	const [provider] = group;
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
				...(provider.takesProfilePictureHandle === true
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
					options: verticalsOf(provider).map((vertical) => ({ name: vertical, value: vertical })),
					description: "The business category, as Meta's code",
				},
			],
		},
		providers: group.map(({ id }) => id),
	};
}

/** One collection per group of providers that hold the same, in the provider table's order. */
const updaters = PROVIDERS.filter((provider) => provider.handlers.updateProfile);
const collections = [...new Set(updaters.map(holds))].map((key) =>
	profileFields(updaters.filter((provider) => holds(provider) === key)),
);
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
		const values = filledIn(context, itemIndex, 'profileFields', NAMES);
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
