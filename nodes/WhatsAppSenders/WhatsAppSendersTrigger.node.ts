import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { providerCredentials, providerProperty } from './description';
import { triggerSubtitle } from './subtitle';
import { triggerNotices } from './trigger/notices';
import { triggerProperties } from './trigger/parameters';
import { pollSenders } from './trigger/poll';

export class WhatsAppSendersTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WhatsApp Senders Trigger',
		name: 'whatsAppSendersTrigger',
		icon: { light: 'file:whatsAppSenders.svg', dark: 'file:whatsAppSenders.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: triggerSubtitle,
		description:
			"Starts the workflow when a WhatsApp sender's status, quality rating or messaging limit changes, or a sender appears or disappears",
		documentationUrl:
			'https://github.com/whatsapp-senders/n8n-nodes-whatsapp-senders#whatsapp-senders-trigger',
		defaults: { name: 'WhatsApp Senders Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: providerCredentials,
		properties: [providerProperty, ...triggerNotices, ...triggerProperties],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollSenders.call(this);
	}
}
