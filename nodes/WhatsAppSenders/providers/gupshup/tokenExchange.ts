import { asRecord } from '../../core/json';
import { textOrNull } from '../../core/normalize';
import type { TokenExchange } from '../types';
import { GUPSHUP_PATHS } from './mapper';

/** "Currently, the expiry for the token is 24 hours" (Get Partner Token); the answer carries no expiry of its own. */
export const PARTNER_TOKEN_LIFETIME_MS = 24 * 60 * 60_000;

/**
 * Gupshup's Get Partner Token (partner-docs.gupshup.io/reference/post_partner-account-login):
 * a form-encoded POST of the partner's email and client secret answering `{"token": …,
 * "id": …, "name": …}`. Gupshup's own pages disagree on the secret's field: its API reference
 * names it `secret`, its guide says "pass the client secret in the password parameter" and its
 * legacy page sends `password`; the secret goes in both, so a server that reads either finds
 * it, and one request is enough. The one description the node's transport and the
 * credential's pre-authentication both use.
 */
export const gupshupTokenExchange: TokenExchange = {
	request: (credentials) => ({
		method: 'POST',
		path: GUPSHUP_PATHS.login,
		form: {
			email: String(credentials.email ?? '').trim(),
			secret: String(credentials.clientSecret ?? ''),
			password: String(credentials.clientSecret ?? ''),
		},
	}),
	read(status, body) {
		const answer = asRecord(body);
		if (
			status >= 200 &&
			status < 300 &&
			answer &&
			typeof answer.token === 'string' &&
			answer.token !== ''
		) {
			return { token: answer.token, expiresAt: Date.now() + PARTNER_TOKEN_LIFETIME_MS };
		}
		const message = textOrNull(answer?.message) ?? (typeof body === 'string' ? body : undefined);
		// a wrong email or secret is not asked again in a loop (login allows 10 requests a minute)
		if (status === 400 || status === 401 || status === 403) {
			return { error: { message: message ?? 'login refused', credentialsRejected: true } };
		}
		return { error: { message: message ?? `no token in the login answer (HTTP ${status})` } };
	},
};
