/** What the rest of the package (the provider table, the credential) uses of this provider. */
export { twilioAdapter } from './adapter';
export {
	TWILIO_PROFILE_VERTICALS,
	twilioVerticalSchema,
	voiceApplicationSidSchema,
} from './senderFields';
