import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { resolveProvider } from '../providers';
import { createProviderHttp } from '../transport/http';
import { toNodeError } from '../nodeError';
import { providerParameterOf } from '../actions/display';

/** "From list" of the Sender locator: every sender of the account, searchable by number, name or ID. */
export async function searchSenders(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	try {
		const provider = resolveProvider(
			this.getCurrentNodeParameter(providerParameterOf(this.getNode().typeVersion)),
		);
		const http = await createProviderHttp(this, provider);
		const senders = await provider.handlers.list(http, {
			statusFilter: provider.listStatusFilters?.includes('all') ? 'all' : undefined,
		});
		const needle = (filter ?? '').toLowerCase().replace(/[\s()-]/g, '');
		const results = senders
			.filter((sender) =>
				[sender.phoneNumber, sender.displayName, sender.id].some((field) =>
					(field ?? '')
						.toLowerCase()
						.replace(/[\s()-]/g, '')
						.includes(needle),
				),
			)
			.map((sender) => ({
				name: [sender.phoneNumber ?? sender.id, sender.displayName, sender.status]
					.filter(Boolean)
					.join(' · '),
				value: sender.id,
			}));
		return { results };
	} catch (error) {
		throw toNodeError(this.getNode(), error);
	}
}
