import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { InvalidInputError, ProviderApiError, UnexpectedResponseError } from './core/errors';

/**
 * Turns any failure of one item into the n8n error the user sees, naming the item.
 * Only messages this package wrote are passed on: never a raw HTTP client error, whose
 * request options would carry the credential's headers.
 */
export function toNodeError(
	node: INode,
	error: unknown,
	itemIndex?: number,
): NodeApiError | NodeOperationError {
	if (error instanceof InvalidInputError) {
		const where = itemIndex === undefined ? '' : ` in item ${itemIndex}`;
		return new NodeOperationError(node, `Invalid "${error.field}"${where}: ${error.problem}`, {
			itemIndex,
			description:
				'Nothing was sent to the provider. Correct the parameter and run the node again.',
		});
	}
	if (error instanceof ProviderApiError) {
		// key names NodeApiError does not reinterpret: given `code: 'ECONNREFUSED'` it would
		// replace the message with a generic one
		const response: JsonObject = {
			message: error.message,
			provider: error.provider,
			httpStatus: error.httpStatus,
			providerCode: error.providerCode ?? null,
		};
		return new NodeApiError(node, response, {
			message: error.message,
			description: error.description,
			httpCode: error.httpStatus === null ? undefined : String(error.httpStatus),
			itemIndex,
		});
	}
	if (error instanceof UnexpectedResponseError) {
		return new NodeOperationError(node, error.message, { itemIndex });
	}
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (itemIndex !== undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(node, message, { itemIndex });
}
