import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import { PROVIDERS } from './providers';

/**
 * One credential per provider, shown only when that provider is chosen in `parameter`. Written
 * as "hidden for every other provider", not "shown for this one": n8n's editor takes a
 * parameter whose every value shows a credential for the node's authentication, hides it,
 * offers the credentials of all providers in one list, fills in the newest of any type and
 * then rewrites the parameter to match it, so a Twilio trigger became a Sinch one unasked.
 * It reads only `show` for that; with `hide` the Provider stays a visible choice and the
 * credential list holds the chosen provider's credentials only.
 * The `show` rule names only the node's version (always true): a credential with no `show`
 * at all counts for the editor as "the node's authentication", and its "Create new
 * credential" then opens the node's first credential type (Twilio) whatever the provider.
 */
export function credentialsShownBy(
	parameter: 'provider' | 'resource',
	version: number,
): INodeCredentialDescription[] {
	return PROVIDERS.map((provider) => ({
		name: provider.credentialType,
		required: true,
		displayOptions: {
			show: { '@version': [version] },
			hide: {
				[parameter]: PROVIDERS.filter((other) => other !== provider).map((other) => other.id),
			},
		},
	}));
}

/** Version 1 of the action node and the trigger (also version 1). */
export const providerCredentials = credentialsShownBy('provider', 1);

export const providerProperty: INodeProperties = {
	displayName: 'Provider',
	name: 'provider',
	type: 'options',
	noDataExpression: true,
	default: 'twilio',
	options: PROVIDERS.map((provider) => ({ name: provider.displayName, value: provider.id })),
	description: 'Where the WhatsApp senders (phone numbers) are registered',
};
