import { asRecord } from './json';
import { textOrNull } from './normalize';
import type { OfflineReason, Sender } from './sender';

/**
 * "Can this number send?" as a provider answers it above the number: Meta's `health_status`
 * (number, WABA, business, app), Sinch's account `wabaBanState`, YCloud's WABA, Gupshup's
 * `canSendMessage`. BLOCKED: nothing can be sent. LIMITED: sending goes on with a restriction,
 * or the provider announces a disablement.
 */
export interface SendingBlock {
	level: 'LIMITED' | 'BLOCKED';
	/** The provider's word that says so (BLOCKED, DISABLE, SCHEDULE_FOR_DISABLE…). */
	word: string;
	/** The provider's reasons and fixes, in its words; at least one. */
	reasons: OfflineReason[];
}

/**
 * The sender as it can really send: BLOCKED makes it OFFLINE, LIMITED makes an ONLINE sender
 * LIMITED; the reasons come first, the number's own after them, and `providerStatus` carries
 * both words ("CONNECTED/BLOCKED"), so the trigger sees a change from one cause to another.
 * A sender that is already OFFLINE for its own reason keeps that status.
 */
export function applySendingBlock(sender: Sender, block: SendingBlock | undefined): Sender {
	if (!block) return sender;
	const status =
		block.level === 'BLOCKED' ? 'OFFLINE' : sender.status === 'ONLINE' ? 'LIMITED' : sender.status;
	return {
		...sender,
		status,
		// Gupshup's providerStatus already holds its canSendMessage word
		providerStatus: sender.providerStatus?.split('/').includes(block.word)
			? sender.providerStatus
			: `${sender.providerStatus ?? '-'}/${block.word}`,
		offlineReasons: [...block.reasons, ...(sender.offlineReasons ?? [])],
	};
}

/**
 * The `errors` of Meta's health_status ({error_code, error_description, possible_solution}),
 * which Gupshup's Get Waba Info relays as they are, as reasons: `about` names what they are
 * about ("WhatsApp Business Account 1234"), `info` is Meta's additional_info.
 */
export function healthErrorReasons(
	errors: unknown,
	about: string,
	info: string | null,
): OfflineReason[] {
	const list = Array.isArray(errors)
		? errors.map(asRecord).filter((error) => error !== undefined)
		: [];
	return list.map((error) => ({
		code: textOrNull(error.error_code),
		message: `${about}: ${textOrNull(error.error_description) ?? 'no description given.'}`,
		moreInfo: info,
		solution: textOrNull(error.possible_solution),
	}));
}

/** Meta's additional_info (a list of sentences) as one text, or null. */
export function additionalInfo(value: unknown): string | null {
	return Array.isArray(value) && value.length > 0 ? value.map(String).join(' ') : null;
}
