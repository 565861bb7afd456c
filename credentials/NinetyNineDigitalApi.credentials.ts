import type {
	IAuthenticate,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { ninetyNineDigitalAdapter } from '../nodes/WhatsAppSenders/providers/ninetyNineDigital';
import {
	baseUrlProperty,
	bearerAuthentication,
	secretProperty,
	TEST_BASE_URL,
} from './common/properties';
import { exchangedTokenProperty, tokenPreAuthentication } from './common/tokenPreAuthentication';

/**
 * 99digital's Partners API takes a 1-hour access token that the client id and secret buy. The
 * WhatsApp Senders node never retries wrong credentials: they get the caller's IP blocked.
 */
export class NinetyNineDigitalApi implements ICredentialType {
	name = 'ninetyNineDigitalApi';

	displayName = '99digital Partners API';

	icon: Icon = {
		light: 'file:../nodes/WhatsAppSenders/ninetyNineDigital.svg',
		dark: 'file:../nodes/WhatsAppSenders/ninetyNineDigital.dark.svg',
	};

	documentationUrl =
		'https://github.com/whatsapp-senders/n8n-nodes-whatsapp-senders#99digital-partners-api';

	properties: INodeProperties[] = [
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'From the 99digital partners dashboard',
		},
		secretProperty(
			'Client Secret',
			'clientSecret',
			"From the 99digital partners dashboard. Wrong values tried too often get the server's IP blocked for a while.",
		),
		baseUrlProperty(ninetyNineDigitalAdapter.defaultBaseUrl),
		exchangedTokenProperty('Access Token'),
	];

	preAuthentication = tokenPreAuthentication(
		ninetyNineDigitalAdapter.tokenExchange!,
		(_status, { credentialsRejected, message, hint }) =>
			`99digital ${credentialsRejected ? 'refused the client ID or client secret' : 'gave no access token'}: ${message}.${hint ? ` ${hint}` : ''}`,
	);

	authenticate: IAuthenticate = bearerAuthentication('accessToken');

	test: ICredentialTestRequest = {
		request: {
			baseURL: TEST_BASE_URL,
			url: '/api/whatsapp/getWhatsApp',
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'status',
					value: 'FAIL',
					message: '99digital answered FAIL: check the client ID and client secret',
				},
			},
		],
	};
}
