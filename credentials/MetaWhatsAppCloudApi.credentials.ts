import type {
	IAuthenticate,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import {
	baseUrlProperty,
	bearerAuthentication,
	credentialTest,
	secretProperty,
} from './common/properties';
import { metaCloudAdapter } from '../nodes/WhatsAppSenders/providers/metaCloud';

export class MetaWhatsAppCloudApi implements ICredentialType {
	name = 'metaWhatsAppCloudApi';

	displayName = 'Meta WhatsApp Cloud (Senders) API';

	icon: Icon = {
		light: 'file:../nodes/WhatsAppSenders/meta.svg',
		dark: 'file:../nodes/WhatsAppSenders/meta.dark.svg',
	};

	documentationUrl =
		'https://github.com/whatsapp-senders/n8n-nodes-whatsapp-senders#meta-whatsapp-cloud-api';

	properties: INodeProperties[] = [
		secretProperty(
			'Access Token',
			'accessToken',
			'A system-user access token with the whatsapp_business_management permission (Business Settings → System users)',
		),
		{
			displayName: 'WhatsApp Business Account ID',
			name: 'wabaId',
			type: 'string',
			default: '',
			required: true,
			placeholder: '102290129340398',
			description: 'The numeric WABA ID (WhatsApp Manager → Account tools, or the App Dashboard)',
		},
		{
			displayName: 'Graph API Version',
			name: 'graphApiVersion',
			type: 'string',
			default: 'v26.0',
			placeholder: 'v26.0',
			description:
				"The Graph API version in every request's path; the newest when this package was released by default",
		},
		baseUrlProperty(metaCloudAdapter.defaultBaseUrl),
	];

	authenticate: IAuthenticate = bearerAuthentication('accessToken');

	test: ICredentialTestRequest = credentialTest(
		{
			url: '={{ "/" + ($credentials.graphApiVersion || "v26.0").trim() + "/" + $credentials.wabaId.trim() + "/phone_numbers" }}',
			qs: { fields: 'id', limit: 1 },
		},
		'Meta refused the access token (401): it may be expired or revoked; a System User token does not expire',
		"The token cannot read this WhatsApp Business Account's phone numbers (403): it needs whatsapp_business_management on this WABA",
	);
}
