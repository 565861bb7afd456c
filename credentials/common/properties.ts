import type {
	IAuthenticate,
	IAuthenticateRuleResponseCode,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { insecureUrlProblem } from '../../nodes/WhatsAppSenders/core/url';

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

/** A required secret (API key, client secret, token): hidden as a password. */
export function secretProperty(
	displayName: string,
	name: string,
	description: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		description,
	};
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

/** Sends a credential field in a header, after the provider's scheme word if it wants one. */
export function headerAuthentication(
	header: string,
	field: 'apiKey' | 'accessToken',
	scheme?: string,
): IAuthenticate {
	return secureAuthentication((credentials, requestOptions) => {
		const value = String(credentials[field] ?? '');
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, [header]: scheme ? `${scheme} ${value}` : value },
		};
	});
}

/** Sends a credential field as a Bearer token. */
export function bearerAuthentication(field: 'apiKey' | 'accessToken'): IAuthenticate {
	return headerAuthentication('Authorization', field, 'Bearer');
}

/** The credential's Base URL without trailing slashes, for test requests. */
export const TEST_BASE_URL = '={{ $credentials.baseUrl.replace(/\\/+$/, "") }}';

/**
 * What "Test credential" says when the provider refuses: n8n itself shows only the HTTP
 * status text ("Unauthorized", or "Received HTTP status code: 401" in older versions).
 */
export function refusedCredentialRules(
	refused: string,
	forbidden: string,
): IAuthenticateRuleResponseCode[] {
	return [
		{ type: 'responseCode', properties: { value: 401, message: refused } },
		{ type: 'responseCode', properties: { value: 403, message: forbidden } },
	];
}

/** "Test credential": `request` on the credential's Base URL, a 401 or 403 worded as above. */
export function credentialTest(
	request: Omit<ICredentialTestRequest['request'], 'baseURL'>,
	refused: string,
	forbidden: string,
): ICredentialTestRequest {
	return {
		request: { baseURL: TEST_BASE_URL, ...request },
		rules: refusedCredentialRules(refused, forbidden),
	};
}

/**
 * Autocalls and Famulor share one platform: an API key sent as a Bearer token and a
 * Base URL. Their credential types stay separate (users must never mix them up); the
 * fields and test request are built here once, the authentication in AutocallsApi, which
 * FamulorApi extends.
 */
export function bearerApiKeyProperties(
	providerName: string,
	defaultBaseUrl: string,
): INodeProperties[] {
	return [
		secretProperty(
			'API Key',
			'apiKey',
			`The API key of your ${providerName} account, from its dashboard`,
		),
		baseUrlProperty(defaultBaseUrl),
	];
}

export function platformSendersTestRequest(providerName: string): ICredentialTestRequest {
	return credentialTest(
		{ url: '/user/whatsapp/senders', qs: { status: 'online' } },
		`${providerName} refused the API key (401): copy it again from your ${providerName} dashboard`,
		`${providerName} accepted the API key but refused access to WhatsApp senders (403): check the key's permissions`,
	);
}
