import type { IHttpRequestHelper } from 'n8n-workflow';

import { GupshupPartnerApi } from '../../credentials/GupshupPartnerApi.credentials';
import { NinetyNineDigitalApi } from '../../credentials/NinetyNineDigitalApi.credentials';
import { SinchProvisioningApi } from '../../credentials/SinchProvisioningApi.credentials';

/**
 * "Test credential" (and any node using the credential) when the token request gets no answer:
 * n8n's request helper throws an error that still holds the request it sent, secret included.
 * What reaches the user is the host and the reason, nothing of the request.
 */
const SECRET = 'token-exchange-secret-4711';

const cases = [
	[
		'99digital',
		new NinetyNineDigitalApi(),
		{ clientId: 'partner-7', clientSecret: SECRET, baseUrl: 'https://partners.99digital.co.il' },
		'partners.99digital.co.il',
	],
	[
		'Gupshup',
		new GupshupPartnerApi(),
		{ email: 'partner@acme.example', clientSecret: SECRET, baseUrl: 'https://partner.gupshup.io' },
		'partner.gupshup.io',
	],
	[
		'Sinch',
		new SinchProvisioningApi(),
		{
			projectId: 'p-1',
			keyId: 'key-1',
			keySecret: SECRET,
			baseUrl: 'https://provisioning.api.sinch.com',
			tokenUrl: 'https://auth.sinch.com/oauth2/token',
		},
		'auth.sinch.com',
	],
] as const;

describe.each(cases)(
	'%s credential: a token request that gets no answer',
	(_name, credential, credentials, host) => {
		it('says which host did not answer and why, and carries nothing of the request', async () => {
			const helper = {
				helpers: {
					httpRequest: async (options: Record<string, unknown>) => {
						// what axios' errors carry: the whole request, its body and headers
						throw Object.assign(new Error('getaddrinfo EAI_AGAIN'), {
							code: 'EAI_AGAIN',
							config: options,
							request: { options },
						});
					},
				},
			} as unknown as IHttpRequestHelper;
			const failure = await credential.preAuthentication!.call(helper, credentials).then(
				() => undefined,
				(error: unknown) => error,
			);
			expect(failure).toBeInstanceOf(Error);
			expect((failure as Error).message).toBe(
				`No answer from ${host} for the token: getaddrinfo EAI_AGAIN`,
			);
			expect(Object.keys(failure as object)).toEqual([]);
			const everything = JSON.stringify({
				...(failure as object),
				message: (failure as Error).message,
				stack: (failure as Error).stack,
				cause: (failure as Error).cause,
			});
			expect(everything).not.toContain(SECRET);
			expect(everything).not.toContain(Buffer.from(`key-1:${SECRET}`).toString('base64'));
		});
	},
);
