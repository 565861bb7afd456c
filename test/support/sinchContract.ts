/**
 * Sinch's contract, transcribed by hand from the excerpts of Sinch's Provisioning API OpenAPI
 * bundle 1.2.117 in ../shared/provider-docs/sinch-provisioning-api-excerpts.yaml (a third-party
 * mirror, api-evangelist/sinch @ cc26b0a7; the excerpts are not parseable as they are, "..."
 * marks lines left out). Only what the excerpts state is written here:
 * - where the excerpt leaves out a property's type ("..."), the property is named without a
 *   type (anything is let through) rather than given an invented one;
 * - no schema sets additionalProperties: false, since the excerpts show only part of each;
 * - an operation the excerpt gives no responses for (deleteChanges) has none here, and
 *   providerContracts.ts leaves its answers unchecked;
 * - error statuses whose schema line the excerpt leaves out ("'404': ... sender_not_found ...")
 *   are given WhatsappPapiErrorDto, the one error body of the bundle, whose shape
 *   (errorCode, message, resolution) every shown error example has;
 * - the 3.1 `type: [string, 'null']` of the excerpt is written as 3.0's `nullable: true`.
 * Only the operations the package calls (or is about to call: deleteChanges) are here; create
 * (WhatsappSendersController_createSender_v1) is not called and is left out.
 */

type Json = Record<string, unknown>;

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });

/** A property given as `allOf: [$ref]` beside its description, as the excerpt writes it. */
const allOf = (name: string, extra: Json = {}): Json => ({ ...extra, allOf: [ref(name)] });

/** The excerpt's `type: [string, 'null']`, in OpenAPI 3.0. */
const nullableString = (bounds: Json): Json => ({ type: 'string', nullable: true, ...bounds });

const json = (schema: Json, description: string): Json => ({
	description,
	content: { 'application/json': { schema } },
});

/** An error answer: WhatsappPapiErrorDto with the error codes the excerpt names for it. */
const papiError = (codes: string): Json => json(ref('WhatsappPapiErrorDto'), codes);

/**
 * A path parameter the path template names; the excerpt shows `projectId` (required, in path,
 * no schema) only under listSenders, and no schema for either: any segment is let through.
 */
const pathParameter = (name: string): Json => ({ name, in: 'path', required: true, schema: {} });

/** The description of a response the excerpt leaves out ("'200': ... WhatsappSenderDto ..."). */
const LEFT_OUT = '(left out in the excerpt)';

