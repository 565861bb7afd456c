import type {
	IAuthenticate,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { baseUrlProperty, credentialTest, secureAuthentication } from './common/properties';
import { twilioAdapter } from '../nodes/WhatsAppSenders/providers/twilio';

export class TwilioSendersApi implements ICredentialType {
	name = 'twilioSendersApi';

	displayName = 'Twilio (WhatsApp Senders) API';

	icon: Icon = {
		light: 'file:../nodes/WhatsAppSenders/twilio.svg',
		dark: 'file:../nodes/WhatsAppSenders/twilio.dark.svg',
	};

	documentationUrl =
		'https://github.com/whatsapp-senders/n8n-nodes-whatsapp-senders#twilio-whatsapp-senders-api';

	properties: INodeProperties[] = [
		{
			displayName: 'Authentication Type',
			name: 'authType',
			type: 'options',
			default: 'authToken',
			options: [
				{ name: 'Auth Token', value: 'authToken' },
				{ name: 'API Key', value: 'apiKey' },
			],
			description:
				'Twilio recommends an API key for production: it can be revoked without changing the Auth Token',
		},
		{
			displayName: 'Account SID',
			name: 'accountSid',
			type: 'string',
			default: '',
			placeholder: 'ACxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
			description: 'Shown on the Twilio Console dashboard',
			required: true,
		},
		{
			displayName: 'Auth Token',
			name: 'authToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { authType: ['authToken'] } },
		},
		{
			displayName: 'API Key SID',
			name: 'apiKeySid',
			type: 'string',
			default: '',
			placeholder: 'SKxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
			displayOptions: { show: { authType: ['apiKey'] } },
		},
		{
			displayName: 'API Key Secret',
			name: 'apiKeySecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { authType: ['apiKey'] } },
		},
		baseUrlProperty(twilioAdapter.defaultBaseUrl),
	];

	authenticate: IAuthenticate = secureAuthentication((credentials, requestOptions) => ({
		...requestOptions,
		auth:
			credentials.authType === 'apiKey'
				? {
						username: String(credentials.apiKeySid ?? ''),
						password: String(credentials.apiKeySecret ?? ''),
					}
				: {
						username: String(credentials.accountSid ?? ''),
						password: String(credentials.authToken ?? ''),
					},
	}));

	test: ICredentialTestRequest = credentialTest(
		{ url: '/v2/Channels/Senders', qs: { Channel: 'whatsapp', PageSize: 1 } },
		'Twilio refused the Account SID and Auth Token, or the API Key SID and Secret (401): check them in the Twilio Console',
		'Twilio accepted the credentials but refused access to WhatsApp senders (403): the API key may be restricted',
	);
}
