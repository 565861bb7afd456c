import {
	type INode,
	type INodeTypeDescription,
	type INodeTypes,
	NodeHelpers,
	Workflow,
} from 'n8n-workflow';

import { WhatsAppSenders } from '../../nodes/WhatsAppSenders/WhatsAppSenders.node';
import { WhatsAppSendersTrigger } from '../../nodes/WhatsAppSenders/WhatsAppSendersTrigger.node';
import { operationsOf } from '../../nodes/WhatsAppSenders/actions';
import { PROVIDERS } from '../../nodes/WhatsAppSenders/providers';
import { CREDENTIAL_TYPES } from '../harness/n8nHarness';

/**
 * What users see, under review: both nodes' descriptions (every parameter, option and
 * display condition) and, per provider and operation, the parameters the panel shows with
 * their defaults, as n8n computes them. A change to the UI shows as a diff of
 * test/unit/__snapshots__/nodeDescriptions.test.ts.snap; after an intended change,
 * regenerate it with `npx jest -u test/unit/nodeDescriptions.test.ts` and review the diff.
 */

const senders = new WhatsAppSenders();
/** Version 1 (existing workflows: Provider, then the resource Sender) and version 2 (new nodes: the resource is the provider). */
const actionV1 = senders.getNodeType(1).description;
const actionV2 = senders.getNodeType(2).description;
const trigger = new WhatsAppSendersTrigger();
/** What selects a provider's operation in each version. */
const choicesOf = (version: 1 | 2, provider: string, operation: string) =>
	version === 1 ? { provider, resource: 'sender', operation } : { resource: provider, operation };

const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

function node(description: INodeTypeDescription, parameters: INode['parameters']): INode {
	const typeVersion = Array.isArray(description.version)
		? description.version[0]
		: description.version;
	return {
		id: 'n',
		name: description.defaults.name ?? 'node',
		type: description.name,
		typeVersion,
		position: [0, 0],
		parameters,
	};
}

/** The parameters the panel shows for these choices, with n8n's defaults filled in. */
function shown(description: INodeTypeDescription, choices: INode['parameters']): unknown {
	const values = NodeHelpers.getNodeParameters(
		description.properties,
		choices,
		true,
		false,
		node(description, choices),
		description,
	);
	const notices = description.properties
		.filter(
			(p) =>
				p.type === 'notice' &&
				NodeHelpers.displayParameter(choices, p, node(description, choices), description),
		)
		.map((p) => `notice: ${p.displayName}`);
	return { parameters: plain(values), notices };
}

/** The credential types the panel offers for these choices. */
function credentialsShown(
	description: INodeTypeDescription,
	choices: INode['parameters'],
): string[] {
	return (description.credentials ?? [])
		.filter((c) =>
			NodeHelpers.displayParameter(choices, c, node(description, choices), description),
		)
		.map((c) => c.name);
}

