import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { validateParameters } from '../core/validation';
import { providersSupporting } from '../providers';
import { optionsCollection, readTimeoutMs } from './common';
import type { OperationField } from './display';
import { readSenderId, senderLocatorFields } from './senderLocator';
import type { SenderOperationModule } from './types';

interface UpdateDisplayNameParameters {
	senderId: string;
	displayName: string;
	timeoutMs?: number;
}

/** YCloud's WhatsappPhoneNameUpdateRequest.newName: 3 to 150 characters (its OpenAPI). */
export const DISPLAY_NAME_LENGTH = { min: 3, max: 150 };

const displayNameSchema = z
	.string()
	.trim()
	.min(DISPLAY_NAME_LENGTH.min, `needs at least ${DISPLAY_NAME_LENGTH.min} characters`)
	.max(DISPLAY_NAME_LENGTH.max, `takes at most ${DISPLAY_NAME_LENGTH.max} characters`);

const fields: OperationField[] = [
	...senderLocatorFields('updateDisplayName'),
	{
		property: {
			displayName: 'Display Name',
			name: 'displayName',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'Example Business',
			description: `The new name shown on WhatsApp, ${DISPLAY_NAME_LENGTH.min} to ${DISPLAY_NAME_LENGTH.max} characters. Meta reviews it before it is shown: the output says the review status.`,
		},
		providers: providersSupporting('updateDisplayName'),
	},
	optionsCollection(),
];

export const updateDisplayNameOperation: SenderOperationModule<
	'updateDisplayName',
	UpdateDisplayNameParameters
> = {
	value: 'updateDisplayName',
	option: {
		name: 'Update Display Name',
		value: 'updateDisplayName',
		action: 'Update the display name of a sender',
		description:
			'Ask Meta to show a new name for the sender; the output gives the name under review and its status',
	},
	fields,
	readParameters(context, itemIndex, provider) {
		const senderId = readSenderId(context, itemIndex, provider);
		const displayName = validateParameters(
			displayNameSchema,
			context.getNodeParameter('displayName', itemIndex, ''),
			{ '': 'Display Name' },
		);
		return { senderId, displayName, timeoutMs: readTimeoutMs(context, itemIndex) };
	},
	async run(http, updateDisplayName, parameters) {
		return [
			(await updateDisplayName(http, parameters.senderId, parameters.displayName)) as IDataObject,
		];
	},
};
