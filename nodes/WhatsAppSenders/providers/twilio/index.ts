/** What the rest of the package uses of this provider: the table and the credential its adapter, the Create and Update fields Twilio's own rules. */
export { twilioAdapter } from './adapter';
export {
	TWILIO_PROFILE_VERTICALS,
	twilioVerticalSchema,
	voiceApplicationSidSchema,
} from './fieldRules';
