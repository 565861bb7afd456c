export type JsonRecord = Record<string, unknown>;

/** The value as a plain JSON object, or undefined for arrays, null and scalars. */
export function asRecord(value: unknown): JsonRecord | undefined {
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as JsonRecord)
		: undefined;
}
