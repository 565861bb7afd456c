import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { InvalidInputError } from '../core/errors';
import { labelsOf, validateParameters } from '../core/validation';
import { providersSupporting } from '../providers';
import type { UpdateSenderInput } from '../providers/types';
import { optionsCollection, readTimeoutMs } from './common';
import { fieldsShape, filledIn, SENDER_FIELDS, senderInput } from './senderFields';
import type { OperationField } from './display';
import { readSenderId, senderLocatorFields } from './senderLocator';
import type { SenderOperationModule } from './types';

interface UpdateParameters {
	senderId: string;
	input: UpdateSenderInput;
	timeoutMs?: number;
}

const fields: OperationField[] = [
	...senderLocatorFields('update'),
	{
		property: {
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description: 'Only the fields added here are sent; everything else stays as it is',
			options: SENDER_FIELDS.map((field) => field.property).sort((a, b) =>
				a.displayName.localeCompare(b.displayName),
			),
		},
		providers: providersSupporting('update'),
	},
	optionsCollection(),
];

const schema = z.object(fieldsShape(SENDER_FIELDS));
const LABELS = labelsOf(fields.map((field) => field.property));
const NAMES = SENDER_FIELDS.map((field) => field.property.name);

export const updateOperation: SenderOperationModule<'update', UpdateParameters> = {
	value: 'update',
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a sender',
		description: 'Change the business profile, webhook or configuration of a sender',
	},
	fields,
	readParameters(context, itemIndex, provider) {
		const senderId = readSenderId(context, itemIndex, provider);
		const fields = filledIn(
			context.getNodeParameter('updateFields', itemIndex, {}) as IDataObject,
			NAMES,
		);
		if (Object.keys(fields).length === 0) {
			throw new InvalidInputError('Update Fields', 'add at least one field to change');
		}
		return {
			senderId,
			input: senderInput(validateParameters(schema, fields, LABELS)),
			timeoutMs: readTimeoutMs(context, itemIndex),
		};
	},
	async run(http, update, parameters) {
		return [(await update(http, parameters.senderId, parameters.input)) as unknown as IDataObject];
	},
};
