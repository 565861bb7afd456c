import type { ProviderErrorDetail, ProviderRequest, TokenExchange } from './http';
import type { CreateField, SenderHandlers, SenderOperation } from './operations';

export interface ProviderAdapter {
	/** Value of the node's `provider` parameter. Saved workflows depend on it. */
	id: string;
	displayName: string;
	credentialType: string;
	defaultBaseUrl: string;
	/** Words the credential fields use, for a 401 message that tells the user what to check. */
	credentialHint: string;
	/** What it does for each operation it supports; every provider lists its senders. */
	handlers: Pick<SenderHandlers, 'list'> & Partial<SenderHandlers>;
	/** Secrets a listed sender carries (99digital's per-number apiKey): left out unless the user asks. */
	secretOutputFields?: readonly string[];
	/** Values of the provider's own status filter on list, if the API has one. */
	listStatusFilters?: readonly string[];
	/** The provider's error body in its own words; `request` is the request it answers (codes can differ per endpoint). */
	parseError(status: number, body: unknown, request: ProviderRequest): ProviderErrorDetail;
	/**
	 * What identifies the account behind a credential (Twilio's Account SID; for key-only
	 * providers the key itself, which the transport hashes before anything keeps it).
	 */
	accountIdentity(credentials: Record<string, unknown>): string;
	/** What a sender id of this provider looks like, checked before any request. */
	senderIdPattern?: { regex: RegExp; example: string; description: string };
	/** A sender's resource URL at the provider, if it has one: the id is the first group. */
	senderUrlPattern?: { regex: string; example: string };
	/** Fields Create asks for, besides the phone number; required ones are listed in requiredCreateFields. */
	createFields?: readonly CreateField[];
	requiredCreateFields?: readonly CreateField[];
	/** An answer that looks successful but says it failed (99digital's HTTP 200 "FAIL"). */
	checkBody?(body: unknown, request: ProviderRequest): ProviderErrorDetail | undefined;
	/** Non-secret credential fields the adapter builds paths from (Meta: WABA ID, Graph API version). */
	accountFields?: readonly string[];
	/** Short-lived access token exchanged for the credential's id and secret. */
	tokenExchange?: TokenExchange;
	/**
	 * The provider reports no quality rating and no messaging limit (its senders carry
	 * UNKNOWN and null): the trigger says that Quality Changed and Messaging Limit Changed
	 * never fire for it.
	 */
	withoutQualityAndLimit?: true;
	/**
	 * How long the provider documents a rate limit lasts once hit, waited after a 429 that
	 * carries no Retry-After (Gupshup: "cooldown … 1 minute" on its per-minute limits). A
	 * request may wait it out twice before it gives up.
	 */
	rateLimitCooldownMs?: number;
	/** What the trigger panel says about polling this provider: a documented rate limit that bounds the poll interval. */
	pollNotice?: string;
	/**
	 * The provider's documented request budget that listing draws on (docs/providers.md,
	 * "Request budgets"): requests an hour when it is a number, in its words, with its source.
	 * Absent when the provider documents none for these endpoints.
	 */
	requestBudget?: { perHour?: number; text: string; source: string };
	/** Verify may be sent without a code, and when (the field's hint): Sinch, for a number Meta has already verified. */
	verifyWithoutCode?: string;
	/** Request Code sends the language of the SMS or call (Meta); elsewhere the node does not ask for one. */
	codeLanguage?: true;
	/**
	 * What an operation does at this provider, in its words, where the operation's own
	 * description (written for version 1, for every provider) would tell another provider's
	 * rules: shown in version 2's operation list.
	 */
	operationDescriptions?: Partial<Record<SenderOperation, string>>;
	/** Delete cannot be undone at this provider: the node asks for an explicit confirmation, and says this. */
	deleteWarning?: string;
}
