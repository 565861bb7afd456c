import { senderOnlyOperation } from './senderLocator';

export const discardChangesOperation = senderOnlyOperation({
	name: 'Discard Pending Changes',
	value: 'discardChanges',
	action: 'Discard the pending changes of a sender',
	description:
		'Drop the business profile changes submitted and not applied yet (or rejected), so a new update can be sent',
});
