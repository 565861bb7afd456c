import { InvalidInputError } from '../core/errors';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The credential's Base URL, checked before a token is sent to it: https anywhere, http only
 * to this machine, no user or password inside the URL. Returned without a trailing slash.
 */
export function resolveBaseUrl(configured: unknown, fallback: string): string {
	const text = typeof configured === 'string' && configured.trim() !== '' ? configured.trim() : fallback;
	if (!URL.canParse(text)) {
		throw new InvalidInputError('Base URL', `"${text}" is not a URL; use e.g. ${fallback}`);
	}
	const url = new URL(text);
	if (url.username || url.password) {
		throw new InvalidInputError('Base URL', 'must not contain a user name or password');
	}
	const local = LOCAL_HOSTS.has(url.hostname) || url.hostname.startsWith('127.');
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
		throw new InvalidInputError(
			'Base URL',
			`must start with https:// (http:// is accepted only for localhost), got ${url.protocol}//${url.host}`,
		);
	}
	return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}
