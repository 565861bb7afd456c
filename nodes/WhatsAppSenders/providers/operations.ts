import type { Sender } from '../core/sender';
import type { ProviderHttp } from './http';

export interface ListSendersOptions {
	/** Stop after this many senders; undefined returns all. */
	limit?: number;
	/** Provider status filter where the API offers one ("online" | "all" on Autocalls/Famulor). */
	statusFilter?: string;
	/** Keep per-number secrets (99digital's apiKey) in the output; off unless the user asks. */
	includeSecrets?: boolean;
	/**
	 * Hands each page's senders over as soon as they are mapped, so the caller keeps only what
	 * it needs and each parsed page can be freed at once (the trigger keeps fingerprints, not
	 * 10,000 raw senders). A paging adapter then returns none itself; an adapter that lists in
	 * one go may ignore it and return the list: each sender reaches the caller exactly once.
	 */
	onPage?: (senders: Sender[]) => void;
	/** Something the user should know about a listing that still succeeded (Sinch's account could not be read). */
	onNotice?: (message: string) => void;
}

/**
 * What each operation of the node asks of a provider, keyed by operation. An adapter
 * implements the ones its API offers, and those are the operations the node offers for it.
 */
export interface SenderHandlers {
	list(http: ProviderHttp, options: ListSendersOptions): Promise<Sender[]>;
	get(http: ProviderHttp, id: string): Promise<Sender>;
	/** Never repeated after it may have reached the provider (see transport retry rules). */
	create(http: ProviderHttp, input: CreateSenderInput): Promise<Sender>;
	requestCode(
		http: ProviderHttp,
		id: string,
		input: RequestCodeInput,
	): Promise<Record<string, unknown>>;
	/** `code` is undefined only for a provider whose adapter sets `verifyWithoutCode`. */
	verify(http: ProviderHttp, id: string, code: string | undefined): Promise<Sender>;
	register(http: ProviderHttp, id: string, pin: string): Promise<Sender>;
	update(http: ProviderHttp, id: string, input: UpdateSenderInput): Promise<Sender>;
	getProfile(http: ProviderHttp, id: string): Promise<Record<string, unknown>>;
	updateProfile(
		http: ProviderHttp,
		id: string,
		profile: BusinessProfileInput,
	): Promise<Record<string, unknown>>;
	/** Drops the profile changes submitted and not applied yet; outputs the profile after. */
	discardChanges(http: ProviderHttp, id: string): Promise<Record<string, unknown>>;
	/** Asks for a new display name, which Meta reviews; the output says the review status. */
	updateDisplayName(
		http: ProviderHttp,
		id: string,
		displayName: string,
	): Promise<Record<string, unknown>>;
	deregister(http: ProviderHttp, id: string): Promise<Sender>;
	delete(http: ProviderHttp, id: string): Promise<void>;
	listRegistered(http: ProviderHttp): Promise<RegisteredNumber[]>;
	getUsage(http: ProviderHttp): Promise<Record<string, unknown>>;
}

export type SenderOperation = keyof SenderHandlers;

/** What a provider's create asks for beyond the phone number; the Create operation shows these fields. */
export type CreateField =
	| 'wabaId'
	| 'profileName'
	| 'countryCode'
	| 'verificationMethod'
	| 'businessProfile'
	| 'webhook'
	| 'voiceApplicationSid';

export interface SenderProfileInput {
	name?: string;
	about?: string;
	address?: string;
	description?: string;
	emails?: string[];
	logoUrl?: string;
	vertical?: string;
	websites?: string[];
}

export type WebhookMethod = 'POST' | 'PUT';

export interface SenderWebhookInput {
	callbackUrl?: string;
	callbackMethod?: WebhookMethod;
	fallbackUrl?: string;
	fallbackMethod?: WebhookMethod;
	statusCallbackUrl?: string;
	statusCallbackMethod?: WebhookMethod;
}

export interface SenderConfigurationInput {
	wabaId?: string;
	verificationMethod?: 'sms' | 'voice';
	voiceApplicationSid?: string;
}

/** Validated by the Create operation against the provider's `createFields` before any request. */
export interface CreateSenderInput {
	/** E.164. */
	phoneNumber: string;
	/** Country calling code, digits only; the start of phoneNumber (Meta asks for it apart). */
	countryCode?: string;
	configuration: SenderConfigurationInput;
	profile: SenderProfileInput;
	webhook: SenderWebhookInput;
}

/** Meta's business profile fields; only the ones set are sent. */
export interface BusinessProfileInput {
	about?: string;
	address?: string;
	description?: string;
	email?: string;
	vertical?: string;
	websites?: string[];
	profilePictureHandle?: string;
}

export interface RequestCodeInput {
	method: 'sms' | 'voice';
	/** Meta's language code, e.g. en_US. */
	language: string;
}

/** A number registered and verified at the provider, waiting to be connected (99digital). */
export interface RegisteredNumber {
	provider: string;
	phoneNumber: string | null;
	expiresAt: string | null;
	onboardingLink: string | null;
	comment: string | null;
	raw: Record<string, unknown>;
}

/** Only what the user set; nothing else is sent. */
export interface UpdateSenderInput {
	configuration: SenderConfigurationInput;
	profile: SenderProfileInput;
	webhook: SenderWebhookInput;
}
