import type {
	IAuthenticate,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { insecureUrlProblem } from '../../nodes/WhatsAppSenders/transport/baseUrl';

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

export function bearerApiKeyProperties(
	providerName: string,
	defaultBaseUrl: string,
): INodeProperties[] {
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

/**
 * Refuses a request whose URL breaks the Base URL rule (https, or http to localhost only; no
 * user or password), before any secret is attached to it. Every request made with these
 * credentials passes here: the node's, "Test credential" (also run by n8n on Save), and any
 * other node's that uses the credential.
 */
export function assertSecureUrl(
	requestOptions: Pick<IHttpRequestOptions, 'url' | 'baseURL'> & { uri?: string },
): void {
	// the HTTP Request node passes `uri`; a relative URL is resolved against baseURL as axios does
	const target = requestOptions.url ?? requestOptions.uri ?? '';
	const base = requestOptions.baseURL?.trim();
	const absolute =
		URL.canParse(target) || !base || !URL.canParse(target, base)
			? target
			: new URL(target, base).href;
	const problem = insecureUrlProblem(absolute);
	if (problem)
		throw new Error(`Invalid "Base URL" in the credential: ${problem}. Nothing was sent.`);
}

/** Signs a request with the credentials, once its URL has passed the Base URL rule. */
export function secureAuthentication(
	sign: (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	) => IHttpRequestOptions,
): IAuthenticate {
	return async (credentials, requestOptions) => {
		assertSecureUrl(requestOptions);
		// a redirect would carry the signed request elsewhere: n8n re-attaches credentials on it
		return sign(credentials, {
			...requestOptions,
			disableFollowRedirect: true,
			sendCredentialsOnCrossOriginRedirect: false,
		});
	};
}

/** Sends a credential field as a Bearer token. */
export function bearerAuthentication(field: 'apiKey' | 'accessToken'): IAuthenticate {
	return secureAuthentication((credentials, requestOptions) => ({
		...requestOptions,
		headers: {
			...requestOptions.headers,
			Authorization: `Bearer ${String(credentials[field] ?? '')}`,
		},
	}));
}

export const bearerApiKeyAuthentication = bearerAuthentication('apiKey');

/** The credential's Base URL without trailing slashes, for test requests. */
export const TEST_BASE_URL = '={{ $credentials.baseUrl.replace(/\\/+$/, "") }}';

/**
 * What "Test credential" says when the provider refuses: n8n itself shows only the HTTP
 * status text ("Unauthorized", or "Received HTTP status code: 401" in older versions).
 */
export function refusedCredentialRules(
	refused: string,
	forbidden: string,
): ICredentialTestRequest['rules'] {
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