/** The canvas subtitle, evaluated by n8n's expression engine as the editor does. */
function subtitle(description: INodeTypeDescription, parameters: INode['parameters']): unknown {
	const nodeTypes = {
		getByNameAndVersion: () => ({ description }),
		getByName: () => ({ description }),
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	const subject = node(description, parameters);
	const workflow = new Workflow({ nodes: [subject], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(
		subject,
		description.subtitle as string,
		'internal',
		{},
	);
}

describe('What the editor shows (snapshot: `npx jest -u test/unit/nodeDescriptions.test.ts` to accept a change)', () => {
	it.each([
		[1, actionV1],
		[2, actionV2],
	])('WhatsApp Senders version %s: the whole description', (_version, description) => {
		expect(plain(description)).toMatchSnapshot();
	});

	it('WhatsApp Senders Trigger: the whole description', () => {
		expect(plain(trigger.description)).toMatchSnapshot();
	});

	it.each(
		PROVIDERS.flatMap((provider) =>
			[1, 2].map((version) => [provider.id, version as 1 | 2, provider] as const),
		),
	)('WhatsApp Senders with %s, version %s: each operation as shown', (_id, version, provider) => {
		const description = version === 1 ? actionV1 : actionV2;
		const byOperation = Object.fromEntries(
			operationsOf(provider).map((operation) => {
				const choices = choicesOf(version, provider.id, operation.value);
				return [
					operation.value,
					{
						subtitle: subtitle(description, choices),
						credentials: credentialsShown(description, choices),
						...(shown(description, choices) as object),
					},
				];
			}),
		);
		expect(byOperation).toMatchSnapshot();
	});

	it.each(PROVIDERS.map((provider) => [provider.id]))(
		'WhatsApp Senders Trigger with %s as shown',
		(id) => {
			const choices = { provider: id };
			expect({
				subtitle: subtitle(trigger.description, choices),
				credentials: credentialsShown(trigger.description, choices),
				...(shown(trigger.description, choices) as object),
			}).toMatchSnapshot();
		},
	);
});

describe('Credential forms, as n8n gets them', () => {
	it.each(CREDENTIAL_TYPES.map((type) => [type.name, type] as const))(
		'%s: its fields, icon, documentation link and Test credential request',
		(_name, type) => {
			const { authenticate, ...described } = type;
			expect({ ...(plain(described) as object), signs: typeof authenticate }).toMatchSnapshot();
		},
	);
});

describe('Canvas subtitles name the provider, not its internal id', () => {
	it.each([
		['metaCloud', 'list', 'List · Meta WhatsApp Cloud API'],
		['twilio', 'get', 'Get · Twilio'],
		['99digital', 'getUsage', 'Get Account Usage · 99digital'],
		// an unknown value (an old workflow, an expression) shows as it is
		['twilio', 'teleport', 'teleport · Twilio'],
	])('%s %s → %s, in both versions', (provider, operation, expected) => {
		expect(subtitle(actionV1, choicesOf(1, provider, operation))).toBe(expected);
		expect(subtitle(actionV2, choicesOf(2, provider, operation))).toBe(expected);
	});

	it.each([
		['twilio', 'On Twilio sender changes'],
		['metaCloud', 'On Meta WhatsApp Cloud API sender changes'],
		['99digital', 'On 99digital sender changes'],
	])('trigger with %s → %s', (provider, expected) => {
		expect(subtitle(trigger.description, { provider })).toBe(expected);
	});
});

describe('A sender never carries over to another provider', () => {
	it.each([
		[1, actionV1, 'provider'],
		[2, actionV2, 'resource'],
	])(
		'version %s: every Sender locator depends on the provider (%s), so the editor clears it on a switch',
		(_version, description, parameter) => {
			const locators = description.properties.filter((p) => p.type === 'resourceLocator');
			expect(locators.length).toBeGreaterThan(0);
			for (const locator of locators)
				expect(locator.typeOptions?.loadOptionsDependsOn).toEqual([parameter]);
		},
	);
});

describe('Providers without quality ratings say so in the trigger', () => {
	it.each(PROVIDERS.map((provider) => [provider.id, provider.withoutQualityAndLimit === true]))(
		'%s: notice shown = %s',
		(id, expected) => {
			const { notices } = shown(trigger.description, { provider: id }) as { notices: string[] };
			expect(notices.some((n) => n.includes('no quality rating'))).toBe(expected);
		},
	);
});

describe("version 2's operation lists", () => {
	const providerNames = PROVIDERS.map((provider) => provider.displayName.split(' ')[0]);

	it.each(PROVIDERS.map((provider) => [provider.displayName, provider.id] as const))(
		"tell a %s user no other provider's rules",
		(_name, id) => {
			const list = actionV2.properties.find(
				(property) =>
					property.name === 'operation' &&
					(property.displayOptions?.show?.resource as string[] | undefined)?.includes(id),
			);
			const texts = (list?.options ?? []).map((option) => JSON.stringify(option));
			const own = PROVIDERS.find((provider) => provider.id === id)!.displayName.split(' ')[0];
			const others = providerNames.filter((name) => name !== own && name !== 'Meta');
			expect(texts.filter((text) => others.some((name) => text.includes(name)))).toEqual([]);
		},
	);
});

describe('Update Business Profile in the panel', () => {
	const profileFieldsOf = (provider: string) =>
		actionV2.properties.find(
			(property) =>
				property.name === 'profileFields' &&
				(property.displayOptions?.show?.resource as string[] | undefined)?.includes(provider),
		);
	const optionNames = (provider: string) =>
		(profileFieldsOf(provider)?.options ?? []).map((option) => option.name);
	const verticals = (provider: string) =>
		(
			(profileFieldsOf(provider)?.options ?? []).find((option) => option.name === 'vertical') as
				| { options: Array<{ value: string }> }
				| undefined
		)?.options.map((option) => option.value);

	it("offers Meta's picture upload handle to Meta only", () => {
		expect(
			PROVIDERS.filter((provider) => provider.handlers.updateProfile).map((provider) => [
				provider.id,
				optionNames(provider.id).includes('profilePictureHandle'),
			]),
		).toEqual([
			['metaCloud', true],
			['ycloud', false],
			['gupshup', false],
			['sinch', false],
			['infobip', false],
		]);
	});

	it('offers YCloud only the verticals YCloud lists', () => {
		expect(verticals('ycloud')).not.toContain('ALCOHOL');
		expect(verticals('metaCloud')).toContain('ALCOHOL');
	});
});
