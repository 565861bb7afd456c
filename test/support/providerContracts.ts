import addFormats from 'ajv-formats';
import OpenAPIBackend, { type Document } from 'openapi-backend';
import { parse as parseYaml } from 'yaml';

import type { RecordedRequest, SimulatedResponse } from '../simulators/server';
import { readReferenceFile } from './referenceFiles';
import { sinchContractDocument } from './sinchContract';

/**
 * The providers' own OpenAPI contracts (test/reference/contracts), checked with openapi-backend:
 * every request the package sends to a Twilio, Meta, YCloud or Sinch simulator, and every
 * answer the simulator gives, must be one the contract allows. Only the operations the package
 * is meant to call are kept, so a request to any other endpoint is a violation too. Sinch's
 * contract is not a file: it is transcribed by hand from excerpts (./sinchContract.ts).
 */
export type ContractName = 'twilio' | 'meta' | 'ycloud' | 'sinch';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

type Json = Record<string, unknown>;

/**
 * Where the providers' newer prose documentation says more than the contract, each
 * exception is named here with its source; nothing else is let through.
 */
export interface ContractException {
	what: string;
	source: string;
	apply(document: Json): void;
}

/** Adds values to every enum of the document that has all of `marker`'s values. */
function extendEnums(document: Json, marker: string[], added: string[]): void {
	const visit = (node: unknown): void => {
		if (Array.isArray(node)) return node.forEach(visit);
		if (typeof node !== 'object' || node === null) return;
		const values = (node as Json).enum;
		if (Array.isArray(values) && marker.every((value) => values.includes(value))) {
			for (const value of added) if (!values.includes(value)) values.push(value);
		}
		Object.values(node).forEach(visit);
	};
	visit(document);
}

function schema(document: Json, name: string): Json {
	const found = ((document.components as Json).schemas as Json)[name] as Json | undefined;
	if (!found) throw new Error(`the contract has no schema ${name}`);
	return found;
}

const GRAPH_STATUS_REFERENCE =
	'https://developers.facebook.com/docs/graph-api/reference/whats-app-business-account-to-number-current-status/';
const HEALTH_STATUS =
	'https://developers.facebook.com/documentation/business-messaging/whatsapp/support/health-status';
const MESSAGING_LIMITS = 'https://developers.facebook.com/docs/whatsapp/messaging-limits';
/** The tiers of the portfolio-wide limit (Meta's PHP Business SDK enum, and 50 from the webhook reference). */
const PORTFOLIO_TIERS = [
	'TIER_50',
	'TIER_250',
	'TIER_2K',
	'TIER_10K',
	'TIER_100K',
	'TIER_UNLIMITED',
	'UNTIERED',
];

