import type { Icon, ICredentialTestRequest, INodeProperties } from 'n8n-workflow';

import { AutocallsApi } from './AutocallsApi.credentials';
import { bearerApiKeyProperties, platformSendersTestRequest } from './common/properties';
import { famulorAdapter } from '../nodes/WhatsAppSenders/providers/autocallsPlatform';

/** Famulor is the Autocalls platform under its own host: same key, same test, its own type. */
export class FamulorApi extends AutocallsApi {
	name = 'famulorApi';

	displayName = 'Famulor API';

	icon: Icon = {
		light: 'file:../nodes/WhatsAppSenders/famulor.svg',
		dark: 'file:../nodes/WhatsAppSenders/famulor.dark.svg',
	};

	documentationUrl = 'https://github.com/whatsapp-senders/n8n-nodes-whatsapp-senders#famulor-api';

	properties: INodeProperties[] = bearerApiKeyProperties('Famulor', famulorAdapter.defaultBaseUrl);

	test: ICredentialTestRequest = platformSendersTestRequest('Famulor');
}
