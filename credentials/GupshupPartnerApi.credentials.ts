import type {
	IAuthenticate,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { gupshupAdapter } from '../nodes/WhatsAppSenders/providers/gupshup';
import {
	baseUrlProperty,
	credentialTest,
	secretProperty,
	secureAuthentication,
} from './common/properties';
import { exchangedTokenProperty, tokenPreAuthentication } from './common/tokenPreAuthentication';

/**
 * Gupshup's Partner API takes a partner token (24 hours) that the partner's email and client
 * secret buy at /partner/account/login; the WhatsApp Senders node also fetches, caches and
 * renews the per-app tokens.
 */
export class GupshupPartnerApi implements ICredentialType {
	name = 'gupshupPartnerApi';

	displayName = 'Gupshup Partner API';

	icon: Icon = {
		light: 'file:../nodes/WhatsAppSenders/whatsAppSenders.svg',
		dark: 'file:../nodes/WhatsAppSenders/whatsAppSenders.dark.svg',
	};

	documentationUrl =
		'https://github.com/whatsapp-senders/n8n-nodes-whatsapp-senders#gupshup-partner-api';

	properties: INodeProperties[] = [
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			required: true,
			description: 'The email address the partner signed up with on the Gupshup partner portal',
		},
		secretProperty(
			'Client Secret',
			'clientSecret',
			'From the Gupshup partner portal: Settings > API client details',
		),
		baseUrlProperty(gupshupAdapter.defaultBaseUrl),
		exchangedTokenProperty('Partner Token'),
	];

	preAuthentication = tokenPreAuthentication(
		gupshupAdapter.tokenExchange!,
		(status, { credentialsRejected, message }) =>
			`Gupshup ${credentialsRejected ? 'refused the email or client secret' : 'gave no partner token'} (HTTP ${status}): ${message}.`,
	);

	/**
	 * The partner token as Gupshup wants it (no "Bearer"); a request of one app carries that
	 * app's token instead (Get Waba Info in `token`, the business profile in Authorization).
	 */
	authenticate: IAuthenticate = secureAuthentication((credentials, requestOptions) => {
		const headers = requestOptions.headers ?? {};
		if ('token' in headers || 'Authorization' in headers) return requestOptions;
		return {
			...requestOptions,
			headers: { ...headers, Authorization: String(credentials.accessToken ?? '') },
		};
	});

	test: ICredentialTestRequest = credentialTest(
		{ url: '/partner/account/api/partnerApps' },
		'Gupshup refused the partner token (401): check the email and client secret',
		'Gupshup refused access to the partner apps (403): check that this user may read the partner apps',
	);
}
