import type {
	IAuthenticate,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import {
	baseUrlProperty,
	credentialTest,
	headerAuthentication,
	secretProperty,
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
		secretProperty(
			'API Key',
			'apiKey',
			'The API key of your YCloud account (YCloud console → Developers → API Keys)',
		),
		baseUrlProperty(yCloudAdapter.defaultBaseUrl),
	];

	authenticate: IAuthenticate = headerAuthentication('X-API-Key', 'apiKey');

	test: ICredentialTestRequest = credentialTest(
		{ url: '/whatsapp/phoneNumbers', qs: { page: 1, limit: 1 } },
		'YCloud refused the API key (401): copy it again from Developers → API Keys in the YCloud console',
		'YCloud accepted the API key but refused access to WhatsApp phone numbers (403): check the account and the key',
	);
}
