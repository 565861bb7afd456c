import type {
	IAuthenticate,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import {
	bearerApiKeyProperties,
	bearerAuthentication,
	platformSendersTestRequest,
} from './common/properties';
import { autocallsAdapter } from '../nodes/WhatsAppSenders/providers/autocallsPlatform';

export class AutocallsApi implements ICredentialType {
	name = 'autocallsApi';

	displayName = 'Autocalls API';

	icon: Icon = {
		light: 'file:../nodes/WhatsAppSenders/autocalls.svg',
		dark: 'file:../nodes/WhatsAppSenders/autocalls.dark.svg',
	};

	documentationUrl = 'https://github.com/whatsapp-senders/n8n-nodes-whatsapp-senders#autocalls-api';

	properties: INodeProperties[] = bearerApiKeyProperties(
		'Autocalls',
		autocallsAdapter.defaultBaseUrl,
	);

	authenticate: IAuthenticate = bearerAuthentication('apiKey');

	test: ICredentialTestRequest = platformSendersTestRequest('Autocalls');
}
