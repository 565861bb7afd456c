import { asRecord } from '../../core/json';
import { textOrNull } from '../../core/normalize';
import type { Credentials, TokenExchange } from '../types';

/** Sinch's token endpoint for every project-scoped API, the default of the credential's Token URL. */
export const SINCH_TOKEN_URL = 'https://auth.sinch.com/oauth2/token';

/** "Access tokens are short lived. Typically, they will only last one hour." Used when expires_in is missing. */
const TOKEN_LIFETIME_MS = 60 * 60_000;

/** The key id and secret as HTTP Basic credentials ("-u KEY_ID:KEY_SECRET" in Sinch's curl example). */
export function sinchClientAuthorization(credentials: Credentials): string {
	const keyId = String(credentials.keyId ?? '').trim();
	const keySecret = String(credentials.keySecret ?? '');
	return `Basic ${Buffer.from(`${keyId}:${keySecret}`).toString('base64')}`;
}

export function sinchTokenUrl(credentials: Credentials): string {
	const configured = String(credentials.tokenUrl ?? '').trim();
	return configured === '' ? SINCH_TOKEN_URL : configured;
}

/** The form body of the OAuth2 client-credentials grant. */
export const SINCH_TOKEN_FORM = { grant_type: 'client_credentials' } as const;

/**
 * Sinch's OAuth2 client-credentials exchange (sinch/skills, sinch-authentication):
 * POST grant_type=client_credentials to the token URL with the access key's id and secret in
 * Basic auth; the answer's `access_token` is the Bearer token, `expires_in` its lifetime in
 * seconds. The node's transport and the credential's "Test credential" both use it.
 * A 401 or 403 refuses the key itself and is not asked again in a loop.
 */
export const sinchTokenExchange: TokenExchange = {
	url: sinchTokenUrl,
	request: (credentials) => ({
		method: 'POST',
		path: '',
		form: { ...SINCH_TOKEN_FORM },
		headers: { Authorization: sinchClientAuthorization(credentials) },
	}),
	read(status, body) {
		const answer = asRecord(body);
		const token = answer?.access_token;
		if (status >= 200 && status < 300 && typeof token === 'string' && token !== '') {
			const seconds = Number(answer?.expires_in);
			return {
				token,
				expiresAt:
					Date.now() +
					(Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : TOKEN_LIFETIME_MS),
			};
		}
		// Sinch documents no error body for its token endpoint: whatever words it sent are shown
		const code = textOrNull(answer?.error) ?? textOrNull(answer?.errorCode) ?? undefined;
		const message =
			textOrNull(answer?.error_description) ??
			textOrNull(answer?.message) ??
			`no access_token in the answer (HTTP ${status})`;
		if (status === 401 || status === 403) {
			return {
				error: {
					code,
					message,
					hint: 'The key ID and key secret are an access key of the project (Sinch dashboard, Settings > Access Keys); the secret is shown only when the key is created.',
					credentialsRejected: true,
				},
			};
		}
		return { error: { code, message } };
	},
};
