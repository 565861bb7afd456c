import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

const MAX_TIMEOUT_SECONDS = 600;

/** Options → Timeout (Seconds), in the action node and the trigger. */
export const timeoutOption: INodeProperties = {
	displayName: 'Timeout (Seconds)',
	name: 'timeout',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_TIMEOUT_SECONDS },
	default: 30,
	description:
		'How long to wait for each request to the provider before giving up on it. Failed requests that are safe to repeat are retried with backoff.',
};

/** The Timeout option in seconds, as milliseconds; undefined when it is not set. */
export const timeoutMsSchema = z
	.number({ invalid_type_error: 'must be a number of seconds' })
	.positive('must be more than 0 seconds')
	.max(MAX_TIMEOUT_SECONDS, `must be at most ${MAX_TIMEOUT_SECONDS} seconds`)
	.optional()
	.transform((seconds) => (seconds === undefined ? undefined : seconds * 1000));
