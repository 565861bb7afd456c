/**
 * The normalized sender every operation outputs, whatever the provider.
 * Field names are part of the package's public output: users map them in later nodes.
 */

export const QUALITY_RATINGS = ['GREEN', 'YELLOW', 'RED', 'UNKNOWN'] as const;
export type QualityRating = (typeof QUALITY_RATINGS)[number];

/**
 * ONLINE: can send. LIMITED: can send, but the provider reports a restriction or a coming
 * disablement of the number, its account, business or app (reasons in `offlineReasons`).
 * OFFLINE: cannot send. PENDING: being set up or reviewed, nothing for the user to do.
 * PENDING_VERIFICATION: waiting for the verification code. VERIFYING: code submitted, being checked.
 * NOT_FOUND: a number the user named that the provider does not return for this account
 * (Infobip answers only for "senders associated with your account"): not a healthy sender,
 * and not a removal either.
 * UNKNOWN: a status this package does not know yet; `providerStatus` carries the provider's own word.
 */
export const SENDER_STATUSES = [
	'ONLINE',
	'LIMITED',
	'OFFLINE',
	'PENDING',
	'PENDING_VERIFICATION',
	'VERIFYING',
	'NOT_FOUND',
	'UNKNOWN',
] as const;
export type SenderStatus = (typeof SENDER_STATUSES)[number];

/** Why a sender cannot send, or sends only with limits, in the provider's words. */
export interface OfflineReason {
	code: string | null;
	message: string | null;
	moreInfo: string | null;
	/** The provider's suggested fix (Meta's `possible_solution`), when it gives one. */
	solution?: string | null;
}

export interface Sender {
	provider: string;
	id: string;
	phoneNumber: string | null;
	displayName: string | null;
	status: SenderStatus;
	providerStatus: string | null;
	qualityRating: QualityRating;
	/** Business-initiated conversations per 24 h; null when unlimited or not reported. */
	messagingLimit: number | null;
	messagingLimitText: string | null;
	offlineReasons?: OfflineReason[];
	/** 99digital: whether the number is attached to an inbox of its "Online" product (not whether it can send). */
	onlineInbox?: { attached: boolean; accountId: string | null; inboxId: string | null };
	raw: Record<string, unknown>;
}
