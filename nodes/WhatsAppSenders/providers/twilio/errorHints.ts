/**
 * What to do about Twilio's WhatsApp sender errors (codes from Twilio's Senders API guide).
 * The provider's code, message and more_info link are always kept next to the hint.
 */
export const TWILIO_ERROR_HINTS: Record<string, string> = {
	// 20003 (authentication failed) has no entry: every rejected credential already says what to check
	'20404': 'No sender with this SID in the account: check the SID, or whether it was deleted.',
	'20429':
		'Twilio is limiting concurrent requests; the node retried with backoff. Run it again later or lower the number of parallel executions.',
	'63100':
		'Twilio rejected a value of the request: check the fields named in the message (number format, WABA ID, profile fields).',
	'63104':
		'The WhatsApp Business Account has reached its maximum number of phone numbers. Remove a number in WhatsApp Manager or ask Meta for a higher limit.',
	'63110':
		'The number is already registered on WhatsApp (for example in the WhatsApp app or with another provider). Delete it there, or migrate it, before registering it here.',
	'63111':
		'Meta could not find the number or the WhatsApp Business Account: check the WABA ID and that the number belongs to it.',
	'63113':
		'The sender cannot be verified: check the code (it is the latest one sent), or request a new one by creating the sender again with the other verification method.',
	'63114':
		'Too many verification codes were requested for this number. Wait before asking for another code.',
	'63116':
		'The one-time code did not arrive, so automatic registration failed. Make sure the number can receive SMS or voice calls and try again.',
};
