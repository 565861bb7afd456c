import type { z } from 'zod';

import { InvalidInputError } from './errors';

/**
 * Parses parameters with a zod schema and turns the first problem into an error that
 * names the field as the user sees it in the node ("Limit"), not the internal path.
 */
export function validateParameters<T>(
	schema: z.ZodType<T, z.ZodTypeDef, unknown>,
	input: unknown,
	fieldLabels: Record<string, string>,
): T {
	const result = schema.safeParse(input);
	if (result.success) return result.data;
	const issue = result.error.issues[0];
	const path = issue.path.join('.');
	const label = fieldLabels[path] ?? fieldLabels[String(issue.path[0])] ?? path;
	throw new InvalidInputError(label, issue.message);
}

/** A node parameter as far as its label goes (n8n's INodeProperties is one). */
interface LabelledParameter {
	name: string;
	displayName: string;
	type: string;
	options?: readonly object[];
}

/** What validation messages call each parameter, fields of collections included: its display name. */
export function labelsOf(parameters: readonly LabelledParameter[]): Record<string, string> {
	const labels: Record<string, string> = {};
	for (const parameter of parameters) {
		labels[parameter.name] = parameter.displayName;
		if (parameter.type === 'collection')
			Object.assign(labels, labelsOf(parameter.options as LabelledParameter[]));
	}
	return labels;
}
