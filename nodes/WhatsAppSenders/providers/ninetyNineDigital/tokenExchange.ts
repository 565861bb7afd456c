import { asRecord } from '../../core/json';
import type { TokenExchange } from '../types';
import { readEnvelopeFailure } from './mapper';

/** The documented lifetime, used when an answer has no readable expiration_time. */
const TOKEN_LIFETIME_MS = 60 * 60_000;

/**
 * 99digital's token request (docs.99digital.co.il/partners-api/settings/access-token), the
 * one description the node's transport and the credential's pre-authentication ("Test
 * credential") both use. Its reasons are its own: 2 is a wrong client id or secret, 3 that
 * too many wrong attempts got the caller's IP blocked for a while. Both refuse the
 * credentials and are never asked again in a loop (reason 3 on every other endpoint means
 * the token is missing or expired: see the mapper).
 */
export const ninetyNineTokenExchange: TokenExchange = {
	request: (credentials) => ({
		method: 'POST',
		path: '/api/settings/accessToken',
		body: {
			client_id: String(credentials.clientId ?? '').trim(),
			client_secret: String(credentials.clientSecret ?? ''),
		},
	}),
	read(status, body) {
		const answer = asRecord(body);
		if (answer && typeof answer.access_token === 'string' && answer.access_token !== '') {
			const seconds = Number(answer.expiration_time);
			return {
				token: answer.access_token,
				expiresAt:
					Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : Date.now() + TOKEN_LIFETIME_MS,
			};
		}
		const reason = String(answer?.reason ?? '');
		if (reason === '2') {
			return {
				error: {
					code: 'reason 2',
					message: 'client_id/client_secret is incorrect',
					credentialsRejected: true,
				},
			};
		}
		if (reason === '3') {
			return {
				error: {
					code: 'reason 3',
					message:
						'too many attempts with wrong credentials: 99digital has blocked this IP for a while',
					hint: 'Correct the client ID and secret, then wait before trying again.',
					credentialsRejected: true,
				},
			};
		}
		return {
			error: readEnvelopeFailure(body) ?? {
				message: `no access_token in the answer (HTTP ${status})`,
			},
		};
	},
};
