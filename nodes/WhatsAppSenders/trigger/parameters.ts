import type {
	IDataObject,
	INodeProperties,
	INodePropertyOptions,
	IPollFunctions,
} from 'n8n-workflow';
import { z } from 'zod';

import { SENDER_EVENTS } from '../core/diff';
import { type EventFilters, parseSenderList, TRIGGER_EVENTS } from '../core/eventFilter';
import { DEFAULT_MASS_REMOVAL_PERCENT } from '../core/massRemoval';
import { QUALITY_RATINGS, SENDER_STATUSES } from '../core/sender';
import { labelsOf, validateParameters } from '../core/validation';
import { PROVIDERS } from '../providers';
import { timeoutMsSchema, timeoutOption } from '../timeout';

/** The model's own values as choices, in alphabetical order; UNKNOWN is never something to wait for. */
function sortedOptionsWithoutUnknown(values: readonly string[]): INodePropertyOptions[] {
	return values
		.filter((value) => value !== 'UNKNOWN')
		.sort()
		.map((value) => ({ name: value, value }));
}

const EVENT_OPTIONS: INodePropertyOptions[] = [
	{
		name: 'Messaging Limit Changed',
		value: 'messagingLimitChanged',
		description:
			'The daily limit of business-initiated conversations went up or down. Senders that changed together make one item.',
	},
	{
		name: 'Quality Changed',
		value: 'qualityChanged',
		description: 'The quality rating moved between GREEN, YELLOW and RED',
	},
	{
		name: 'Sender Added',
		value: 'senderAdded',
		description: 'A new number appeared in the account',
	},
	{ name: 'Sender Removed', value: 'senderRemoved', description: 'A number is no longer listed' },
	{
		name: 'Status Changed',
		value: 'statusChanged',
		description: 'E.g. PENDING → ONLINE, ONLINE → LIMITED or OFFLINE.',
	},
	{
		name: 'Polling Resumed',
		value: 'pollingResumed',
		description:
			'The trigger reads the provider again after polls that failed (told once, as one failed execution for the Error Workflow). Not chosen by default.',
	},
];

/** The events a provider that reports no quality rating and no messaging limit can produce. */
export const STATUS_ONLY_EVENTS: readonly string[] = [
	'senderAdded',
	'senderRemoved',
	'statusChanged',
	'pollingResumed',
];

const withoutQualityAndLimit = PROVIDERS.filter((provider) => provider.withoutQualityAndLimit).map(
	(provider) => provider.id,
);

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		default: [...SENDER_EVENTS],
		options: EVENT_OPTIONS,
		description:
			'Which changes start the workflow. Each change is one item; a limit change several senders share is one item for the account.',
		displayOptions: { hide: { provider: withoutQualityAndLimit } },
	},
	// a provider without quality and limits is offered only the events it can produce
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		default: ['senderAdded', 'senderRemoved', 'statusChanged'],
		options: EVENT_OPTIONS.filter((option) => STATUS_ONLY_EVENTS.includes(String(option.value))),
		description: 'Which changes start the workflow. Each change is one item.',
		displayOptions: { show: { provider: withoutQualityAndLimit } },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Only Senders',
				name: 'senders',
				type: 'string',
				default: '',
				placeholder: '+14155550100, XE0123456789abcdef0123456789abcdef',
				description:
					'Phone numbers (E.164) or sender IDs, separated by commas. Empty watches every sender.',
			},
			{
				displayName: 'Only When Quality Becomes',
				name: 'qualityBecomes',
				type: 'multiOptions',
				default: [],
				options: sortedOptionsWithoutUnknown(QUALITY_RATINGS),
				description: 'Quality changes to other ratings are ignored. Other events are not affected.',
			},
			{
				displayName: 'Only When Status Becomes',
				name: 'statusBecomes',
				type: 'multiOptions',
				default: [],
				options: sortedOptionsWithoutUnknown(SENDER_STATUSES),
				description: 'Status changes to other statuses are ignored. Other events are not affected.',
			},
			{
				displayName: 'Quality Direction',
				name: 'qualityDirection',
				type: 'options',
				default: 'any',
				options: [
					{ name: 'Any', value: 'any' },
					{ name: 'Downgrade Only', value: 'downgrade', description: 'GREEN → YELLOW → RED' },
					{ name: 'Upgrade Only', value: 'upgrade', description: 'RED → YELLOW → GREEN' },
				],
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Emit Current State on First Poll',
				name: 'emitOnFirstPoll',
				type: 'boolean',
				default: false,
				description:
					'Whether the first poll after activation outputs every watched sender as it is now (event "currentState"). Off: the first poll only records a baseline.',
			},
			{
				displayName: 'Group Messaging Limit Changes',
				name: 'groupLimitChanges',
				type: 'boolean',
				default: true,
				description:
					"Whether a limit change that several senders make in the same poll is one item for the account (with senders, senderCount, previous and current) instead of one item per sender. Meta's limit belongs to the business portfolio, so all its numbers change at once.",
			},
			{
				displayName: 'Group Status Changes',
				name: 'groupStatusChanges',
				type: 'boolean',
				default: false,
				description:
					'Whether status changes that several senders make in the same poll for the same cause (e.g. every number of a banned WhatsApp Business Account) are one item for the account (with senders, senderCount, previous and current, its offlineReasons included) instead of one item per sender',
			},
			{
				displayName: 'Hold Mass Removals Above (%)',
				name: 'massRemovalPercent',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 100 },
				default: DEFAULT_MASS_REMOVAL_PERCENT,
				description:
					'A listing that suddenly lacks all known senders, or more than this share of them, is treated as a provider glitch: its removals are reported only if the next poll confirms them. Additions and other changes are reported at once.',
			},
			{ ...timeoutOption, description: 'How long to wait for each request to the provider' },
		],
	},
];

