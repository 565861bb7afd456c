import type { IDataObject } from 'n8n-workflow';

import { optionsCollection, readTimeoutMs } from './common';
import type { SenderOperationModule } from './types';

export const listRegisteredOperation: SenderOperationModule = {
	value: 'listRegistered',
	option: {
		name: 'List Registered Numbers',
		value: 'listRegistered',
		action: 'List registered numbers',
		description: 'Numbers registered and verified, waiting (up to 90 days) to be connected, with their expiry and onboarding link',
	},
	properties: [optionsCollection('listRegistered')],
	readParameters(context, itemIndex) {
		return { timeoutMs: readTimeoutMs(context, itemIndex) };
	},
	async run(http, provider) {
		return (await provider.listRegistered!(http)) as unknown as IDataObject[];
	},
};