export function sinchContractDocument(): Json {
	return {
		openapi: '3.0.3',
		// from "info:" of sinch-whatsapp-senders-api-openapi.yml
		info: { title: 'Provisioning WhatsApp Senders API (excerpts)', version: '1.2.117' },
		// from "servers:" of sinch-whatsapp-senders-api-openapi.yml
		servers: [{ url: 'https://provisioning.api.sinch.com', description: 'Production server' }],
		// from "security:" (one requirement naming all three schemes, as the excerpt writes it);
		// openapi-backend's request validation does not check security, the simulator does
		security: [{ BasicAuth: [], BearerAuth: [], OAuth2Production: [] }],
		paths: {
			// from paths./v1/projects/{projectId}/whatsapp of sinch-whatsapp-accounts-api-openapi.yml
			'/v1/projects/{projectId}/whatsapp': {
				parameters: [pathParameter('projectId')],
				get: {
					description: 'Returns an account for a project.',
					operationId: 'WhatsappAccountsController_getAccount_v1',
					responses: {
						'200': json(ref('WhatsappAccountDto'), LEFT_OUT),
						'401': papiError('unauthorized_error'),
						'404': papiError('account_not_found'),
						'409': papiError('account_data_is_corrupt'),
					},
				},
			},
			// from paths./v1/projects/{projectId}/whatsapp/senders (get) of sinch-whatsapp-senders-api-openapi.yml
			'/v1/projects/{projectId}/whatsapp/senders': {
				parameters: [pathParameter('projectId')],
				get: {
					description:
						'Returns a paginated list of senders for the specified project. If no page token is supplied then the first `50` will be returned.',
					operationId: 'WhatsappSendersController_listSenders_v1',
					parameters: [
						{ name: 'pageToken', required: false, in: 'query', schema: { type: 'string' } },
						{
							name: 'pageSize',
							required: false,
							in: 'query',
							schema: { type: 'number', minimum: 1, maximum: 100 },
						},
						// the excerpt leaves out the lines between the name and `items` of both filters:
						// `in: query` and `type: array` are read from the `items` it shows
						{
							name: 'filterStates',
							required: false,
							in: 'query',
							schema: { type: 'array', items: ref('WhatsappSenderStatesEnum') },
						},
						{
							name: 'filterStatuses',
							required: false,
							in: 'query',
							schema: { type: 'array', items: ref('WhatsappSenderStatusesEnum') },
						},
					],
					responses: {
						'200': json(ref('WhatsappSenderListDto'), 'List of senders'),
						'400': papiError('invalid_page_token / invalid_page_size / project_not_initialized'),
						'401': papiError('unauthorized_error'),
						'404': papiError('sender_not_found'),
						'500': papiError('internal_error'),
					},
				},
			},
			// from paths./v1/projects/{projectId}/whatsapp/senders/{senderId} of sinch-whatsapp-senders-api-openapi.yml
			'/v1/projects/{projectId}/whatsapp/senders/{senderId}': {
				parameters: [pathParameter('projectId'), pathParameter('senderId')],
				get: {
					description: 'Returns a sender for a project.',
					operationId: 'WhatsappSendersController_get_v1',
					responses: {
						'200': json(ref('WhatsappSenderDto'), LEFT_OUT),
						'404': papiError('sender_not_found'),
					},
				},
				delete: {
					description:
						'Marks a sender for removal. Once requested the sender will be active for 30 days to send final messages. After 30 days it will be removed.',
					operationId: 'WhatsappSendersController_delete_v1',
					responses: {
						'204': { description: 'Sender deleted' },
						'409': papiError('sender_already_deleted'),
					},
				},
				patch: {
					description:
						'Updates a sender in project. Pending sender updates are tracked in "changes", except "displayName", which is tracked in "metadata.displayName".',
					operationId: 'WhatsappSendersController_update_v1',
					requestBody: {
						required: true,
						description: 'Supported sender fields to update',
						content: { 'application/json': { schema: ref('WhatsappUpdateSenderInputDto') } },
					},
					responses: {
						'200': json(ref('WhatsappSenderDto'), LEFT_OUT),
						'400': papiError('invalid_input / no_fields_to_update'),
						'409': papiError('sender_not_updatable / sender_changes_not_updatable'),
					},
				},
			},
			// from paths./v1/projects/{projectId}/whatsapp/senders/{senderId}/changes of sinch-whatsapp-senders-api-openapi.yml
			'/v1/projects/{projectId}/whatsapp/senders/{senderId}/changes': {
				parameters: [pathParameter('projectId'), pathParameter('senderId')],
				delete: {
					description: 'Delete pending or rejected changes to a sender.',
					operationId: 'WhatsappSendersController_deleteChanges_v1',
					// the excerpt gives no responses: its answers are left unchecked
					responses: {},
				},
			},
			// from paths./v1/projects/{projectId}/whatsapp/senders/{senderId}/register of sinch-whatsapp-senders-api-openapi.yml
			'/v1/projects/{projectId}/whatsapp/senders/{senderId}/register': {
				parameters: [pathParameter('projectId'), pathParameter('senderId')],
				post: {
					description:
						'Triggers sender registration with the requested method. An OTP code will be sent over the requested method that will need to be used in the Verify sender endpoint.',
					operationId: 'WhatsappSendersController_register_v1',
					requestBody: {
						required: true,
						content: { 'application/json': { schema: ref('WhatsappSenderInputRegisterDto') } },
					},
					responses: {
						'200': json(ref('WhatsappSenderRegisterDto'), LEFT_OUT),
						'409': papiError('not_allowed_register'),
						'429': papiError('sender-register-too-many-requests'),
					},
				},
			},
			// from paths./v1/projects/{projectId}/whatsapp/senders/{senderId}/verify of sinch-whatsapp-senders-api-openapi.yml
			'/v1/projects/{projectId}/whatsapp/senders/{senderId}/verify': {
				parameters: [pathParameter('projectId'), pathParameter('senderId')],
				post: {
					description: 'Verify sender with the OTP received after triggering registration.',
					operationId: 'WhatsappSendersController_verify_v1',
					requestBody: {
						required: true,
						content: { 'application/json': { schema: ref('WhatsappSenderInputVerifyDto') } },
					},
					responses: {
						'204': { description: 'Sender verified' },
						'409': papiError('not_allowed_verify / wrong_otp'),
					},
				},
			},
		},
		components: {
			schemas: {
				// from components.schemas.WhatsappSenderListDto
				WhatsappSenderListDto: {
					type: 'object',
					properties: {
						totalSize: { type: 'number' },
						pageSize: { type: 'number' },
						previousPageToken: { type: 'string' },
						nextPageToken: { type: 'string' },
						senders: { type: 'array', items: ref('WhatsappSenderDto') },
					},
					required: ['totalSize', 'pageSize', 'senders'],
				},
				// from components.schemas.WhatsappSenderDto; the excerpt leaves out some properties ("..."),
				// among them five it requires (region, metaLocalStorage, cloudApi, businessManager,
				// compatibleRegions): those are required here with no type
				WhatsappSenderDto: {
					type: 'object',
					properties: {
						id: { type: 'string' },
						state: allOf('WhatsappSenderStatesEnum'),
						changes: allOf('WhatsappSenderChangesDto'),
						// WhatsappSenderDetailsDto is not in the excerpts
						details: {},
						qualityRating: allOf('WhatsappQualityRatingEnum'),
						dailyLimit: allOf('WhatsappDailyLimitEnum', { deprecated: true }),
						bearerToken: { type: 'string' },
						countryCode: { type: 'string' },
						phoneNumber: { type: 'string' },
						wabaBanState: allOf('WhatsappWabaBanStatesEnum', { deprecated: true }),
						wabaBanDate: { type: 'string', deprecated: true },
						region: {},
						metaLocalStorage: {},
						cloudApi: {},
						businessManager: {},
						compatibleRegions: {},
					},
					required: [
						'id',
						'region',
						'metaLocalStorage',
						'cloudApi',
						'businessManager',
						'compatibleRegions',
					],
				},
				// from components.schemas.WhatsappSenderStatesEnum
				WhatsappSenderStatesEnum: {
					type: 'string',
					enum: ['ACTIVE', 'IN_PROGRESS', 'INACTIVE', 'PENDING_VERIFICATION', 'SUSPENDED', 'ERROR'],
				},
				// from components.schemas.WhatsappSenderStatusesEnum
				WhatsappSenderStatusesEnum: {
					type: 'string',
					enum: ['DRAFT', 'ERROR', 'IN_PROGRESS', 'MULTIPLE_WABA_ERROR', 'REJECTED'],
				},
				// from components.schemas.WhatsappSenderChangesDto; the lines after `status:` and `errorCode:` and
				// all of `details` are left out by the excerpt
				WhatsappSenderChangesDto: {
					type: 'object',
					properties: {
						status: allOf('WhatsappSenderStatusesEnum'),
						details: {},
						errorReason: { type: 'string' },
						// WhatsappSenderErrorCodeEnum is not in the excerpts
						errorCode: {},
					},
					required: ['status'],
				},
				// from components.schemas.WhatsappQualityRatingEnum
				WhatsappQualityRatingEnum: {
					type: 'string',
					enum: ['GREEN', 'RED', 'YELLOW', 'UNKNOWN', 'UNRECOGNIZED'],
				},
				// from components.schemas.WhatsappDailyLimitEnum
				WhatsappDailyLimitEnum: {
					type: 'string',
					enum: [
						'NOT_SET',
						'TIER_100K',
						'TIER_10K',
						'TIER_1K',
						'TIER_250',
						'TIER_2K',
						'TIER_50',
						'TIER_UNLIMITED',
						'UNRECOGNIZED',
					],
				},
				// from components.schemas.WhatsappUpdateSenderInputDto
				WhatsappUpdateSenderInputDto: {
					type: 'object',
					properties: {
						status: allOf('WhatsappActionsEnum', { default: 'DRAFT' }),
						details: allOf('WhatsappUpdateSenderInputDetailsDto'),
					},
				},
				// from components.schemas.WhatsappActionsEnum
				WhatsappActionsEnum: { type: 'string', enum: ['DRAFT', 'SUBMIT'] },
				// from components.schemas.WhatsappUpdateSenderInputDetailsDto; the excerpt leaves out the lines
				// before vertical's allOf and all of photoUrl and username
				WhatsappUpdateSenderInputDetailsDto: {
					type: 'object',
					properties: {
						displayName: { type: 'string', minLength: 1, maxLength: 128 },
						description: nullableString({ minLength: 1, maxLength: 512 }),
						vertical: allOf('WhatsappSenderInputWhatsAppVerticalEnum'),
						email: nullableString({ format: 'email', maxLength: 128 }),
						address: nullableString({ minLength: 1, maxLength: 256 }),
						websiteOne: nullableString({ format: 'url', maxLength: 256 }),
						websiteTwo: nullableString({ format: 'url', maxLength: 256 }),
						about: nullableString({ minLength: 1, maxLength: 139 }),
						photoUrl: {},
						username: {},
					},
				},
				// from components.schemas.WhatsappSenderInputWhatsAppVerticalEnum
				WhatsappSenderInputWhatsAppVerticalEnum: {
					type: 'string',
					enum: [
						'ALCOHOL',
						'AUTOMOTIVE',
						'BEAUTY_SPA_SALON',
						'CLOTHING_AND_APPAREL',
						'EDUCATION',
						'ENTERTAINMENT',
						'EVENT_PLANNING_AND_SERVICE',
						'FINANCE_AND_BANKING',
						'FOOD_AND_GROCERY',
						'HOTEL_AND_LODGING',
						'MEDICAL_AND_HEALTH',
						'NON_PROFIT',
						'ONLINE_GAMBLING',
						'OTC_DRUGS',
						'OTHER',
						'PHYSICAL_GAMBLING',
						'PROFESSIONAL_SERVICES',
						'PUBLIC_SERVICE',
						'RESTAURANT',
						'SHOPPING_AND_RETAIL',
						'TRAVEL_AND_TRANSPORTATION',
					],
				},
				// from components.schemas.WhatsappSenderInputRegisterDto
				WhatsappSenderInputRegisterDto: {
					type: 'object',
					properties: { method: allOf('WhatsappSenderInputRegistrationMethodEnum') },
					required: ['method'],
				},
				// from components.schemas.WhatsappSenderInputRegistrationMethodEnum
				WhatsappSenderInputRegistrationMethodEnum: { type: 'string', enum: ['SMS', 'VOICE'] },
				// from components.schemas.WhatsappSenderRegisterDto; the excerpt leaves out the schemas of id and method
				WhatsappSenderRegisterDto: {
					type: 'object',
					properties: {
						id: {},
						method: {},
						accepted: { type: 'string' },
						verificationCodeSent: { type: 'boolean' },
					},
					required: ['id', 'method', 'accepted', 'verificationCodeSent'],
				},
				// from components.schemas.WhatsappSenderInputVerifyDto: `code` is not required ("Not required if the
				// sender number is already verified by Meta"); its format otp is defined in providerContracts.ts
				// from its description ("exactly 6 characters with no spaces")
				WhatsappSenderInputVerifyDto: {
					type: 'object',
					properties: { code: { type: 'string', format: 'otp', example: '123456' } },
				},
				// from components.schemas.WhatsappPapiErrorDto
				WhatsappPapiErrorDto: {
					type: 'object',
					properties: {
						errorCode: { type: 'string' },
						message: { type: 'string' },
						resolution: { type: 'string' },
						additionalInformation: {
							type: 'object',
							additionalProperties: { oneOf: [{ type: 'array', items: { type: 'string' } }] },
						},
					},
					required: ['errorCode', 'message', 'resolution'],
				},
				// from components.schemas.WhatsappWabaBanStatesEnum
				WhatsappWabaBanStatesEnum: {
					type: 'string',
					enum: ['DISABLE', 'REINSTATE', 'SCHEDULE_FOR_DISABLE', 'UNRECOGNIZED'],
				},
				// from components.schemas.WhatsappAccountDto of sinch-whatsapp-accounts-api-openapi.yml; the excerpt
				// leaves out some properties, among them three it requires (businessManager,
				// wabaMaxPriceOnboarded, compatibleRegions), required here with no type, and the lines
				// before businessDailyLimit's description
				WhatsappAccountDto: {
					type: 'object',
					properties: {
						state: allOf('WhatsappAccountStateEnum'),
						isEmbeddedSignup: { type: 'boolean' },
						wabaId: { type: 'string' },
						wabaBanState: allOf('WhatsappWabaBanStatesEnum'),
						wabaBanDate: { type: 'string' },
						businessDailyLimit: allOf('WhatsappDailyLimitEnum'),
						currency: { type: 'string' },
						businessManager: {},
						wabaMaxPriceOnboarded: {},
						compatibleRegions: {},
					},
					required: [
						'isEmbeddedSignup',
						'businessManager',
						'wabaMaxPriceOnboarded',
						'compatibleRegions',
					],
				},
				// from components.schemas.WhatsappAccountStateEnum of sinch-whatsapp-accounts-api-openapi.yml
				WhatsappAccountStateEnum: {
					type: 'string',
					enum: ['ONBOARDED', 'PENDING_FACEBOOK_VERIFICATION', 'REJECTED'],
				},
			},
			// from components.securitySchemes
			securitySchemes: {
				BasicAuth: { type: 'http', scheme: 'basic' },
				BearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
				OAuth2Production: {
					type: 'oauth2',
					description: 'OAuth2 authorization for production',
					flows: {
						clientCredentials: {
							tokenUrl: 'https://auth.sinch.com/oauth2/token',
							scopes: { '-': '-' },
						},
					},
				},
			},
		},
	};
}