export interface TriggerParameters {
	filters: EventFilters;
	emitOnFirstPoll: boolean;
	groupLimitChanges: boolean;
	groupStatusChanges: boolean;
	massRemovalPercent: number;
	timeoutMs?: number;
}

const schema = z.object({
	events: z
		.array(z.enum(TRIGGER_EVENTS), { invalid_type_error: 'must be a list of events' })
		.min(1, 'choose at least one event'),
	senders: z.string({ invalid_type_error: 'must be text: numbers or IDs separated by commas' }),
	qualityBecomes: z.array(z.enum(QUALITY_RATINGS)),
	statusBecomes: z.array(z.enum(SENDER_STATUSES)),
	qualityDirection: z.enum(['any', 'downgrade', 'upgrade']),
	emitOnFirstPoll: z.boolean({ invalid_type_error: 'must be true or false' }),
	groupLimitChanges: z.boolean({ invalid_type_error: 'must be true or false' }),
	groupStatusChanges: z.boolean({ invalid_type_error: 'must be true or false' }),
	massRemovalPercent: z
		.number({ invalid_type_error: 'must be a percentage from 1 to 100' })
		.min(1, 'must be at least 1 (%)')
		.max(100, 'must be at most 100 (%)'),
	timeout: timeoutMsSchema,
});

const LABELS = labelsOf(triggerProperties);

export function readTriggerParameters(context: IPollFunctions): TriggerParameters {
	const filters = context.getNodeParameter('filters', {}) as IDataObject;
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const input = validateParameters(
		schema,
		{
			events: context.getNodeParameter('events', []),
			senders: filters.senders ?? '',
			qualityBecomes: filters.qualityBecomes ?? [],
			statusBecomes: filters.statusBecomes ?? [],
			qualityDirection: filters.qualityDirection ?? 'any',
			emitOnFirstPoll: options.emitOnFirstPoll ?? false,
			groupLimitChanges: options.groupLimitChanges ?? true,
			groupStatusChanges: options.groupStatusChanges ?? false,
			massRemovalPercent: options.massRemovalPercent ?? DEFAULT_MASS_REMOVAL_PERCENT,
			timeout: options.timeout,
		},
		LABELS,
	);
	return {
		filters: {
			events: input.events,
			senders: parseSenderList(input.senders),
			qualityBecomes: input.qualityBecomes,
			statusBecomes: input.statusBecomes,
			qualityDirection: input.qualityDirection,
		},
		emitOnFirstPoll: input.emitOnFirstPoll,
		groupLimitChanges: input.groupLimitChanges,
		groupStatusChanges: input.groupStatusChanges,
		massRemovalPercent: input.massRemovalPercent,
		timeoutMs: input.timeout,
	};
}
