import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { InvalidInputError } from '../core/errors';
import { assertCredentialOfProvider } from '../credentialCheck';
import { toNodeError } from '../nodeError';
import { resolveProvider } from '../providers';
import type { ProviderHttp } from '../providers/types';
import { createProviderHttp } from '../transport/http';
import { providerParameterOf } from './display';
import { findOperation, operationsOf } from './index';
import { leanToolOutput, withoutRaw } from './toolOutput';

/**
 * Runs the chosen operation once per input item. Parameters are validated before any
 * request; with Continue On Fail an item that fails becomes an error item paired to it
 * (on the error output when the node has one).
 */
export async function routeSenderOperation(
	this: IExecuteFunctions,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	const httpByKey = new Map<string, ProviderHttp>();
	const providerParameter = providerParameterOf(this.getNode().typeVersion);

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const provider = resolveProvider(this.getNodeParameter(providerParameter, itemIndex));
			const operationValue = this.getNodeParameter('operation', itemIndex);
			const operation = findOperation(operationValue);
			const handler = operation && provider.handlers[operation.value];
			if (!operation || !handler) {
				const supported = operationsOf(provider).map((op) => op.value);
				throw new InvalidInputError(
					'Operation',
					`${provider.displayName} does not support "${String(operationValue)}"; it supports: ${supported.join(', ')}`,
				);
			}
			assertCredentialOfProvider(this.getNode(), provider, itemIndex);
			const parameters = operation.readParameters(this, itemIndex, provider);
			const key = `${provider.id}:${parameters.timeoutMs ?? ''}`;
			let http = httpByKey.get(key);
			if (!http) {
				http = await createProviderHttp(this, provider, { timeoutMs: parameters.timeoutMs });
				httpByKey.set(key, http);
			}
			const results = await operation.run(http, handler, parameters);
			const lean = leanToolOutput(this, itemIndex);
			for (const json of results)
				output.push({ json: lean ? withoutRaw(json) : json, pairedItem: { item: itemIndex } });
		} catch (error) {
			const nodeError = toNodeError(this.getNode(), error, itemIndex);
			if (!this.continueOnFail()) throw nodeError;
			const json: IDataObject = { error: nodeError.message };
			if (nodeError.description) json.description = nodeError.description;
			// the item's `error` is what routes it to the error output ("Continue (using error
			// output)"); n8n then keeps only the message in its JSON, so it is set only there
			const toErrorOutput = this.getNode().onError === 'continueErrorOutput';
			output.push({
				json,
				pairedItem: { item: itemIndex },
				...(toErrorOutput ? { error: nodeError } : {}),
			});
		}
	}
	return [output];
}
