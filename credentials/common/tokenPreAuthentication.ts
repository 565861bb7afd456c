import type {
	ICredentialDataDecryptedObject,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';

import type {
	ProviderErrorDetail,
	TokenExchange,
} from '../../nodes/WhatsAppSenders/providers/types';
import { insecureUrlProblem } from '../../nodes/WhatsAppSenders/core/url';

/**
 * The pre-authentication of a credential whose provider trades long-lived secrets for a
 * short-lived token (99digital, Gupshup, Sinch): n8n runs it for "Test credential" and for any
 * other node using the credential (the WhatsApp Senders node fetches, caches and renews the
 * token itself). It sends the exchange the node's transport sends (one
 * description per provider, `TokenExchange`), held to the same https rule before the secret
 * leaves, and reads the answer the same way; `failure` words a refusal for the user.
 */
export function tokenPreAuthentication(
	exchange: TokenExchange,
	failure: (status: number, error: ProviderErrorDetail) => string,
) {
	return async function preAuthentication(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	) {
		const request = exchange.request(credentials);
		const base = exchange.url ? exchange.url(credentials) : String(credentials.baseUrl ?? '');
		const url = `${base.trim().replace(/\/+$/, '')}${request.path}`;
		const problem = insecureUrlProblem(url);
		if (problem)
			throw new Error(
				`Invalid "${exchange.url ? 'Token URL' : 'Base URL'}" in the credential: ${problem}. Nothing was sent.`,
			);
		const form = request.form ? new URLSearchParams(request.form).toString() : undefined;
		// a failure keeps only its message: the request library's error holds the request, the secret included
		let unreachable = '';
		const answer = (await this.helpers
			.httpRequest({
				method: request.method,
				url,
				disableFollowRedirect: true,
				headers: {
					Accept: 'application/json',
					...(form !== undefined && { 'Content-Type': 'application/x-www-form-urlencoded' }),
					...request.headers,
				},
				body: form ?? request.body,
				json: true,
				// read like the node reads it: an error status is an answer, not an exception
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
			})
			.catch((error: unknown) => {
				unreachable = error instanceof Error ? error.message : String(error);
				return undefined;
			})) as { statusCode: number; body: unknown } | undefined;
		if (!answer)
			throw new Error(`No answer from ${new URL(url).host} for the token: ${unreachable}`);
		const result = exchange.read(answer.statusCode, answer.body);
		if ('error' in result) throw new Error(failure(answer.statusCode, result.error));
		return { accessToken: result.token };
	};
}

/**
 * Where n8n keeps the token `tokenPreAuthentication` returned: hidden, never shown, and fetched
 * again when a request with it is refused (`expirable`).
 */
export function exchangedTokenProperty(displayName: string): INodeProperties {
	return {
		displayName,
		name: 'accessToken',
		type: 'hidden',
		typeOptions: { expirable: true, password: true },
		default: '',
	};
}
