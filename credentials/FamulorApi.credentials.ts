import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import {
	bearerApiKeyAuthentication,
	bearerApiKeyProperties,
	platformSendersTestRequest,
} from './common/properties';

export class FamulorApi implements ICredentialType {
	name = 'famulorApi';

	displayName = 'Famulor API';

	icon: Icon = {
		light: 'file:../nodes/WhatsAppSenders/famulor.svg',
		dark: 'file:../nodes/WhatsAppSenders/famulor.dark.svg',
	};

	documentationUrl = 'https://github.com/whatsapp-senders/n8n-nodes-whatsapp-senders#famulor-api';

	properties: INodeProperties[] = bearerApiKeyProperties('Famulor', 'https://app.famulor.de/api');

	authenticate: IAuthenticateGeneric = bearerApiKeyAuthentication;

	test: ICredentialTestRequest = platformSendersTestRequest;
}
