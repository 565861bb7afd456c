import {
	NodeHelpers,
	type INode,
	type INodePropertyOptions,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { operationsOf } from '../../nodes/WhatsAppSenders/actions';
import { WhatsAppSenders } from '../../nodes/WhatsAppSenders/WhatsAppSenders.node';
import { PROVIDERS } from '../../nodes/WhatsAppSenders/providers';

/**
 * The node panel's "Actions", as n8n 2.8.4's editor builds them
 * (editor-ui useActionsGeneration.ts `resourceCategories`, useActions.ts `getActionData`,
 * workflowState `setLastNodeParameters`), reduced to the parts that read our description:
 * per option of every `resource` property, the FIRST `operation` property shown for it; a
 * click sets `operation` plus the first value of each key of the action's displayOptions.show.
 * test/e2e/nodePanelActions.test.ts checks the same in the real editor.
 */
interface PanelAction {
	group: string;
	displayName: string;
	parameters: Record<string, unknown>;
}

function panelActions(description: INodeTypeDescription): PanelAction[] {
	const actions: PanelAction[] = [];
	for (const property of description.properties.filter((p) => p.name === 'resource')) {
		const options = (property.options ?? []) as INodePropertyOptions[];
		for (const resourceOption of options) {
			const isSingleResource = options.length === 1;
			const operations = description.properties.find(
				(p) =>
					p.name === 'operation' &&
					((p.displayOptions?.show?.resource as unknown[] | undefined)?.includes(
						resourceOption.value,
					) ??
						isSingleResource),
			);
			for (const operationOption of (operations?.options ?? []) as INodePropertyOptions[]) {
				const show = (
					isSingleResource ? { resource: [options[0].value] } : operations!.displayOptions!.show!
				) as Record<string, unknown[]>;
				const clicked = {
					operation: operationOption.value,
					...Object.fromEntries(Object.entries(show).map(([key, values]) => [key, values[0]])),
				};
				const node = {
					id: 'n',
					name: 'WhatsApp Senders',
					type: 'whatsAppSenders',
					typeVersion: description.version as number,
					position: [0, 0] as [number, number],
					parameters: {},
				};
				actions.push({
					group: `${resourceOption.name} Actions`,
					displayName: operationOption.action ?? `${resourceOption.name} ${operationOption.name}`,
					parameters:
						NodeHelpers.getNodeParameters(
							description.properties,
							clicked,
							true,
							false,
							node,
							description,
						) ?? {},
				});
			}
		}
	}
	return actions;
}

const senders = new WhatsAppSenders();

describe('the node panel (version 2, what new nodes get)', () => {
	const description = senders.getNodeType(2).description;
	const actions = panelActions(description);

	it('is the version the panel offers', () => {
		expect(senders.description.defaultVersion).toBe(2);
		expect(senders.getLatestVersion()).toBe(2);
	});

	it.each(PROVIDERS.map((provider) => [provider.displayName, provider] as const))(
		'lists every operation of %s, under its name',
		(name, provider) => {
			expect(
				actions
					.filter((action) => action.group === `${name} Actions`)
					.map((action) => action.displayName),
			).toEqual(operationsOf(provider).map((operation) => operation.option.action));
		},
	);

	it('sets provider (the resource) and operation when an action is clicked', () => {
		for (const provider of PROVIDERS) {
			const group = actions.filter((action) => action.group === `${provider.displayName} Actions`);
			expect(group.map((action) => action.parameters.resource)).toEqual(
				group.map(() => provider.id),
			);
			expect(group.every((action) => !('provider' in action.parameters))).toBe(true);
			expect(group.map((action) => action.parameters.operation)).toEqual(
				operationsOf(provider).map((operation) => operation.value),
			);
		}
		expect(
			actions.find((action) => action.displayName === 'Request a verification code')!.parameters,
		).toMatchObject({
			resource: 'metaCloud',
			operation: 'requestCode',
			codeMethod: 'sms',
		});
		expect(
			actions.find((action) => action.displayName === 'Get account usage')!.parameters,
		).toMatchObject({
			resource: '99digital',
			operation: 'getUsage',
		});
	});

	it("shows each provider exactly version 1's fields for the same operation", () => {
		const v1 = senders.getNodeType(1).description;
		const shown = (d: INodeTypeDescription, parameters: Record<string, unknown>) =>
			d.properties
				.filter((p) => NodeHelpers.displayParameter(parameters as never, p, null, null))
				.map((p) => `${p.name}:${p.type}`);
		for (const provider of PROVIDERS) {
			for (const operation of operationsOf(provider)) {
				const fieldsV1 = shown(v1, {
					provider: provider.id,
					resource: 'sender',
					operation: operation.value,
					returnAll: false,
				});
				const fieldsV2 = shown(description, {
					resource: provider.id,
					operation: operation.value,
					returnAll: false,
				});
				// version 1's Provider and Sender resource become version 2's resource
				expect(fieldsV2).toEqual([
					'resource:options',
					...fieldsV1.filter(
						(field) => field !== 'provider:options' && field !== 'resource:options',
					),
				]);
			}
		}
	});

	it('shows each provider only its own credential', () => {
		const shown = (resource: string) =>
			description
				.credentials!.filter((credential) =>
					// a node of version 2: the credentials are shown for their version too
					NodeHelpers.displayParameter(
						{ resource },
						credential,
						{ typeVersion: 2, parameters: { resource } } as unknown as INode,
						description,
					),
				)
				.map((c) => c.name);
		for (const provider of PROVIDERS) expect(shown(provider.id)).toEqual([provider.credentialType]);
	});
});

describe('version 1 (existing workflows) is unchanged', () => {
	const description = senders.getNodeType(1).description;

	it('keeps Provider, the resource Sender and the operations of every provider', () => {
		expect(description.properties.slice(0, 2).map((p) => [p.name, p.default])).toEqual([
			['provider', 'twilio'],
			['resource', 'sender'],
		]);
		for (const provider of PROVIDERS) {
			const shown = description.properties.filter(
				(p) =>
					p.name === 'operation' &&
					NodeHelpers.displayParameter(
						{ provider: provider.id, resource: 'sender' },
						p,
						null,
						null,
					),
			);
			expect(shown).toHaveLength(1);
			expect((shown[0].options as INodePropertyOptions[]).map((o) => o.value)).toEqual(
				operationsOf(provider).map((o) => o.value),
			);
		}
	});

	it('shows only the first operation list in the panel: this is why version 2 exists', () => {
		expect(new Set(panelActions(description).map((action) => action.displayName)).size).toBe(6);
	});
});
