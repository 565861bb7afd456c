import type {
	IAuthenticate,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import {
	baseUrlProperty,
	refusedCredentialRules,
	secureAuthentication,
	TEST_BASE_URL,
} from './common/properties';
import { yCloudAdapter } from '../nodes/WhatsAppSenders/providers/yCloud';

export class YCloudApi implements ICredentialType {
	name = 'yCloudApi';

	displayName = 'YCloud API';

	icon: Icon = {
		light: 'file:../nodes/WhatsAppSenders/whatsAppSenders.svg',
		dark: 'file:../nodes/WhatsAppSenders/whatsAppSenders.dark.svg',
	};

	documentationUrl = 'https://github.com/whatsapp-senders/n8n-nodes-whatsapp-senders#ycloud';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The API key of your YCloud account (YCloud console → Developers → API Keys)',
		},
		baseUrlProperty(yCloudAdapter.defaultBaseUrl),
	];

	// YCloud wants the key itself in X-API-Key, without a Bearer prefix
	authenticate: IAuthenticate = secureAuthentication((credentials, requestOptions) => ({
		...requestOptions,
		headers: { ...requestOptions.headers, 'X-API-Key': String(credentials.apiKey ?? '') },
	}));

	test: ICredentialTestRequest = {
		request: {
			baseURL: TEST_BASE_URL,
			url: '/whatsapp/phoneNumbers',
			qs: { page: 1, limit: 1 },
		},
		rules: refusedCredentialRules(
			'YCloud refused the API key (401): copy it again from Developers → API Keys in the YCloud console',
			'YCloud accepted the API key but refused access to WhatsApp phone numbers (403): check the account and the key',
		),
	};
}