export const META_CONTRACT_EXCEPTIONS: ContractException[] = [
	{
		what: 'phone number status: the Graph reference also lists CONNECTED, DISCONNECTED, FLAGGED, RATE_LIMITED, UNKNOWN, UNVERIFIED',
		source: GRAPH_STATUS_REFERENCE,
		apply: (document) =>
			extendEnums(
				document,
				['PENDING', 'LINKED', 'BANNED'],
				['CONNECTED', 'DISCONNECTED', 'FLAGGED', 'RATE_LIMITED', 'UNKNOWN', 'UNVERIFIED'],
			),
	},
	{
		what: "quality rating UNKNOWN (the contract's own list example and its WhatsAppPhoneNumberQualityRating_1)",
		source:
			'meta_business_messaging_v23.0.openapi.yaml, getWhatsAppBusinessAccountPhoneNumbers example multiple_phone_numbers',
		apply: (document) => extendEnums(document, ['GREEN', 'YELLOW', 'RED'], ['UNKNOWN']),
	},
	{
		what: "code verification status NOT_VERIFIED and EXPIRED (the contract's own list example, WhatsAppCodeVerificationStatus_1)",
		source: 'https://developers.facebook.com/docs/whatsapp/cloud-api/reference/phone-numbers',
		apply: (document) =>
			extendEnums(document, ['VERIFIED', 'UNVERIFIED'], ['NOT_VERIFIED', 'EXPIRED']),
	},
	{
		what: 'messaging_limit_tier TIER_2K and TIER_NOT_SET (the limits of October 2025; a number that has not sent yet)',
		source:
			'https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/phone_number_quality_update',
		apply: (document) =>
			extendEnums(document, ['TIER_50', 'TIER_250', 'TIER_UNLIMITED'], ['TIER_2K', 'TIER_NOT_SET']),
	},
	{
		what: 'whatsapp_business_manager_messaging_limit (Graph v24.0 and newer; a tier word such as "TIER_250"), and status and the limit on a number read by its ID',
		source: MESSAGING_LIMITS,
		apply(document) {
			const listed = schema(document, 'WhatsAppBusinessAccountPhoneNumber').properties as Json;
			const portfolioLimit = () => ({ type: 'string', enum: PORTFOLIO_TIERS });
			listed.whatsapp_business_manager_messaging_limit = portfolioLimit();
			Object.assign(schema(document, 'PhoneNumberInfo').properties as Json, {
				status: structuredClone(listed.status),
				messaging_limit_tier: structuredClone(listed.messaging_limit_tier),
				whatsapp_business_manager_messaging_limit: portfolioLimit(),
			});
		},
	},
	{
		what: 'health_status on a phone number (can_send_message AVAILABLE / LIMITED / BLOCKED, and per entity of the chain its errors with description and possible solution)',
		source: HEALTH_STATUS,
		apply(document) {
			const level = () => ({ type: 'string', enum: ['AVAILABLE', 'LIMITED', 'BLOCKED'] });
			const healthStatus = {
				type: 'object',
				required: ['can_send_message'],
				properties: {
					can_send_message: level(),
					entities: {
						type: 'array',
						items: {
							type: 'object',
							required: ['entity_type', 'id', 'can_send_message'],
							properties: {
								entity_type: {
									type: 'string',
									enum: ['PHONE_NUMBER', 'WABA', 'BUSINESS', 'APP', 'MESSAGE_TEMPLATE'],
								},
								id: { type: 'string' },
								can_send_message: level(),
								errors: {
									type: 'array',
									items: {
										type: 'object',
										properties: {
											error_code: { type: 'integer' },
											error_description: { type: 'string' },
											possible_solution: { type: 'string' },
										},
									},
								},
								additional_info: { type: 'array', items: { type: 'string' } },
							},
						},
					},
				},
			};
			(schema(document, 'WhatsAppBusinessAccountPhoneNumber').properties as Json).health_status =
				structuredClone(healthStatus);
			(schema(document, 'PhoneNumberInfo').properties as Json).health_status =
				structuredClone(healthStatus);
		},
	},
	{
		what: "User-Agent: an optional header whose pattern describes Meta's SDKs (name/1.2.3); the package sends n8n's own",
		source: 'meta_business_messaging_v23.0.openapi.yaml, components.parameters.UserAgent',
		apply(document) {
			for (const item of Object.values(document.paths as Record<string, Json>)) {
				for (const operation of Object.values(item) as Json[]) {
					if (Array.isArray(operation?.parameters)) {
						operation.parameters = (operation.parameters as Json[]).filter(
							(parameter) => parameter.$ref !== '#/components/parameters/UserAgent',
						);
					}
				}
			}
		},
	},
	{
		what: 'Content-Type is required only on requests with a body (the contract marks it required on GET whatsapp_business_profile too)',
		source: 'https://developers.facebook.com/docs/whatsapp/cloud-api/reference/business-profiles',
		apply(document) {
			const get = (
				(document.paths as Json)['/{Version}/{Phone-Number-ID}/whatsapp_business_profile'] as Json
			).get as Json;
			get.parameters = (get.parameters as Json[]).filter(
				(parameter) => parameter.$ref !== '#/components/parameters/ContentType',
			);
		},
	},
];

