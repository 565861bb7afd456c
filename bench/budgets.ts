import { findProvider } from '../nodes/WhatsAppSenders/providers';
import { EXPECTED_REQUESTS, LISTING_PROVIDERS } from '../test/support/listingAccounts';
import { formatCount } from './lib';

/**
 * What a trigger polling every minute costs each provider in requests an hour, for 100, 1,000
 * and 10,000 numbers, beside the provider's documented request budget (the adapter's
 * `requestBudget`, sources in docs/providers.md). The counts per listing are the ones
 * `requestsPerListing.test.ts` holds the node to against the simulators (and the requests
 * section of this bench measures at 10, 1,000 and 10,000). Not a target: a provider's budget
 * is the provider's, and where a poll every minute does not fit, the shortest interval that
 * does is printed, as the trigger panel says it.
 */

const NUMBERS = [100, 1_000, 10_000];
const POLLS_PER_HOUR = 60;

export function requestBudgetTable(): string[][] {
	const header = [
		'Provider',
		...NUMBERS.map((count) => `${formatCount(count)} numbers`),
		'Documented budget',
	];
	const lines = LISTING_PROVIDERS.map((id) => {
		const budget = findProvider(id)?.requestBudget;
		const cells = NUMBERS.map((count) => {
			const perHour = EXPECTED_REQUESTS[id].requests(count) * POLLS_PER_HOUR;
			if (budget?.perHour === undefined || perHour <= budget.perHour) {
				return budget?.perHour === undefined
					? `${formatCount(perHour)}/h`
					: `${formatCount(perHour)}/h (${Math.round((100 * perHour) / budget.perHour)} %)`;
			}
			const minutes = Math.ceil(perHour / budget.perHour);
			return `${formatCount(perHour)}/h: poll every ${formatCount(minutes)} min or more`;
		});
		return [id, ...cells, budget ? `${budget.text} (${budget.source})` : 'not documented'];
	});
	return [header, ...lines];
}

export function budgetMarkdown(table: string[][]): string {
	const [header, ...lines] = table;
	return [
		`| ${header.join(' | ')} |`,
		`|${header.map(() => '---').join('|')}|`,
		...lines.map((line) => `| ${line.join(' | ')} |`),
	].join('\n');
}
