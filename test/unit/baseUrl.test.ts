import { InvalidInputError } from '../../nodes/WhatsAppSenders/core/errors';
import { resolveBaseUrl } from '../../nodes/WhatsAppSenders/transport/baseUrl';

const DEFAULT = 'https://messaging.twilio.com';

describe('credential Base URL', () => {
	it('defaults to the real provider when empty', () => {
		expect(resolveBaseUrl('', DEFAULT)).toBe(DEFAULT);
		expect(resolveBaseUrl(undefined, DEFAULT)).toBe(DEFAULT);
	});

	it('accepts https and drops a trailing slash', () => {
		expect(resolveBaseUrl('https://proxy.example.com/twilio/', DEFAULT)).toBe('https://proxy.example.com/twilio');
	});

	it.each(['http://localhost:3000', 'http://127.0.0.1:4010/api', 'http://[::1]:8080'])(
		'accepts http to this machine: %p',
		(url) => {
			expect(resolveBaseUrl(url, DEFAULT)).toBe(url);
		},
	);

	it.each([
		['http://messaging.twilio.com', 'https://'],
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