const YCLOUD_VERTICAL =
	'ycloud_v2.openapi.yaml, components.schemas.WhatsappPhoneNumberProfileVertical';

export const YCLOUD_CONTRACT_EXCEPTIONS: ContractException[] = [
	{
		what: 'an empty vertical: "This can be either an empty string or one of the accepted values" (the enum itself lacks "")',
		source: YCLOUD_VERTICAL,
		apply: (document) => extendEnums(document, ['OTHER', 'AUTO', 'PROF_SERVICES'], ['']),
	},
];

/**
 * A check the OpenAPI schema cannot express: the contract types `fields` as free text, so
 * the field names are checked here against the phone number's properties (with the
 * exceptions above), one messaging-limit field a Graph version, never both.
 */
type RequestRule = (document: Json, request: RecordedRequest, operationId: string) => string[];

const LIMIT_FIELDS = ['messaging_limit_tier', 'whatsapp_business_manager_messaging_limit'];

const metaPhoneNumberFields: RequestRule = (document, request, operationId) => {
	if (
		operationId !== 'getWhatsAppBusinessAccountPhoneNumbers' &&
		operationId !== 'getPhoneNumberById'
	)
		return [];
	const version = Number(/^\/v([0-9]+)\./.exec(request.path)?.[1]);
	const limitField = version >= 24 ? LIMIT_FIELDS[1] : LIMIT_FIELDS[0];
	const known = new Set([
		...Object.keys(schema(document, 'WhatsAppBusinessAccountPhoneNumber').properties as Json),
		...Object.keys(schema(document, 'PhoneNumberInfo').properties as Json),
	]);
	const asked = (request.query.fields ?? '').split(',').filter(Boolean);
	return asked
		.filter((field) => (LIMIT_FIELDS.includes(field) ? field !== limitField : !known.has(field)))
		.map(
			(field) =>
				`fields names ${field}, which a phone number does not have on Graph v${version} (source: ${MESSAGING_LIMITS})`,
		);
};

interface ContractSpec {
	/** The contract's file in test/reference/contracts, or `build`, which writes the document out. */
	file?: string;
	build?: () => Json;
	/** The operations the package calls; every other operation is removed. */
	operations: string[];
	exceptions: ContractException[];
	requestRules?: RequestRule[];
	/** The path of the contract's server URL that its paths are relative to (YCloud's https://api.ycloud.com/v2). */
	apiRoot?: string;
	/**
	 * Paths the simulator serves for another server of the provider that the contract does not
	 * describe (Sinch's OAuth2 token endpoint, auth.sinch.com): not checked, each with the reason.
	 */
	otherServers?: Array<{ path: string; why: string }>;
	/** String formats the contract uses that ajv does not know, each as the contract describes it. */
	formats?: Record<string, RegExp>;
}

