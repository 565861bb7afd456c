import type { IDataObject } from 'n8n-workflow';

import { accountOperation } from './common';

/**
 * One item with the account's totals. A separate operation rather than a List option:
 * List gives one item per number, and totals repeated on every item would be counted
 * again by anything that sums them.
 */
export const getUsageOperation = accountOperation(
	{
		name: 'Get Account Usage',
		value: 'getUsage',
		action: 'Get account usage',
		description:
			"This month's totals of the account: numbers, conversations, marketing, service and incoming",
	},
	async (http, getUsage) => [(await getUsage(http)) as IDataObject],
);
