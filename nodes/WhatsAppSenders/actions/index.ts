import type { INodeProperties } from 'n8n-workflow';

import type { ProviderAdapter, SenderOperation } from '../providers/types';
import { createOperation } from './create.operation';
import { deleteOperation } from './delete.operation';
import { deregisterOperation } from './deregister.operation';
import { discardChangesOperation } from './discardChanges.operation';
import { getOperation } from './get.operation';
import { getProfileOperation } from './getProfile.operation';
import { getUsageOperation } from './getUsage.operation';
import { listOperation } from './list.operation';
import { listRegisteredOperation } from './listRegistered.operation';
import { registerOperation } from './register.operation';
import { requestCodeOperation } from './requestCode.operation';
import { updateOperation } from './update.operation';
import { updateDisplayNameOperation } from './updateDisplayName.operation';
import { updateProfileOperation } from './updateProfile.operation';
import { verifyOperation } from './verify.operation';
import { type NodeVersion, placeField } from './display';
import type { SenderOperationModule } from './types';

/** Every operation of the Sender resource; the router and the description are built from this. */
export const SENDER_OPERATIONS: readonly SenderOperationModule[] = [
	listOperation,
	getOperation,
	createOperation,
	requestCodeOperation,
	verifyOperation,
	registerOperation,
	updateOperation,
	getProfileOperation,
	updateProfileOperation,
	updateDisplayNameOperation,
	discardChangesOperation,
	deregisterOperation,
	deleteOperation,
	listRegisteredOperation,
	getUsageOperation,
] as SenderOperationModule[];

export function findOperation(value: unknown): SenderOperationModule | undefined {
	return SENDER_OPERATIONS.find((operation) => operation.value === (value as SenderOperation));
}

/** The operations a provider implements, in the node's order. */
export function operationsOf(provider: ProviderAdapter): SenderOperationModule[] {
	return SENDER_OPERATIONS.filter((operation) => provider.handlers[operation.value]);
}

/** Every operation's fields, placed for this version of the node (actions/display.ts). */
export function fieldProperties(version: NodeVersion): INodeProperties[] {
	return SENDER_OPERATIONS.flatMap((op) =>
		op.fields.map((field) => placeField(version, op.value, field)),
	);
}
