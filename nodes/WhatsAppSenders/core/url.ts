const LOCAL_HOSTS = new Set(['localhost', '[::1]']);

/**
 * The one rule for a URL the package sends to or hands on: https anywhere, plain http only to
 * this machine (localhost, [::1] or a loopback 127.x.x.x). The URL parser writes 127.1 or
 * 2130706433 as 127.0.0.1; a name such as 127.0.0.1.example.com is a remote host.
 */
export function isHttpsOrLocal(url: URL): boolean {
	const local = LOCAL_HOSTS.has(url.hostname) || /^127(\.[0-9]{1,3}){3}$/.test(url.hostname);
	return url.protocol === 'https:' || (url.protocol === 'http:' && local);
}

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
