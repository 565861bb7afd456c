import { SENDER_OPERATIONS } from './actions';
import { PROVIDERS } from './providers';

/**
 * The canvas subtitles: n8n evaluates `subtitle` as an expression over the node's
 * parameters, so the names users see in the panel are looked up in literal tables built
 * here from the operation and provider tables. An unknown value (an old workflow, an
 * expression) shows as it is rather than "undefined".
 */
function lookup(table: Record<string, string>, parameter: string): string {
	// flat objects only: a nested `}}` would end n8n's expression early
	return `(${JSON.stringify(table)}[$parameter["${parameter}"]] || $parameter["${parameter}"])`;
}

const providerNames = Object.fromEntries(
	PROVIDERS.map((provider) => [provider.id, provider.displayName]),
);
const operationNames = Object.fromEntries(
	SENDER_OPERATIONS.map((operation) => [operation.value, operation.option.name]),
);

/** "List · Meta WhatsApp Cloud API", the provider read from `provider` (version 1) or `resource` (version 2) */
export function actionSubtitle(providerParameter: 'provider' | 'resource'): string {
	return `={{ ${lookup(operationNames, 'operation')} + " · " + ${lookup(providerNames, providerParameter)} }}`;
}

/** "On Twilio sender changes" */
export const triggerSubtitle = `={{ "On " + ${lookup(providerNames, 'provider')} + " sender changes" }}`;
