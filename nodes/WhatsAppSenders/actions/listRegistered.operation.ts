import type { IDataObject } from 'n8n-workflow';

import { accountOperation } from './common';

export const listRegisteredOperation = accountOperation(
	{
		name: 'List Registered Numbers',
		value: 'listRegistered',
		action: 'List registered numbers',
		description:
			'Numbers registered and verified, waiting (up to 90 days) to be connected, with their expiry and onboarding link',
	},
	async (http, listRegistered) => (await listRegistered(http)) as unknown as IDataObject[],
);
