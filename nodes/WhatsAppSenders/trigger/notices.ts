import type { INodeProperties } from 'n8n-workflow';

import { PROVIDERS } from '../providers';

/**
 * For a provider that reports no quality rating or messaging limit the panel says why the
 * Events list offers only status changes and added or removed senders.
 */
export const triggerNotices: INodeProperties[] = [
	...PROVIDERS.filter((provider) => provider.withoutQualityAndLimit).map((provider) => ({
		displayName: `${provider.displayName} reports no quality rating and no messaging limit, so this trigger offers only status changes and added or removed senders.`,
		name: 'noQualityNotice',
		type: 'notice' as const,
		default: '',
		displayOptions: { show: { provider: [provider.id] } },
	})),
	// a provider's documented rate limit that decides how often its senders can be polled
	...PROVIDERS.filter((provider) => provider.pollNotice).map((provider) => ({
		displayName: provider.pollNotice!,
		name: 'pollNotice',
		type: 'notice' as const,
		default: '',
		displayOptions: { show: { provider: [provider.id] } },
	})),
];
