import type { IDataObject } from 'n8n-workflow';

import { optionsCollection, readTimeoutMs } from './common';
import type { SenderOperationModule } from './types';

/**
 * One item with the account's totals. A separate operation rather than a List option:
 * List gives one item per number, and totals repeated on every item would be counted
 * again by anything that sums them.
 */
export const getUsageOperation: SenderOperationModule = {
	value: 'getUsage',
	option: {
		name: 'Get Account Usage',
		value: 'getUsage',
		action: 'Get account usage',
		description: "This month's totals of the account: numbers, conversations, marketing, service and incoming",
	},
	properties: [optionsCollection('getUsage')],
	readParameters(context, itemIndex) {
		return { timeoutMs: readTimeoutMs(context, itemIndex) };
	},
	async run(http, provider) {
		return [(await provider.getUsage!(http)) as IDataObject];
	},
};
