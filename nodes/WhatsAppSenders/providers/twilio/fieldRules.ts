/** Twilio's own rules for the Create and Update fields only Twilio takes (actions/senderFields.ts). */
import { z } from 'zod';

/** Twilio's profile verticals, as its Senders API contract lists them (display words, not Meta's codes). */
export const TWILIO_PROFILE_VERTICALS = [
	'Alcohol',
	'Automotive',
	'Beauty, Spa and Salon',
	'Clothing and Apparel',
	'Education',
	'Entertainment',
	'Event Planning and Service',
	'Finance and Banking',
	'Food and Grocery',
	'Hotel and Lodging',
	'Matrimony Service',
	'Medical and Health',
	'Non-profit',
	'Online Gambling',
	'OTC Drugs',
	'Other',
	'Physical Gambling',
	'Professional Services',
	'Public Service',
	'Restaurant',
	'Shopping and Retail',
	'Travel and Transportation',
] as const;

export const twilioVerticalSchema = z.enum(TWILIO_PROFILE_VERTICALS, {
	errorMap: () => ({
		message: `must be one of Twilio's verticals: ${TWILIO_PROFILE_VERTICALS.join(', ')}`,
	}),
});

/** A Twilio Voice application for calls to the number. */
export const voiceApplicationSidSchema = z
	.string()
	.trim()
	.regex(/^AP[0-9a-fA-F]{32}$/, 'must be AP followed by 32 hexadecimal characters');
