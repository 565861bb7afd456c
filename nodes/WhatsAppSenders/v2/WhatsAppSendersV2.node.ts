import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { routeSenderOperation } from '../actions/router';
import { searchSenders } from '../methods/listSearch';
import { actionSubtitle } from '../subtitle';
import { versionTwoCredentials, versionTwoProperties } from './description';

/**
 * Version 2: the resource is the provider (Twilio, Meta WhatsApp Cloud API, …), each with its
 * own operation list, so the node panel lists every provider's actions and an AI tool's
 * automatic description names the chosen operation. Fields and the run are version 1's, with
 * the provider read from `resource` (version 2 has no `provider` parameter).
 */
export class WhatsAppSendersV2 implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WhatsApp Senders',
		name: 'whatsAppSenders',
		icon: { light: 'file:../whatsAppSenders.svg', dark: 'file:../whatsAppSenders.dark.svg' },
		group: ['transform'],
		version: 2,
		subtitle: actionSubtitle('resource'),
		description:
			'List and manage WhatsApp Business senders (phone numbers) on Twilio, Meta WhatsApp Cloud API, Autocalls, Famulor, 99digital, YCloud, Gupshup, Sinch and Infobip',
		documentationUrl:
			'https://github.com/whatsapp-senders/n8n-nodes-whatsapp-senders#whatsapp-senders-node',
		defaults: { name: 'WhatsApp Senders' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: versionTwoCredentials,
		properties: versionTwoProperties,
	};

	methods = { listSearch: { searchSenders } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeSenderOperation.call(this);
	}
}
