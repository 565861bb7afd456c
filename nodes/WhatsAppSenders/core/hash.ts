import { createHash } from 'node:crypto';

/** A short, stable hash of the parts (16 hex characters): the same parts, the same hash, in any process. */
export function hashOf(...parts: string[]): string {
	return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 16);
}
