import { runSendersNode } from '../test/harness/n8nHarness';
import {
	LISTING_PROVIDERS,
	listAllParameters,
	startListingAccount,
} from '../test/support/listingAccounts';
import { type BenchRow, formatCount, terminalTable } from './lib';

/**
 * What an AI Agent reads when it calls List on 100 senders: the node's items as n8n hands them
 * to the model (JSON.stringify of the items' json, as n8n-core's makeHandleToolInvocation
 * does), as a normal node outputs them (with `raw`) and as "WhatsApp Senders Tool" does by
 * default (without). Tokens are counted with OpenAI's o200k_base (gpt-4o, gpt-4o-mini) through
 * js-tiktoken, the tokenizer LangChain uses, where it is installed; otherwise, and always
 * beside it, estimated as characters / 4. `tsx bench/aiToolOutput.ts` prints the table;
 * `npm run bench -- aiTool` runs it as a section of the benchmark.
 */

const SENDERS = 100;
/** The lean output must cost at most this share of the full one (Twilio, whose raw JSON is the largest). */
const TARGET_SHARE = 0.5;

type Counter = { name: string; count: (text: string) => number };

function tokenCounter(): Counter {
	try {
		// js-tiktoken comes with LangChain (a dependency of n8n's node CLI), not with this package
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { Tiktoken } = require('js-tiktoken/lite') as typeof import('js-tiktoken/lite');
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const ranks = require('js-tiktoken/ranks/o200k_base') as ConstructorParameters<
			typeof Tiktoken
		>[0] & { default?: ConstructorParameters<typeof Tiktoken>[0] };
		const encoder = new Tiktoken(ranks.default ?? ranks);
		return { name: 'o200k_base tokens', count: (text) => encoder.encode(text).length };
	} catch {
		return { name: 'tokens (chars / 4)', count: (text) => Math.ceil(text.length / 4) };
	}
}

export async function benchAiTool(): Promise<BenchRow[]> {
	const counter = tokenCounter();
	const rows: BenchRow[] = [];
	for (const provider of LISTING_PROVIDERS) {
		const account = await startListingAccount(provider, SENDERS);
		try {
			const parameters = listAllParameters(provider);
			const [node, tool] = await Promise.all([
				runSendersNode({ parameters, credentials: account.credentials }),
				runSendersNode({ parameters, credentials: account.credentials, asTool: true }),
			]);
			const error = node.error ?? tool.error;
			if (error) throw error;
			const [full, lean] = [node, tool].map((run) =>
				JSON.stringify(run.items.map((item) => item.json)),
			);
			const [fullTokens, leanTokens] = [full, lean].map(counter.count);
			const [fullEstimate, leanEstimate] = [full, lean].map((text) => Math.ceil(text.length / 4));
			const share = leanTokens / fullTokens;
			rows.push({
				figure: `Tokens an AI Agent reads for List, ${provider}, N = ${SENDERS}`,
				measured:
					`${formatCount(leanTokens)} ${counter.name} as a tool (with raw, as a normal node: ${formatCount(fullTokens)}; ` +
					`${Math.round((1 - share) * 100)} % saved, ${(fullTokens / leanTokens).toFixed(1)}× fewer; chars/4: ${formatCount(leanEstimate)} vs ${formatCount(fullEstimate)})`,
				target:
					provider === 'twilio'
						? `≤ ${TARGET_SHARE * 100} % of the full output`
						: 'fewer than the full output',
				met: provider === 'twilio' ? share <= TARGET_SHARE : leanTokens < fullTokens,
			});
		} finally {
			await account.stop();
		}
	}
	return rows;
}

if (require.main === module) {
	void benchAiTool().then(
		(rows) => {
			process.stdout.write(`${terminalTable(rows)}\n`);
			process.exit(rows.every((row) => row.met) ? 0 : 1);
		},
		(error: unknown) => {
			process.stderr.write(`${String(error)}\n`);
			process.exit(1);
		},
	);
}
