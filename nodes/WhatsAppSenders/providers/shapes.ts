/**
 * How adapters read a provider's answer: the shape it must have (anything else is an
 * UnexpectedResponseError naming the provider and what was wrong), the hint its error body
 * adds up to, and the secrets left out of what is output.
 */
import { UnexpectedResponseError } from '../core/errors';
import { asRecord, type JsonRecord } from '../core/json';

/** The value as an object, or the error "<what> is not an object". */
export function objectOf(value: unknown, provider: string, what: string): JsonRecord {
	const record = asRecord(value);
	if (!record) throw new UnexpectedResponseError(provider, `${what} is not an object`);
	return record;
}

/** The array under `key` of the value, or the error `<what> has no "<key>" array`. */
export function arrayIn(value: unknown, key: string, provider: string, what: string): unknown[] {
	const array = asRecord(value)?.[key];
	if (!Array.isArray(array))
		throw new UnexpectedResponseError(provider, `${what} has no "${key}" array`);
	return array;
}

/** The object under `key` of the value, or the error `<what> has no "<key>" object`. */
export function objectIn(value: unknown, key: string, provider: string, what: string): JsonRecord {
	const record = asRecord(asRecord(value)?.[key]);
	if (!record) throw new UnexpectedResponseError(provider, `${what} has no "${key}" object`);
	return record;
}

/** What a provider's error codes mean for the user, and how the transport treats them. */
export type ErrorCodeMeanings = Record<
	string,
	{ hint: string; notProcessed?: boolean; credentials?: boolean }
>;

/** The parts of an error's hint that are there, one sentence after the other; none: no hint. */
export function joinHint(parts: ReadonlyArray<string | null | undefined>): string | undefined {
	return parts.filter(Boolean).join(' ') || undefined;
}

/** The record without the provider's secret fields, unless the user asked for them. */
export function withoutSecrets(
	raw: JsonRecord,
	secretFields: readonly string[],
	includeSecrets: boolean,
): JsonRecord {
	if (includeSecrets) return raw;
	const copy = { ...raw };
	for (const field of secretFields) delete copy[field];
	return copy;
}
