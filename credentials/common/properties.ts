import type { IAuthenticateGeneric, ICredentialTestRequest, INodeProperties } from 'n8n-workflow';

/**
 * Autocalls and Famulor share one platform: an API key sent as a Bearer token and a
 * Base URL. Their credential types stay separate (users must never mix them up); the
 * fields, authentication and test request are built here once.
 */
/** The Base URL field every credential has: the real provider by default, a proxy or simulator if changed. */
export function baseUrlProperty(defaultBaseUrl: string): INodeProperties {
	return {
		displayName: 'Base URL',
		name: 'baseUrl',
		type: 'string',
		default: defaultBaseUrl,
		description:
			'Change only for a proxy or a local test server. Must use https (http is accepted for localhost only).',
	};
}

export function bearerApiKeyProperties(providerName: string, defaultBaseUrl: string): INodeProperties[] {
	return [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: `The API key of your ${providerName} account, from its dashboard`,
		},
		baseUrlProperty(defaultBaseUrl),
	];
}

/** Sends a credential field as a Bearer token. */
export function bearerAuthentication(field: 'apiKey' | 'accessToken'): IAuthenticateGeneric {
	return {
		type: 'generic',
		properties: {
			headers: {
				Authorization: `=Bearer {{$credentials.${field}}}`,
			},
		},
	};
}

export const bearerApiKeyAuthentication = bearerAuthentication('apiKey');

/** The credential's Base URL without trailing slashes, for test requests. */
export const TEST_BASE_URL = '={{ $credentials.baseUrl.replace(/\\/+$/, "") }}';

/**
 * What "Test credential" says when the provider refuses: n8n itself shows only the HTTP
 * status text ("Unauthorized", or "Received HTTP status code: 401" in older versions).
 */
export function refusedCredentialRules(refused: string, forbidden: string): ICredentialTestRequest['rules'] {
	return [
		{ type: 'responseCode', properties: { value: 401, message: refused } },
		{ type: 'responseCode', properties: { value: 403, message: forbidden } },
	];
}

export function platformSendersTestRequest(providerName: string): ICredentialTestRequest {
	return {
		request: {
			baseURL: TEST_BASE_URL,
			url: '/user/whatsapp/senders',
			qs: { status: 'online' },
		},
		rules: refusedCredentialRules(
			`${providerName} refused the API key (401): copy it again from your ${providerName} dashboard`,
			`${providerName} accepted the API key but refused access to WhatsApp senders (403): check the key's permissions`,
		),
	};
}
