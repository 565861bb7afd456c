import { InvalidInputError } from '../../nodes/WhatsAppSenders/core/errors';
import { resolveBaseUrl } from '../../nodes/WhatsAppSenders/transport/baseUrl';
import { assertSecureUrl } from '../../credentials/common/properties';

const DEFAULT = 'https://messaging.twilio.com';

describe('credential Base URL', () => {
	it('defaults to the real provider when empty', () => {
		expect(resolveBaseUrl('', DEFAULT)).toBe(DEFAULT);
		expect(resolveBaseUrl(undefined, DEFAULT)).toBe(DEFAULT);
	});

	it('accepts https and drops a trailing slash', () => {
		expect(resolveBaseUrl('https://proxy.example.com/twilio/', DEFAULT)).toBe(
			'https://proxy.example.com/twilio',
		);
	});

	it.each(['http://localhost:3000', 'http://127.0.0.1:4010/api', 'http://[::1]:8080'])(
		'accepts http to this machine: %p',
		(url) => {
			expect(resolveBaseUrl(url, DEFAULT)).toBe(url);
		},
	);

	it.each([
		['http://messaging.twilio.com', 'https://'],
		// this machine under another name is still another host to the rule
		['http://localhost.:3000', 'https://'],
		// a host name that starts like a loopback address is a remote host
		['http://127.0.0.1.example.com', 'https://'],
		['ftp://example.com', 'https://'],
		['messaging.twilio.com', 'not a URL'],
		['https://user:secret@proxy.example.com', 'user name or password'],
	])('refuses %p before any token is sent', (url, problem) => {
		expect(() => resolveBaseUrl(url, DEFAULT)).toThrow(InvalidInputError);
		expect(() => resolveBaseUrl(url, DEFAULT)).toThrow(problem);
	});

	it('does not repeat a password it refuses', () => {
		expect(() => resolveBaseUrl('https://user:secret@proxy.example.com', DEFAULT)).toThrow(
			expect.objectContaining({ message: expect.not.stringContaining('secret') }),
		);
	});
});

describe("the credentials' own requests", () => {
	it('pass the same rule: the Test credential URL (baseURL + url) over http to another host is refused', () => {
		expect(() =>
			assertSecureUrl({ baseURL: 'http://graph.example.com/', url: '/v26.0/1/phone_numbers' }),
		).toThrow(
			'Invalid "Base URL" in the credential: must start with https:// (http:// is accepted only for localhost), got http://graph.example.com. Nothing was sent.',
		);
		expect(() =>
			assertSecureUrl({ url: 'https://partners.example.com/api/settings/accessToken' }),
		).not.toThrow();
		expect(() => assertSecureUrl({ baseURL: 'http://127.0.0.1:4010', url: '/api' })).not.toThrow();
	});

	it("checks the URL the request really goes to: an absolute url beats baseURL, and the HTTP Request node's uri counts", () => {
		expect(() =>
			assertSecureUrl({
				baseURL: 'https://graph.example.com',
				url: 'http://elsewhere.example.com/x',
			}),
		).toThrow('got http://elsewhere.example.com');
		expect(() => assertSecureUrl({ uri: 'http://elsewhere.example.com/x' } as never)).toThrow(
			'got http://elsewhere.example.com',
		);
		expect(() =>
			assertSecureUrl({ uri: 'https://graph.example.com/v26.0/1' } as never),
		).not.toThrow();
	});
});
