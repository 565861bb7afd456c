import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { PROVIDERS } from './providers';
import type { ProviderAdapter } from './providers/types';

/**
 * The node runs against the provider its workflow saved, never the one a credential suggests:
 * when the credential in place belongs to another provider (n8n filled it in, or the Provider
 * was changed after it), the node stops before anything is read or sent and names both, so
 * the user chooses; nothing is switched behind their back.
 */
export function assertCredentialOfProvider(
	node: INode,
	provider: ProviderAdapter,
	itemIndex?: number,
): void {
	const credentials = node.credentials ?? {};
	if (credentials[provider.credentialType]) return;
	const other = PROVIDERS.find(
		(candidate) => candidate !== provider && credentials[candidate.credentialType],
	);
	if (!other) return;
	const name = credentials[other.credentialType].name;
	throw new NodeOperationError(
		node,
		`This node is set to ${provider.displayName}, but its credential${name ? ` "${name}"` : ''} is a ${other.displayName} credential`,
		{
			itemIndex,
			description: `Nothing was sent. Choose a ${provider.displayName} credential for this node, or set its Provider to ${other.displayName} if that is what it should watch.`,
		},
	);
}
