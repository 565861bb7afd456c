import { InvalidInputError } from '../core/errors';
import { isHttpsOrLocal } from '../core/url';

/**
 * What is wrong with a URL a token would be sent to, or undefined: https anywhere, http only
 * to this machine, no user or password inside the URL. The one rule for every request of the
 * package: the node's (resolveBaseUrl) and the credentials' own (Test credential, 99digital's
 * token request).
 */
export function insecureUrlProblem(text: string): string | undefined {
	if (!URL.canParse(text)) return `"${text.slice(0, 80)}" is not a URL`;
	const url = new URL(text);
	if (url.username || url.password) return 'must not contain a user name or password';
	if (!isHttpsOrLocal(url)) {
		return `must start with https:// (http:// is accepted only for localhost), got ${url.protocol}//${url.host}`;
	}
	return undefined;
}

/**
 * The credential's Base URL, checked before a token is sent to it. Returned without a
 * trailing slash.
 */
export function resolveBaseUrl(configured: unknown, fallback: string): string {
	const text =
		typeof configured === 'string' && configured.trim() !== '' ? configured.trim() : fallback;
	const problem = insecureUrlProblem(text);
	if (problem)
		throw new InvalidInputError(
			'Base URL',
			problem.startsWith('"') ? `${problem}; use e.g. ${fallback}` : problem,
		);
	const url = new URL(text);
	return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}
