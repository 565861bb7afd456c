import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/**
 * What an AI Agent gets from this node as its tool. Every sender carries `raw`, the
 * provider's own JSON (about 1 KB a Twilio sender), which a model reads as tokens on every
 * call and rarely needs: the normalized fields answer "which numbers are RED?". As a tool,
 * the output leaves `raw` out unless "Include Raw Provider Data" is on; as a normal node the
 * output stays as it always was.
 */

export const INCLUDE_RAW_PARAMETER = 'includeRawData';

/** Shown only on "WhatsApp Senders Tool": n8n evaluates `@tool` as "the node type's name ends in Tool". */
export const toolOutputProperty: INodeProperties = {
	displayName: 'Include Raw Provider Data',
	name: INCLUDE_RAW_PARAMETER,
	type: 'boolean',
	default: false,
	displayOptions: { show: { '@tool': [true] } },
	description:
		"Whether the agent also gets each result's raw provider JSON (about 1 KB a sender). Off, it gets the normalized fields only, which saves most of the tokens.",
};

/**
 * Whether n8n runs this node as an AI Agent's tool. n8n registers a `usableAsTool` node a
 * second time as `<type>Tool` ("WhatsApp Senders Tool"), and that is the node an agent calls,
 * whichever way n8n runs it: the agent's engine request (n8n 2.x Agent v3: the tool node runs
 * as a node of the workflow) or a LangChain tool (`createNodeAsTool`, a supply-data context
 * whose `isToolExecution()` is true). The second check covers a context that says so
 * itself; n8n versions without `isToolExecution` have only the first.
 */
export function runsAsAiTool(context: IExecuteFunctions): boolean {
	if (context.getNode().type.endsWith('Tool')) return true;
	return typeof context.isToolExecution === 'function' && context.isToolExecution();
}

/** Whether this item's results drop `raw`: only as a tool, and only with the option off. */
export function leanToolOutput(context: IExecuteFunctions, itemIndex: number): boolean {
	return (
		runsAsAiTool(context) &&
		context.getNodeParameter(INCLUDE_RAW_PARAMETER, itemIndex, false) !== true
	);
}

/** The result without its top-level `raw`, every other field as it is. */
export function withoutRaw(json: IDataObject): IDataObject {
	if (!('raw' in json)) return json;
	const lean = { ...json };
	delete lean.raw;
	return lean;
}