const SPECS: Record<ContractName, ContractSpec> = {
	twilio: {
		file: 'twilio_messaging_v2.openapi.json',
		operations: [
			'ListChannelsSender',
			'CreateChannelsSender',
			'FetchChannelsSender',
			'UpdateChannelsSender',
			'DeleteChannelsSender',
		],
		exceptions: [],
	},
	meta: {
		file: 'meta_business_messaging_v23.0.openapi.yaml',
		operations: [
			'getWhatsAppBusinessAccountPhoneNumbers',
			'createWhatsAppBusinessAccountPhoneNumber',
			'getPhoneNumberById',
			'requestVerificationCode',
			'verifyPhoneNumberCode',
			'registerWhatsAppBusinessPhoneNumber',
			'deregisterPhoneNumber',
			'getWhatsAppBusinessProfile',
			'updateWhatsAppBusinessProfileInformation',
		],
		exceptions: META_CONTRACT_EXCEPTIONS,
		requestRules: [metaPhoneNumberFields],
	},
	ycloud: {
		file: 'ycloud_v2.openapi.yaml',
		operations: [
			'whatsapp_phone_number-list',
			'whatsapp_phone_number-retrieve',
			'whatsapp_phone_number-retrieve-profile',
			'whatsapp_phone_number-update-profile',
			'whatsapp_phone_number-update-displayName',
			'whatsapp_business_account-list',
			'whatsapp_business_account-retrieve',
		],
		exceptions: YCLOUD_CONTRACT_EXCEPTIONS,
		apiRoot: '/v2',
	},
	sinch: {
		build: sinchContractDocument,
		operations: [
			'WhatsappAccountsController_getAccount_v1',
			'WhatsappSendersController_listSenders_v1',
			'WhatsappSendersController_get_v1',
			'WhatsappSendersController_update_v1',
			'WhatsappSendersController_delete_v1',
			// Discard Pending Changes: the excerpt gives it no responses
			'WhatsappSendersController_deleteChanges_v1',
			'WhatsappSendersController_register_v1',
			'WhatsappSendersController_verify_v1',
		],
		exceptions: [],
		otherServers: [
			{
				path: '/oauth2/token',
				why: "auth.sinch.com's token endpoint: the excerpts name it only as the OAuth2 scheme's tokenUrl, without a contract",
			},
		],
		// WhatsappSenderInputVerifyDto.code: "Must be exactly 6 characters with no spaces"
		formats: { otp: /^\S{6}$/ },
	},
};

function keepOperations(document: Json, operations: string[]): void {
	const paths = document.paths as Record<string, Json>;
	for (const [route, item] of Object.entries(paths)) {
		for (const method of METHODS) {
			const operation = item[method] as Json | undefined;
			if (operation && !operations.includes(String(operation.operationId))) delete item[method];
		}
		if (!METHODS.some((method) => item[method])) delete paths[route];
	}
}

interface LoadedContract {
	/** The contract with its exceptions applied, before dereferencing. */
	document: Json;
	api: OpenAPIBackend;
	/** Per operation, the response statuses the contract describes. */
	statuses: Map<string, string[]>;
}

const documents = new Map<ContractName, Json>();

/** The contract as the provider wrote it (parsed once); loadContract works on a copy. */
function contractDocument(name: ContractName): Json {
	let document = documents.get(name);
	if (!document) {
		const { file, build } = SPECS[name];
		if (build) {
			document = build();
		} else {
			const text = readReferenceFile(`contracts/${file!}`);
			document = (file!.endsWith('.json') ? JSON.parse(text) : parseYaml(text)) as Json;
		}
		documents.set(name, document);
	}
	return document;
}

/** The examples the contract gives for an operation's answer with this status, by name ($refs resolved). */
export function contractExamples(
	name: ContractName,
	operationId: string,
	status: number,
): Record<string, unknown> {
	const document = contractDocument(name);
	for (const item of Object.values(document.paths as Record<string, Json>)) {
		for (const method of METHODS) {
			const operation = item[method] as Json | undefined;
			if (operation?.operationId !== operationId) continue;
			const content = (((operation.responses as Json)[String(status)] as Json)?.content as Json)?.[
				'application/json'
			] as Json | undefined;
			const examples = (content?.examples ?? {}) as Record<string, Json>;
			return Object.fromEntries(
				Object.entries(examples).map(([exampleName, example]) => {
					const reference =
						typeof example.$ref === 'string' ? example.$ref.split('/').pop()! : undefined;
					const resolved = reference
						? (((document.components as Json).examples as Json)[reference] as Json)
						: example;
					return [exampleName, resolved.value];
				}),
			);
		}
	}
	throw new Error(`the ${name} contract has no operation ${operationId}`);
}

const loaded = new Map<ContractName, Promise<LoadedContract>>();

