/**
 * Secret canaries: every secret a test hands to the package (credential passwords, tokens a
 * simulator issues, the per-number API keys 99digital returns) is registered here, and every
 * output the tests see (node items, error messages, descriptions and context, n8n's logs and
 * execution output) is searched for all of them. A secret found anywhere fails the test.
 */

export type CanaryKind = 'credential' | 'token' | 'numberKey';

const canaries = new Map<string, CanaryKind>();

/** How many outputs were searched, for how many secrets at most, and how many secrets were found in them: for the report. */
export const canaryStats = {
	outputsSearched: 0,
	bytesSearched: 0,
	mostSecretsKnown: 0,
	secretsFound: 0,
};

/** Values shorter than this are not secrets worth searching for (and would match by chance). */
const MIN_LENGTH = 8;

export function registerCanary(secret: unknown, kind: CanaryKind): void {
	if (typeof secret === 'string' && secret.length >= MIN_LENGTH && canaries.get(secret) !== kind) {
		canaries.set(secret, kind);
		matchers.clear();
	}
}

/** One regular expression of all the secrets (V8 searches thousands of alternatives in one pass). */
const matchers = new Map<boolean, RegExp | null>();

function matcher(numberKeysAllowed: boolean): RegExp | null {
	let found = matchers.get(numberKeysAllowed);
	if (found === undefined) {
		const secrets = [...canaries]
			.filter(([, kind]) => !(numberKeysAllowed && kind === 'numberKey'))
			.map(([secret]) => secret);
		found =
			secrets.length === 0
				? null
				: new RegExp(
						secrets.map((secret) => secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
						'g',
					);
		matchers.set(numberKeysAllowed, found);
	}
	return found;
}

/** Credential fields that hold secrets, by name, whatever the credential type. */
const SECRET_FIELDS = new Set([
	'authToken',
	'apiKeySecret',
	'accessToken',
	'apiKey',
	'clientSecret',
	'keySecret',
	'password',
]);

export function registerCredentialCanaries(
	credentials: Record<string, Record<string, unknown>>,
): void {
	for (const data of Object.values(credentials)) {
		for (const [field, value] of Object.entries(data))
			if (SECRET_FIELDS.has(field)) registerCanary(value, 'credential');
		// an id and secret sent as HTTP Basic (Sinch's access key at its token URL): the header value is a secret too
		if (typeof data.keyId === 'string' && typeof data.keySecret === 'string') {
			registerCanary(
				Buffer.from(`${data.keyId.trim()}:${data.keySecret}`).toString('base64'),
				'credential',
			);
		}
	}
}

/** The registered secrets found in `text`; per-number keys are allowed when the user asked for them. */
export function canariesIn(text: string, options: { numberKeysAllowed?: boolean } = {}): string[] {
	canaryStats.outputsSearched += 1;
	canaryStats.bytesSearched += text.length;
	canaryStats.mostSecretsKnown = Math.max(canaryStats.mostSecretsKnown, canaries.size);
	const pattern = matcher(options.numberKeysAllowed === true);
	if (!pattern) return [];
	const found = new Set<string>();
	for (const [secret] of text.matchAll(pattern))
		found.add(`${canaries.get(secret)} secret ${secret.slice(0, 3)}…`);
	canaryStats.secretsFound += found.size;
	return [...found];
}

/** JSON of anything, cycles cut, errors with their message and stack. */
export function safeJson(value: unknown): string {
	const seen = new WeakSet<object>();
	return (
		JSON.stringify(value, (_key, inner: unknown) => {
			if (typeof inner === 'object' && inner !== null) {
				if (seen.has(inner)) return '[cycle]';
				seen.add(inner);
				if (inner instanceof Error)
					return { ...inner, errorMessage: inner.message, errorStack: inner.stack };
			}
			return inner;
		}) ?? ''
	);
}

/** Throws, naming where, if any registered secret appears in `value` (serialized). */
export function assertNoCanaries(
	where: string,
	value: unknown,
	options: { numberKeysAllowed?: boolean } = {},
): void {
	const found = canariesIn(typeof value === 'string' ? value : safeJson(value), options);
	if (found.length > 0) throw new Error(`${where} contains ${found.join(', ')}`);
}
