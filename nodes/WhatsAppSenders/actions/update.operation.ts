import { z } from 'zod';

import { InvalidInputError } from '../core/errors';
import { labelsOf, validateParameters } from '../core/validation';
import { providersSupporting } from '../providers';
import { senderOperation } from './common';
import type { OperationField } from './display';
import { fieldsShape, filledIn, SENDER_FIELDS, senderInput } from './senderFields';

const updateFields: OperationField = {
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
};

const schema = z.object(fieldsShape(SENDER_FIELDS));
const LABELS = labelsOf([updateFields.property]);
const NAMES = SENDER_FIELDS.map((field) => field.property.name);

export const updateOperation = senderOperation({
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a sender',
		description: 'Change the business profile, webhook or configuration of a sender',
	},
	fields: [updateFields],
	readInput(context, itemIndex) {
		const values = filledIn(context, itemIndex, 'updateFields', NAMES);
		if (Object.keys(values).length === 0) {
			throw new InvalidInputError('Update Fields', 'add at least one field to change');
		}
		return senderInput(validateParameters(schema, values, LABELS));
	},
	call: (http, update, senderId, input) => update(http, senderId, input),
});
