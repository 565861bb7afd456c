import { InvalidInputError } from '../core/errors';
import type { BusinessProfileInput } from './types';

/** How a provider takes Update Business Profile's fields, beyond Meta's own rules (checked by the operation). */
export interface ProfileRules {
	/** The provider's name in errors. */
	provider: string;
	/** What the provider takes instead of Meta's picture upload handle, which it refuses; absent: it takes the handle. */
	pictureInstead?: string;
	/** Meta's vertical codes it takes, each with the word it is sent as; absent: every code, sent as it is. */
	verticals?: Readonly<Record<string, string>>;
	aboutMax?: number;
	websiteMaxLength?: number;
}

/** The fields set, in Meta's names (the vertical in the provider's word): what the adapter sends. */
export type ProfileChanges = Omit<BusinessProfileInput, 'profilePictureHandle'> & {
	profile_picture_handle?: string;
};

/**
 * The fields set, in Meta's names, with the vertical in the provider's word: each checked
 * against the provider's rules before any request, the error naming the field.
 */
export function profileChanges(
	{ profilePictureHandle, vertical, ...fields }: BusinessProfileInput,
	rules: ProfileRules,
): ProfileChanges {
	const { provider, pictureInstead, verticals, aboutMax, websiteMaxLength } = rules;
	if (profilePictureHandle !== undefined && pictureInstead !== undefined) {
		throw new InvalidInputError(
			'Profile Picture Handle',
			`is Meta's upload handle; ${provider} takes ${pictureInstead}, which this operation does not offer`,
		);
	}
	if (aboutMax !== undefined && (fields.about?.length ?? 0) > aboutMax)
		throw new InvalidInputError('About', `${provider} takes at most ${aboutMax} characters`);
	if (websiteMaxLength !== undefined && fields.websites?.some((w) => w.length > websiteMaxLength)) {
		throw new InvalidInputError(
			'Websites',
			`${provider} takes websites of at most ${websiteMaxLength} characters each`,
		);
	}
	const changes: ProfileChanges = Object.fromEntries(
		Object.entries(fields).filter(([, value]) => value !== undefined),
	);
	if (vertical !== undefined) {
		const word = verticals === undefined ? vertical : verticals[vertical];
		if (word === undefined) {
			throw new InvalidInputError(
				'Vertical',
				`${vertical} is not one of ${provider}'s verticals: ${Object.keys(verticals ?? {}).join(', ')}`,
			);
		}
		changes.vertical = word;
	}
	if (profilePictureHandle !== undefined) changes.profile_picture_handle = profilePictureHandle;
	if (Object.keys(changes).length === 0)
		throw new InvalidInputError('Update Fields', 'add at least one field to change');
	return changes;
}
