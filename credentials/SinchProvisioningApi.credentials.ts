import type {
	IAuthenticate,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { SINCH_TOKEN_URL, sinchAdapter } from '../nodes/WhatsAppSenders/providers/sinch';
import {
	baseUrlProperty,
	bearerAuthentication,
	credentialTest,
	secretProperty,
} from './common/properties';
import { exchangedTokenProperty, tokenPreAuthentication } from './common/tokenPreAuthentication';

/**
 * Sinch's Provisioning API with an access key of the project: the key ID and secret buy a
 * short-lived OAuth2 token at auth.sinch.com (Sinch calls Basic auth on the API itself "for
 * test purposes only" and heavily rate limited, so it is not offered).
 */
export class SinchProvisioningApi implements ICredentialType {
	name = 'sinchProvisioningApi';

	displayName = 'Sinch Provisioning API';

	icon: Icon = {
		light: 'file:../nodes/WhatsAppSenders/whatsAppSenders.svg',
		dark: 'file:../nodes/WhatsAppSenders/whatsAppSenders.dark.svg',
	};

	documentationUrl = 'https://developers.sinch.com/docs/provisioning-api/api-reference/';

	properties: INodeProperties[] = [
		{
			displayName: 'Project ID',
			name: 'projectId',
			type: 'string',
			default: '',
			required: true,
			description: 'The unique ID of the project, shown at the top of the Sinch dashboard',
		},
		{
			displayName: 'Key ID',
			name: 'keyId',
			type: 'string',
			default: '',
			required: true,
			description: 'An access key of the project: Sinch dashboard, Settings > Access Keys',
		},
		secretProperty(
			'Key Secret',
			'keySecret',
			'The secret of that access key, shown only when the key is created',
		),
		baseUrlProperty(sinchAdapter.defaultBaseUrl),
		{
			displayName: 'Token URL',
			name: 'tokenUrl',
			type: 'string',
			default: SINCH_TOKEN_URL,
			description:
				"Sinch's OAuth2 token endpoint. Change only for a proxy or a local test server. Must use https (http is accepted for localhost only).",
		},
		exchangedTokenProperty('Access Token'),
	];

	preAuthentication = tokenPreAuthentication(
		sinchAdapter.tokenExchange!,
		(status, { credentialsRejected, code, message, hint }) =>
			`Sinch ${credentialsRejected ? 'refused the key ID or key secret' : 'gave no access token'} (HTTP ${status}): ${code ? `${code}: ` : ''}${message}.${hint ? ` ${hint}` : ''}`,
	);

	authenticate: IAuthenticate = bearerAuthentication('accessToken');

	test: ICredentialTestRequest = credentialTest(
		{
			url: '={{ "/v1/projects/" + $credentials.projectId.trim() + "/whatsapp/senders" }}',
			qs: { pageSize: 1 },
		},
		'Sinch refused the access token for this project (401): check the Project ID, and that the access key belongs to this project',
		'Sinch accepted the key but refused access to this project (403): check the access key in the Sinch dashboard',
	);
}
