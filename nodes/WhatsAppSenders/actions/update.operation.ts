import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { InvalidInputError } from '../core/errors';
import { validateParameters } from '../core/validation';
import { providersSupporting } from '../providers';
import type { UpdateSenderInput } from '../providers/operations';
import { optionsCollection, readTimeoutMs } from './common';
import { pick } from './create.operation';
import {
	configurationSchema,
	FIELD_LABELS,
	PROFILE_NAMES,
	profileFields,
	profileSchema,
	setFields,
	WEBHOOK_NAMES,
	webhookFields,
	webhookSchema,
} from './senderFields';
import { readSenderId, senderLocatorProperties } from './senderLocator';
import type { SenderOperationModule } from './types';

interface UpdateParameters {
	senderId: string;
	input: UpdateSenderInput;
	timeoutMs?: number;
}

const CONFIGURATION_NAMES = ['wabaId', 'verificationMethod', 'voiceApplicationSid'] as const;
const ALL_NAMES = ['profileName', ...PROFILE_NAMES, ...WEBHOOK_NAMES, ...CONFIGURATION_NAMES];

const properties: INodeProperties[] = [
	...senderLocatorProperties('update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { resource: ['sender'], operation: ['update'], provider: providersSupporting('update') } },
		description: 'Only the fields added here are sent; everything else stays as it is',
		options: ([
			{ displayName: 'Profile Name', name: 'profileName', type: 'string', default: '', description: 'The display name Meta reviews' },
			...profileFields,
			...webhookFields,
			{ displayName: 'Verification Method', name: 'verificationMethod', type: 'options', default: 'sms', options: [{ name: 'SMS', value: 'sms' }, { name: 'Voice Call', value: 'voice' }] },
			{ displayName: 'Voice Application SID', name: 'voiceApplicationSid', type: 'string', default: '', placeholder: 'AP0123456789abcdef0123456789abcdef' },
			{ displayName: 'WABA ID', name: 'wabaId', type: 'string', default: '' },
		] as INodeProperties[]).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	optionsCollection('update'),
];

const schema = profileSchema
	.omit({ name: true })
	.merge(webhookSchema)
	.merge(configurationSchema)
	.extend({ profileName: profileSchema.shape.name });

export const updateOperation: SenderOperationModule<'update', UpdateParameters> = {
	value: 'update',
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a sender',
		description: 'Change the business profile, webhook or configuration of a sender',
	},
	properties,
	readParameters(context, itemIndex, provider) {
		const senderId = readSenderId(context, itemIndex, provider);
		const fields = setFields(context.getNodeParameter('updateFields', itemIndex, {}) as IDataObject, ALL_NAMES);
		if (Object.keys(fields).length === 0) {
			throw new InvalidInputError('Update Fields', 'add at least one field to change');
		}
		const { profileName, ...rest } = validateParameters(schema, fields, FIELD_LABELS);
		return {
			senderId,
			input: {
				configuration: pick(rest, CONFIGURATION_NAMES),
				profile: { ...(profileName === undefined ? {} : { name: profileName }), ...pick(rest, PROFILE_NAMES) },
				webhook: pick(rest, WEBHOOK_NAMES),
			},
			timeoutMs: readTimeoutMs(context, itemIndex),
		};
	},
	async run(http, update, parameters) {
		return [(await update(http, parameters.senderId, parameters.input)) as unknown as IDataObject];
	},
};
