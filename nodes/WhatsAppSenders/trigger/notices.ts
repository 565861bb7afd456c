import type { INodeProperties } from 'n8n-workflow';

import { PROVIDERS } from '../providers';

/**
 * n8n gives a new node the most recently created credential, of whichever provider, and
 * offers every event for it. For a provider that reports no quality rating or messaging
 * limit the panel says so, instead of a trigger that waits for an event that never comes.
 */
export const triggerNotices: INodeProperties[] = [
	...PROVIDERS.filter((provider) => provider.withoutQualityAndLimit).map((provider) => ({
		displayName: `${provider.displayName} reports no quality rating and no messaging limit: Quality Changed and Messaging Limit Changed never start this trigger. Status changes and added or removed senders do.`,
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
