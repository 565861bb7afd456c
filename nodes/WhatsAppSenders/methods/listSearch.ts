import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { providerParameterOf } from '../actions/display';
import { toNodeError } from '../nodeError';
import { resolveProvider } from '../providers';
import { createProviderHttp } from '../transport/http';

/** Case, spaces, brackets and dashes aside: "+1 (415) 555-0100" matches "4155550100". */
const squash = (text: string | null | undefined) =>
	(text ?? '').toLowerCase().replace(/[\s()-]/g, '');

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
		const needle = squash(filter);
		const results = senders
			.filter((sender) =>
				[sender.phoneNumber, sender.displayName, sender.id].some((field) =>
					squash(field).includes(needle),
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
