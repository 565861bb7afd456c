import type { IHttpRequestHelper, IHttpRequestOptions } from 'n8n-workflow';

import { NinetyNineDigitalApi } from '../../credentials/NinetyNineDigitalApi.credentials';
import { ninetyNineTokenExchange } from '../../nodes/WhatsAppSenders/providers/ninetyNineDigital/tokenExchange';

const credentials = {
	clientId: ' partner-7 ',
	clientSecret: 'not-a-real-secret',
	baseUrl: 'https://partners.99digital.co.il/',
};

/** "Test credential": the credential's pre-authentication, with 99digital answering `answer`. */
function preAuthenticate(answer: { statusCode: number; body: unknown }) {
	const sent: IHttpRequestOptions[] = [];
	const helper = {
		helpers: {
			// as n8n's helper does: an error status throws unless ignored; the body alone unless the full response is asked for
			httpRequest: async (options: IHttpRequestOptions) => {
				sent.push(options);
				if (answer.statusCode >= 400 && options.ignoreHttpStatusErrors !== true)
					throw new Error(`Request failed with status code ${answer.statusCode}`);
				return options.returnFullResponse === true ? answer : answer.body;
			},
		},
	} as unknown as IHttpRequestHelper;
	return { sent, result: new NinetyNineDigitalApi().preAuthentication.call(helper, credentials) };
}

describe("99digital's token request: one description for the node and Test credential", () => {
	it('sends the request the node sends, and keeps the token', async () => {
		const { sent, result } = preAuthenticate({
			statusCode: 200,
			body: { access_token: 'token-1', expiration_time: '1893456000', reason: 1 },
		});
		await expect(result).resolves.toEqual({ accessToken: 'token-1' });
		const { method, path, body } = ninetyNineTokenExchange.request(credentials);
		expect(sent).toMatchObject([
			{ method, url: `https://partners.99digital.co.il${path}`, body, disableFollowRedirect: true },
		]);
		expect(body).toEqual({ client_id: 'partner-7', client_secret: 'not-a-real-secret' });
	});

	it.each([
		[2, '99digital refused the client ID or client secret: client_id/client_secret is incorrect.'],
		[
			3,
			'99digital refused the client ID or client secret: too many attempts with wrong credentials: 99digital has blocked this IP for a while. Correct the client ID and secret, then wait before trying again.',
		],
	])(
		'reads reason %p as the node does: a refusal of the credentials, not to be repeated in a loop',
		async (reason, message) => {
			const body = { status: 'FAIL', reason };
			expect(ninetyNineTokenExchange.read(200, body)).toMatchObject({
				error: { code: `reason ${reason}`, credentialsRejected: true },
			});
			await expect(preAuthenticate({ statusCode: 200, body }).result).rejects.toThrow(message);
		},
	);

	it('reads a FAIL whatever the HTTP status, and calls no other answer without a token a wrong secret', async () => {
		await expect(
			preAuthenticate({ statusCode: 401, body: { status: 'FAIL', reason: 2 } }).result,
		).rejects.toThrow('99digital refused the client ID or client secret');
		await expect(
			preAuthenticate({ statusCode: 502, body: '<html>Bad Gateway</html>' }).result,
		).rejects.toThrow('99digital gave no access token: no access_token in the answer (HTTP 502).');
	});
});
