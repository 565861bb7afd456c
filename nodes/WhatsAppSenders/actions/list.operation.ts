import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { validateParameters } from '../core/validation';
import { PROVIDERS } from '../providers';
import type { ListSendersOptions } from '../providers/types';
import { readTimeoutMs, splitOptionsCollection } from './common';
import type { OperationField } from './display';
import type { SenderOperationModule } from './types';

const providersWithStatusFilter = PROVIDERS.filter((p) => p.listStatusFilters).map((p) => p.id);

const fields: OperationField[] = [
	{
		property: {
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
	},
	{
		property: {
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
		},
		when: { returnAll: [false] },
	},
	{
		property: {
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'Status',
					name: 'status',
					type: 'options',
					default: 'all',
					options: [
						{ name: 'All', value: 'all', description: 'Online and offline senders' },
						{ name: 'Online Only', value: 'online', description: "The provider's default" },
					],
					description:
						'Which senders the provider returns. Offline senders are hidden by the provider unless All is chosen.',
				},
			],
		},
		providers: providersWithStatusFilter,
	},
	// providers with per-number secrets get their own Options
	...splitOptionsCollection(PROVIDERS, (p) => p.secretOutputFields !== undefined, [
		{
			displayName: 'Include Number API Keys',
			name: 'includeSecrets',
			type: 'boolean',
			default: false,
			description:
				"Whether to keep each number's own API key (a secret for sending messages) in the output. Off, it is left out.",
		},
	]),
];

function statusFilterSchema(values: readonly string[] | undefined) {
	if (!values) return z.undefined();
	return z
		.enum(values as [string, ...string[]], {
			errorMap: () => ({ message: `must be one of: ${values.join(', ')}` }),
		})
		.optional();
}

const schemaByProvider = new Map(
	PROVIDERS.map((provider) => [
		provider.id,
		z.object({
			returnAll: z.boolean({ invalid_type_error: 'must be true or false' }),
			limit: z
				.number({ invalid_type_error: 'must be a number' })
				.int('must be a whole number')
				.min(1, 'must be at least 1')
				.optional(),
			status: statusFilterSchema(provider.listStatusFilters),
		}),
	]),
);

export const listOperation: SenderOperationModule<
	'list',
	{ options: ListSendersOptions; timeoutMs?: number }
> = {
	value: 'list',
	option: {
		name: 'List',
		value: 'list',
		action: 'List senders',
		description: 'List the WhatsApp senders (phone numbers) of the account',
	},
	fields,
	readParameters(context, itemIndex, provider) {
		const returnAll = context.getNodeParameter('returnAll', itemIndex, false);
		const filters = context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const input = validateParameters(
			schemaByProvider.get(provider.id)!,
			{
				returnAll,
				limit: returnAll === true ? undefined : context.getNodeParameter('limit', itemIndex, 50),
				status: provider.listStatusFilters ? filters.status : undefined,
			},
			{ returnAll: 'Return All', limit: 'Limit', status: 'Status' },
		);
		const { includeSecrets } = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
		return {
			options: {
				limit: input.limit,
				statusFilter: input.status,
				includeSecrets: provider.secretOutputFields !== undefined && includeSecrets === true,
				// shown above the output: a listing that succeeded with less than it should have
				// read (n8n before execution hints, 1.x, just logs it)
				onNotice: (message: string) =>
					typeof context.addExecutionHints === 'function'
						? context.addExecutionHints({ message, type: 'warning', location: 'outputPane' })
						: context.logger.warn(message),
			},
			timeoutMs: readTimeoutMs(context, itemIndex),
		};
	},
	async run(http, list, { options }) {
		return (await list(http, options)) as unknown as IDataObject[];
	},
};
