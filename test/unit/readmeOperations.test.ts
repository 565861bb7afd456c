import { readFileSync } from 'node:fs';
import path from 'node:path';

import { operationsOf, SENDER_OPERATIONS } from '../../nodes/WhatsAppSenders/actions';
import { PROVIDERS } from '../../nodes/WhatsAppSenders/providers';
import { REPO_ROOT } from '../support/n8n';

/** The README's table of operations per provider says what the node offers, no more and no less. */
const README = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
const table = README.slice(README.indexOf('| operation |'))
	.split('\n\n')[0]
	.split('\n')
	.map((line) =>
		line
			.slice(1, -1)
			.split('|')
			.map((cell) => cell.trim()),
	);
const [header, , ...rows] = table;
/** The column of each provider, by the first word of its name ("Meta Cloud API" is Meta WhatsApp Cloud API). */
const columnOf = (displayName: string) =>
	header.findIndex((cell) => cell.split(' ')[0] === displayName.split(' ')[0]);

describe("the README's operations table", () => {
	it('has a column for every provider and a row for every operation', () => {
		expect(
			PROVIDERS.map((provider) => columnOf(provider.displayName)).every((column) => column > 0),
		).toBe(true);
		expect(rows.map(([name]) => name).sort()).toEqual(
			SENDER_OPERATIONS.map((op) => String(op.option.name)).sort(),
		);
	});

	it.each(PROVIDERS.map((provider) => [provider.displayName, provider] as const))(
		'ticks exactly the operations %s offers',
		(_name, provider) => {
			const column = columnOf(provider.displayName);
			const ticked = rows.filter((row) => row[column].startsWith('✓')).map(([name]) => name);
			expect(ticked.sort()).toEqual(
				operationsOf(provider)
					.map((op) => String(op.option.name))
					.sort(),
			);
		},
	);
});
