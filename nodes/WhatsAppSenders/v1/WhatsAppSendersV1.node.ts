import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { routeSenderOperation } from '../actions/router';
import { providerCredentials } from '../description';
import { searchSenders } from '../methods/listSearch';
import { actionSubtitle } from '../subtitle';
import { versionOneProperties } from './description';

/**
 * Version 1, unchanged for existing workflows: a Provider choice, then the one resource
 * `sender`. n8n's node panel and its AI-tool descriptions read only the first operation list
 * of a resource (Twilio's here): new nodes are version 2.
 */
export class WhatsAppSendersV1 implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WhatsApp Senders',
		name: 'whatsAppSenders',
		icon: { light: 'file:../whatsAppSenders.svg', dark: 'file:../whatsAppSenders.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: actionSubtitle('provider'),
		description:
			'List and manage WhatsApp Business senders (phone numbers) on Twilio, Meta WhatsApp Cloud API, Autocalls, Famulor, 99digital, YCloud, Gupshup, Sinch and Infobip',
		documentationUrl:
			'https://github.com/whatsapp-senders/n8n-nodes-whatsapp-senders#whatsapp-senders-node',
		defaults: { name: 'WhatsApp Senders' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: providerCredentials,
		properties: versionOneProperties,
	};

	methods = { listSearch: { searchSenders } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeSenderOperation.call(this);
	}
}
