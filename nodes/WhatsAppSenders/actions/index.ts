import type { SenderOperation } from '../providers/types';
import { deleteOperation } from './delete.operation';
import { getOperation } from './get.operation';
import { listOperation } from './list.operation';
import type { SenderOperationModule } from './types';

/** Every operation of the Sender resource; the router and the description are built from this. */
export const SENDER_OPERATIONS: readonly SenderOperationModule[] = [listOperation, getOperation, deleteOperation];

export function findOperation(value: unknown): SenderOperationModule | undefined {
	return SENDER_OPERATIONS.find((operation) => operation.value === (value as SenderOperation));
}
