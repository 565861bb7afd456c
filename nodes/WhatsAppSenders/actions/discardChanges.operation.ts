import { senderOperation } from './common';

export const discardChangesOperation = senderOperation({
	option: {
		name: 'Discard Pending Changes',
		value: 'discardChanges',
		action: 'Discard the pending changes of a sender',
		description:
			'Drop the business profile changes submitted and not applied yet (or rejected), so a new update can be sent',
	},
	call: (http, discardChanges, senderId) => discardChanges(http, senderId),
});
