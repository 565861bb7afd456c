import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';

import type { ProviderRequest } from '../providers/types';

export type HttpContext = IExecuteFunctions | IPollFunctions | ILoadOptionsFunctions;

export interface RawResponse {
	statusCode: number;
	headers: Record<string, unknown>;
	body: unknown;
}

/** One request sent: the answer, whatever its status, or the socket error code when none came. */
export type Attempt = { response: RawResponse } | { networkCode: string };

/**
 * Node's codes for a request that got no answer: socket and DNS (ECONNREFUSED, ETIMEDOUT,
 * ECONNRESET of a socket hang up, EAI_AGAIN, …) and TLS certificates. Node's other ERR_*
 * codes (an invalid header character, an invalid argument) and axios' ERR_CANCELED are
 * mistakes or a cancelled run, never an unreachable host.
 */
const NETWORK_CODE =
	/^((?!ERR_)E[A-Z]+(_[A-Z]+)*|ERR_(TLS|SSL)_\w+|CERT_\w+|UNABLE_TO_\w+|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)$/;

/**
 * The network code of a request that got no answer, as n8n's request helpers throw it: an
 * axios error, or the NodeApiError the authenticated helper wraps it in, which keeps only
 * its code (httpCode). EUNKNOWN for an axios failure that came with neither code nor
 * answer; undefined for anything else, an exception of our own code included.
 */
function networkErrorCode(error: unknown): string | undefined {
	const failure = error as
		| { isAxiosError?: unknown; code?: unknown; httpCode?: unknown; response?: unknown }
		| undefined;
	const axios = failure?.isAxiosError === true;
	const code = axios ? failure.code : failure?.httpCode;
	if (typeof code === 'string' && NETWORK_CODE.test(code)) return code;
	return axios && !code && failure.response === undefined ? 'EUNKNOWN' : undefined;
}

function requestOptions(
	baseUrl: string,
	request: ProviderRequest,
	timeoutMs: number | undefined,
): IHttpRequestOptions {
	const form = request.form ? new URLSearchParams(request.form).toString() : undefined;
	const contentType =
		form !== undefined
			? 'application/x-www-form-urlencoded'
			: request.body
				? 'application/json'
				: undefined;
	return {
		method: request.method,
		url: `${baseUrl}${request.path}`,
		qs: request.qs,
		headers: {
			Accept: 'application/json',
			...(contentType && { 'Content-Type': contentType }),
			...request.headers,
		},
		// n8n's helper sends no body at all for an empty object; an API that requires one gets "{}"
		body: form ?? (request.body && Object.keys(request.body).length === 0 ? '{}' : request.body),
		json: false,
		encoding: 'text',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// n8n puts the credentials back on after a redirect, even to another host over http:
		// none of the providers redirects its API, so a redirect is an answer, not a hop
		disableFollowRedirect: true,
		timeout: timeoutMs,
	};
}

/**
 * Sends one request through n8n's request helper: with `credentials` signed by the
 * credential type's own authentication, without them (a token exchange) unsigned. The body
 * comes back as text, for the caller to parse. An exception that is not a network failure
 * (a bug in our code, in n8n's) is thrown as it is, never reported as an unreachable host.
 */
export async function send(
	context: HttpContext,
	baseUrl: string,
	request: ProviderRequest,
	timeoutMs: number | undefined,
	credentials?: { type: string; data: ICredentialDataDecryptedObject },
): Promise<Attempt> {
	const options = requestOptions(baseUrl, request, timeoutMs);
	const sent: Promise<unknown> = credentials
		? context.helpers.httpRequestWithAuthentication.call(context, credentials.type, options, {
				// the credentials read once for this run, so n8n does not load and decrypt them again
				// for every page; a copy, as n8n writes pre-authentication results into it
				credentialsDecrypted: {
					id: '',
					name: credentials.type,
					type: credentials.type,
					data: { ...credentials.data },
				},
			})
		: context.helpers.httpRequest(options);
	return await sent.then(
		(response) => ({ response: response as RawResponse }),
		(error: unknown) => {
			const networkCode = networkErrorCode(error);
			if (networkCode !== undefined) return { networkCode };
			// its message and stack only: n8n's wrapper and an HTTP client error carry the request
			// options, and so the credential's headers
			if (!(error instanceof Error)) throw error;
			throw Object.assign(new Error(error.message), { name: error.name, stack: error.stack });
		},
	);
}
