import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeTypeBaseDescription,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, VersionedNodeType } from 'n8n-workflow';

import { routeSenderOperation } from './actions/router';
import { providerCredentials } from './description';
import { searchSenders } from './methods/listSearch';
import { actionSubtitle } from './subtitle';
import { versionOneProperties } from './v1/description';
import { versionTwoCredentials, versionTwoProperties } from './v2/description';

/** One version of the node: the same run and search, its own description (an INodeType). */
class WhatsAppSendersVersion {
	methods = { listSearch: { searchSenders } };

	constructor(readonly description: INodeTypeDescription) {}

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeSenderOperation.call(this);
	}
}

/**
 * Version 1, unchanged for existing workflows: a Provider choice, then the one resource
 * `sender` (v1/description.ts). n8n's node panel and its AI-tool descriptions read only the
 * first operation list of a resource (Twilio's there), so new nodes are version 2: the
 * resource is the provider, each with its own operation list (v2/description.ts).
 */
export class WhatsAppSenders extends VersionedNodeType {
	constructor() {
		const shared: Omit<INodeTypeBaseDescription, 'defaultVersion'> = {
			displayName: 'WhatsApp Senders',
			name: 'whatsAppSenders',
			// n8n resolves every version's icon path against this file
			icon: { light: 'file:whatsAppSenders.svg', dark: 'file:whatsAppSenders.dark.svg' },
			group: ['transform'],
			subtitle: actionSubtitle('resource'),
			description:
				'List and manage WhatsApp Business senders (phone numbers) on Twilio, Meta WhatsApp Cloud API, Autocalls, Famulor, 99digital, YCloud, Gupshup, Sinch and Infobip',
			documentationUrl:
				'https://github.com/whatsapp-senders/n8n-nodes-whatsapp-senders#whatsapp-senders-node',
			usableAsTool: true,
		};
		const describe = (
			version: 1 | 2,
			parts: Pick<INodeTypeDescription, 'subtitle' | 'credentials' | 'properties'>,
		) =>
			new WhatsAppSendersVersion({
				...shared,
				version,
				defaults: { name: 'WhatsApp Senders' },
				inputs: [NodeConnectionTypes.Main],
				outputs: [NodeConnectionTypes.Main],
				...parts,
			});
		const versions = {
			1: describe(1, {
				subtitle: actionSubtitle('provider'),
				credentials: providerCredentials,
				properties: versionOneProperties,
			}),
			2: describe(2, { credentials: versionTwoCredentials, properties: versionTwoProperties }),
		};
		super(versions, { ...shared, defaultVersion: 2 });
	}
}
