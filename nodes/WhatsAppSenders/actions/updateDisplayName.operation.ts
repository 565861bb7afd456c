import { z } from 'zod';

import { validateParameters } from '../core/validation';
import { providersSupporting } from '../providers';
import { senderOperation } from './common';

/** YCloud's WhatsappPhoneNameUpdateRequest.newName: 3 to 150 characters (its OpenAPI). */
export const DISPLAY_NAME_LENGTH = { min: 3, max: 150 };

const displayNameSchema = z
	.string()
	.trim()
	.min(DISPLAY_NAME_LENGTH.min, `needs at least ${DISPLAY_NAME_LENGTH.min} characters`)
	.max(DISPLAY_NAME_LENGTH.max, `takes at most ${DISPLAY_NAME_LENGTH.max} characters`);

export const updateDisplayNameOperation = senderOperation({
	option: {
		name: 'Update Display Name',
		value: 'updateDisplayName',
		action: 'Update the display name of a sender',
		description:
			'Ask Meta to show a new name for the sender; the output gives the name under review and its status',
	},
	fields: [
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
	],
	readInput: (context, itemIndex) =>
		validateParameters(displayNameSchema, context.getNodeParameter('displayName', itemIndex, ''), {
			'': 'Display Name',
		}),
	call: (http, updateDisplayName, senderId, displayName) =>
		updateDisplayName(http, senderId, displayName),
});
