import { InvalidInputError } from '../core/errors';
import { insecureUrlProblem } from '../core/url';

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
