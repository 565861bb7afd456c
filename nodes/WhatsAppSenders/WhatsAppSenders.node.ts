import type { INodeTypeBaseDescription } from 'n8n-workflow';
import { VersionedNodeType } from 'n8n-workflow';

import { actionSubtitle } from './subtitle';
import { WhatsAppSendersV1 } from './v1/WhatsAppSendersV1.node';
import { WhatsAppSendersV2 } from './v2/WhatsAppSendersV2.node';

/**
 * Version 1: Provider, then the resource Sender (existing workflows). Version 2 (new nodes):
 * the resource is the provider, so the node panel and AI tools know every provider's operations.
 */
export class WhatsAppSenders extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: 'WhatsApp Senders',
			name: 'whatsAppSenders',
			icon: { light: 'file:whatsAppSenders.svg', dark: 'file:whatsAppSenders.dark.svg' },
			group: ['transform'],
			subtitle: actionSubtitle('resource'),
			description:
				'List and manage WhatsApp Business senders (phone numbers) on Twilio, Meta WhatsApp Cloud API, Autocalls, Famulor, 99digital, YCloud, Gupshup, Sinch and Infobip',
			documentationUrl:
				'https://github.com/whatsapp-senders/n8n-nodes-whatsapp-senders#whatsapp-senders-node',
			usableAsTool: true,
			defaultVersion: 2,
		};
		const versions = { 1: new WhatsAppSendersV1(), 2: new WhatsAppSendersV2() };
		// n8n resolves every version's icon path against this file, not the version's folder
		for (const version of Object.values(versions)) version.description.icon = baseDescription.icon;
		super(versions, baseDescription);
	}
}
