import type {
	IAuthenticate,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { gupshupTokenExchange } from '../nodes/WhatsAppSenders/providers/gupshup/tokenExchange';
import { assertSecureUrl, baseUrlProperty, refusedCredentialRules, secureAuthentication, TEST_BASE_URL } from './common/properties';

/**
 * Gupshup's Partner API takes a partner token (24 hours) that the partner's email and client
 * secret buy at /partner/account/login. The WhatsApp Senders node fetches, caches and renews
 * it itself, and the per-app tokens too; the pre-authentication here serves "Test credential"
 * and any other node that uses this credential.
 */
export class GupshupPartnerApi implements ICredentialType {
	name = 'gupshupPartnerApi';

	displayName = 'Gupshup Partner API';

	icon: Icon = {
		light: 'file:../nodes/WhatsAppSenders/whatsAppSenders.svg',
		dark: 'file:../nodes/WhatsAppSenders/whatsAppSenders.dark.svg',
	};

	documentationUrl = 'https://github.com/whatsapp-senders/n8n-nodes-whatsapp-senders#gupshup-partner-api';

	properties: INodeProperties[] = [
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			required: true,
			description: 'The email address the partner signed up with on the Gupshup partner portal',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'From the Gupshup partner portal: Settings > API client details',
		},
		baseUrlProperty('https://partner.gupshup.io'),
		{
			displayName: 'Partner Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const { method, path, form } = gupshupTokenExchange.request(credentials);
		const url = `${String(credentials.baseUrl ?? '').trim().replace(/\/+$/, '')}${path}`;
		// the client secret goes in this request's body: the same rule as every other request
		assertSecureUrl({ url });
		const answer = (await this.helpers.httpRequest({
			method,
			url,
			disableFollowRedirect: true,
			headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams(form).toString(),
			json: false,
			encoding: 'text',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as { statusCode: number; body: unknown };
		let body: unknown = answer.body;
		try {
			body = typeof body === 'string' ? JSON.parse(body) : body;
		} catch {
			// not JSON: read as text below
		}
		const result = gupshupTokenExchange.read(answer.statusCode, body);
		if (!('error' in result)) return { accessToken: result.token };
		const { credentialsRejected, message } = result.error;
		throw new Error(
			`Gupshup ${credentialsRejected ? 'refused the email or client secret' : 'gave no partner token'} (HTTP ${answer.statusCode}): ${message}.`,
		);
	}

	/** The partner token as Gupshup wants it (no "Bearer"); Get Waba Info carries its app token in `token` instead. */
	authenticate: IAuthenticate = secureAuthentication((credentials, requestOptions) => {
		const headers = requestOptions.headers ?? {};
		if ('token' in headers) return requestOptions;
		return { ...requestOptions, headers: { ...headers, Authorization: String(credentials.accessToken ?? '') } };
	});

	test: ICredentialTestRequest = {
		request: {
			baseURL: TEST_BASE_URL,
			url: '/partner/account/api/partnerApps',
		},
		rules: refusedCredentialRules(
			'Gupshup refused the partner token (401): check the email and client secret',
			'Gupshup refused access to the partner apps (403): check that this user may read the partner apps',
		),
	};
}
