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
