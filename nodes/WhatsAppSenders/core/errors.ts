/**
 * Errors raised below the node layer. They carry no n8n types so adapters and pure code
 * stay free of the UI; the node layer turns them into NodeApiError / NodeOperationError.
 */

/** The provider answered with an HTTP error, in its own words. */
export class ProviderApiError extends Error {
	/**
	 * The provider said the request was not processed and asked for no requests for this long
	 * (a Retry-After longer than a request may wait): the trigger holds its polls until then.
	 */
	retryAfterMs?: number;

	constructor(
		message: string,
		readonly provider: string,
		readonly httpStatus: number | null,
		readonly providerCode: string | undefined,
		readonly description: string | undefined,
	) {
		super(message);
		this.name = 'ProviderApiError';
	}
}

/** The provider answered 2xx but the body is not what its API documents (truncated, not JSON, wrong shape). */
export class UnexpectedResponseError extends Error {
	constructor(
		readonly provider: string,
		detail: string,
	) {
		super(`${provider} returned a response this node cannot read: ${detail}`);
		this.name = 'UnexpectedResponseError';
	}
}

/** A parameter failed validation before any request was sent. */
export class InvalidInputError extends Error {
	constructor(
		readonly field: string,
		readonly problem: string,
	) {
		super(`Invalid "${field}": ${problem}`);
		this.name = 'InvalidInputError';
	}
}
