import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { ProviderAdapter } from '../providers/adapter';
import type { ProviderHttp } from '../providers/http';
import type { SenderOperation } from '../providers/operations';

export interface CommonParameters {
	timeoutMs?: number;
}

/**
 * One operation of the Sender resource: its UI fields, how it reads and validates them
 * (before any request), and what it does through the provider adapter. Operations never
 * branch on provider names; they ask the adapter.
 */
export interface SenderOperationModule<P extends CommonParameters = CommonParameters> {
	value: SenderOperation;
	option: INodePropertyOptions;
	properties: INodeProperties[];
	readParameters(context: IExecuteFunctions, itemIndex: number, provider: ProviderAdapter): P;
	run(http: ProviderHttp, provider: ProviderAdapter, parameters: P): Promise<IDataObject[]>;
}
