import type { IDataObject, IExecuteFunctions, INodePropertyOptions } from 'n8n-workflow';

import type {
	ProviderAdapter,
	ProviderHttp,
	SenderHandlers,
	SenderOperation,
} from '../providers/types';
import type { OperationField } from './display';

export interface CommonParameters {
	timeoutMs?: number;
}

/**
 * One operation of the Sender resource: its UI fields, how it reads and validates them
 * (before any request), and what it does with the provider's handler for it. Operations never
 * branch on provider names; they ask the adapter.
 */
export interface SenderOperationModule<
	O extends SenderOperation = SenderOperation,
	P extends CommonParameters = CommonParameters,
> {
	value: O;
	option: INodePropertyOptions;
	/** Its fields, in the order the panel shows them; display.ts places them in each node version. */
	fields: OperationField[];
	readParameters(context: IExecuteFunctions, itemIndex: number, provider: ProviderAdapter): P;
	/** Runs only for a provider that implements the operation: `handler` is its own. */
	run(http: ProviderHttp, handler: SenderHandlers[O], parameters: P): Promise<IDataObject[]>;
}
