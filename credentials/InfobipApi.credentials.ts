import type {
	IAuthenticate,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import {
	headerAuthentication,
	refusedCredentialRules,
	secretProperty,
	TEST_BASE_URL,
} from './common/properties';

export class InfobipApi implements ICredentialType {
	name = 'infobipApi';

	displayName = 'Infobip API';

	icon: Icon = {
		light: 'file:../nodes/WhatsAppSenders/whatsAppSenders.svg',
		dark: 'file:../nodes/WhatsAppSenders/whatsAppSenders.dark.svg',
	};

	documentationUrl = 'https://github.com/whatsapp-senders/n8n-nodes-whatsapp-senders#infobip-api';

	properties: INodeProperties[] = [
		secretProperty(
			'API Key',
			'apiKey',
			'An API key of your Infobip account (Infobip portal → Developers → API keys)',
		),
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://xxxxx.api.infobip.com',
			description:
				'Your account’s own Base URL, shown in the Infobip portal. Must use https (http is accepted for localhost only).',
		},
		{
			displayName: 'WhatsApp Sender Numbers',
			name: 'senders',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			required: true,
			placeholder: '+447796344125\n+447796344126',
			description:
				'The WhatsApp numbers of this account to read and watch, one per line or separated by commas, with or without "+". Infobip documents no list of an account’s senders, so the node asks for these numbers.',
		},
	];

	// Infobip's own scheme: "App" and the key
	authenticate: IAuthenticate = headerAuthentication('Authorization', 'apiKey', 'App');

	/** Proves the key reads the quality of the first 100 numbers named here, and that Infobip returns at least one of them. */
	test: ICredentialTestRequest = {
		request: {
			baseURL: TEST_BASE_URL,
			url: '/whatsapp/1/senders/quality',
			qs: {
				senders:
					'={{ $credentials.senders.split(/[^0-9+]+/).map(n => n.replace("+", "")).filter(n => n).slice(0, 100).join(",") }}',
			},
		},
		// n8n reads responseCode rules on a refusal and responseSuccessBody rules on a 200
		// (CredentialsTester): one list holds both, though its type wants one kind
		rules: [
			...refusedCredentialRules(
				'Infobip refused the API key (401): check the key and that the Base URL is this account’s own',
				'Infobip accepted the API key but refused access to WhatsApp senders (403): give the key the WhatsApp scopes',
			),
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'results[0]',
					value: undefined,
					message:
						'Infobip returned none of the WhatsApp Sender Numbers for this account: only senders associated with the account are answered. Check the numbers.',
				},
			},
		] as ICredentialTestRequest['rules'],
	};
}
