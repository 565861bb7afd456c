import { isHttpsOrLocal } from '../../nodes/WhatsAppSenders/core/url';
import { webUrlSchema } from '../../nodes/WhatsAppSenders/core/whatsappProfile';

/** One local-host rule for Base URLs (transport/baseUrl.ts) and the URLs a provider calls or shows (webhooks, logo, websites). */
describe('https, or plain http only to this machine', () => {
	it.each([
		'https://hooks.example.com/x',
		'http://localhost:3000/x',
		'http://127.0.0.1/x',
		'http://127.0.0.2:8080/x',
		'http://127.1/x',
		'http://[::1]/x',
	])('accepts %p', (url) => {
		expect(isHttpsOrLocal(new URL(url))).toBe(true);
		expect(webUrlSchema.safeParse(url).success).toBe(true);
	});

	it.each([
		'http://hooks.example.com/x',
		'http://127.0.0.1.example.com/x',
		'http://localhost./x',
		'http://10.0.0.1/x',
		'ftp://localhost/x',
	])('refuses %p', (url) => {
		expect(isHttpsOrLocal(new URL(url))).toBe(false);
		expect(webUrlSchema.safeParse(url).error?.issues[0].message).toBe(
			'must start with https:// (http:// only for localhost)',
		);
	});
});