export function loadContract(name: ContractName): Promise<LoadedContract> {
	let contract = loaded.get(name);
	if (!contract) {
		contract = (async () => {
			const spec = SPECS[name];
			const document = structuredClone(contractDocument(name));
			keepOperations(document, spec.operations);
			for (const exception of spec.exceptions) exception.apply(document);
			const amended = structuredClone(document);
			// quick: the contracts are taken as they are (Twilio's puts siblings beside $ref)
			const api = new OpenAPIBackend({
				definition: document as unknown as Document,
				apiRoot: spec.apiRoot,
				quick: true,
				strict: false,
				customizeAjv: (ajv) => {
					addFormats(ajv);
					for (const [format, pattern] of Object.entries(spec.formats ?? {}))
						ajv.addFormat(format, pattern);
					return ajv;
				},
			});
			await api.init();
			const statuses = new Map<string, string[]>();
			for (const operation of api.getOperations()) {
				statuses.set(String(operation.operationId), Object.keys(operation.responses ?? {}));
			}
			return { document: amended, api, statuses };
		})();
		loaded.set(name, contract);
	}
	return contract;
}

function describeErrors(
	errors: Array<{ instancePath?: string; message?: string; params?: unknown }> | null | undefined,
): string {
	return (errors ?? [])
		.map(
			(error) =>
				`${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params ?? {})}`,
		)
		.join('; ');
}

/** What the contract (with its exceptions) finds wrong in an answer of this operation; undefined when it is right. */
export async function responseViolations(
	name: ContractName,
	operationId: string,
	status: number,
	body: unknown,
): Promise<string | undefined> {
	const { api } = await loadContract(name);
	const result = api.validateResponse(body, operationId, status);
	return result.valid ? undefined : describeErrors(result.errors);
}

function parseJson(text: string): unknown {
	if (text === '') return undefined;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

/**
 * What the contract says is wrong with one request and its answer: an empty list when both
 * follow it. `response` is left out for answers a test injected (faults are not the
 * simulator's own answers) or that never came (a reset connection).
 */
export async function contractViolations(
	name: ContractName,
	request: RecordedRequest,
	response?: SimulatedResponse,
): Promise<string[]> {
	const { document, api, statuses } = await loadContract(name);
	if (SPECS[name].otherServers?.some((server) => server.path === request.path)) return [];
	const label = `${request.method} ${request.path}`;
	const body = parseJson(request.body);
	const openApiRequest = {
		method: request.method,
		path: request.path,
		query: request.query,
		headers: request.headers as Record<string, string>,
		body,
	};
	const operation = api.matchOperation(openApiRequest);
	if (!operation)
		return [`${label}: not an operation of the ${name} contract that the package calls`];
	const operationId = String(operation.operationId);
	const violations: string[] = [];
	const requestResult = api.validateRequest(openApiRequest, operation);
	if (!requestResult.valid)
		violations.push(`${label} (${operationId}) request: ${describeErrors(requestResult.errors)}`);
	for (const rule of SPECS[name].requestRules ?? []) {
		violations.push(
			...rule(document, request, operationId).map(
				(problem) => `${label} (${operationId}) request: ${problem}`,
			),
		);
	}
	if (response) {
		const described = statuses.get(operationId) ?? [];
		const status = String(response.status);
		if (described.length === 0) {
			// the contract describes no answer at all (the excerpt of Sinch's deleteChanges gives no
			// responses): there is nothing to hold the answer to, so it is left unchecked
		} else if (described.includes(status) || described.includes('default')) {
			// an empty answer (204 No Content) is null to the validator
			const responseBody =
				(response.rawBody === undefined ? response.body : parseJson(String(response.rawBody))) ??
				null;
			const errors = await responseViolations(name, operationId, response.status, responseBody);
			if (errors) violations.push(`${label} (${operationId}) response ${status}: ${errors}`);
		} else if (response.status < 400) {
			// an error status the contract does not describe (Twilio documents no error bodies) is not checked
			violations.push(
				`${label} (${operationId}) response ${status}: the contract describes only ${described.join(', ')}`,
			);
		}
	}
	return violations;
}
