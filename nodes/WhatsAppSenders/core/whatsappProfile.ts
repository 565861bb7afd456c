import { z } from 'zod';

import { toE164 } from './normalize';
import { isHttpsOrLocal } from './url';

/**
 * WhatsApp's rules for a business profile and the values around a sender, shared by every
 * provider that creates or updates senders (Twilio passes the profile on to Meta). Limits
 * are those of Meta's contract (WhatsAppBusinessProfileUpdateRequest, PhoneNumberCreateRequest):
 * about 1–139 characters, address 256, description 256, email 128, at most 2 websites of 256,
 * display name (verified_name) 2–75.
 */
export const PROFILE_LIMITS = {
	about: 139,
	address: 256,
	description: 256,
	email: 128,
	website: 256,
	websites: 2,
	emails: 2,
	nameMin: 2,
	name: 75,
};

/** Meta's vertical codes, exactly the enum of its contract's WhatsAppBusinessVertical (profile update and read). */
export const META_PROFILE_VERTICALS = [
	'OTHER',
	'AUTO',
	'BEAUTY',
	'APPAREL',
	'EDU',
	'ENTERTAIN',
	'EVENT_PLAN',
	'FINANCE',
	'GROCERY',
	'GOVT',
	'HOTEL',
	'HEALTH',
	'NONPROFIT',
	'PROF_SERVICES',
	'RETAIL',
	'TRAVEL',
	'RESTAURANT',
	'ALCOHOL',
	'ONLINE_GAMBLING',
	'PHYSICAL_GAMBLING',
	'OTC_DRUGS',
] as const;

/** "+" and 8–15 digits, nothing else: what providers accept as a sender number. */
const E164 = /^\+[1-9][0-9]{7,14}$/;

/**
 * Meta's vertical codes in the long words Sinch and Infobip both use (their enums differ in
 * BEAUTY's word and in which of Meta's newer verticals they have: each adapter adds those).
 */
export const VERTICAL_WORDS: Readonly<Record<string, string>> = {
	OTHER: 'OTHER',
	AUTO: 'AUTOMOTIVE',
	APPAREL: 'CLOTHING_AND_APPAREL',
	EDU: 'EDUCATION',
	ENTERTAIN: 'ENTERTAINMENT',
	EVENT_PLAN: 'EVENT_PLANNING_AND_SERVICE',
	FINANCE: 'FINANCE_AND_BANKING',
	GROCERY: 'FOOD_AND_GROCERY',
	GOVT: 'PUBLIC_SERVICE',
	HOTEL: 'HOTEL_AND_LODGING',
	HEALTH: 'MEDICAL_AND_HEALTH',
	NONPROFIT: 'NON_PROFIT',
	PROF_SERVICES: 'PROFESSIONAL_SERVICES',
	RETAIL: 'SHOPPING_AND_RETAIL',
	TRAVEL: 'TRAVEL_AND_TRANSPORTATION',
	RESTAURANT: 'RESTAURANT',
};

export const e164Schema = z
	.string({ invalid_type_error: 'must be text like +14155550100' })
	.trim()
	.refine((value) => E164.test(value), {
		message:
			'must be an E.164 number: "+", country code and number, 8 to 15 digits, e.g. +14155550100',
	});

/** A URL a provider will call or show: https, or http only to this machine. */
export const webUrlSchema = z
	.string({ invalid_type_error: 'must be text' })
	.trim()
	.superRefine((value, context) => {
		if (!URL.canParse(value)) {
			context.addIssue({ code: z.ZodIssueCode.custom, message: 'is not a URL' });
			return;
		}
		if (!isHttpsOrLocal(new URL(value))) {
			context.addIssue({
				code: z.ZodIssueCode.custom,
				message: 'must start with https:// (http:// only for localhost)',
			});
		}
	});

export const emailSchema = z
	.string()
	.trim()
	.max(PROFILE_LIMITS.email, `must be at most ${PROFILE_LIMITS.email} characters`)
	.email('is not an email address');

/** Splits a comma-separated field, dropping empty entries. */
export function splitList(value: string): string[] {
	return value
		.split(',')
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');
}

export function listOf<T extends z.ZodTypeAny>(item: T, max: number, what: string) {
	return z
		.string({ invalid_type_error: `must be text: ${what} separated by commas` })
		.transform(splitList)
		.pipe(z.array(item).max(max, `takes at most ${max} ${what}`));
}

export const verificationCodeSchema = z
	.string({ invalid_type_error: 'must be the 6-digit code as text' })
	.trim()
	.regex(/^[0-9]{6}$/, 'must be the 6-digit code sent by SMS or voice call');

/**
 * A number written with spaces, dots, dashes or brackets ("+1 (415) 555-0100") is taken as
 * the E.164 it spells; anything else is left for the E.164 check to refuse. Only numbers that
 * start with "+" are normalized, so a missing country code is never guessed.
 */
export function normalizePhoneInput(value: unknown): unknown {
	if (typeof value !== 'string' || !/^\+[0-9][0-9\s().-]*$/.test(value.trim())) return value;
	return toE164(value) ?? value;
}

/** A profile text of at most `max` characters. */
export const profileTextSchema = (max: number) =>
	z.string({ invalid_type_error: 'must be text' }).max(max, `must be at most ${max} characters`);

export const emailsSchema = listOf(emailSchema, PROFILE_LIMITS.emails, 'emails');

export const websitesSchema = listOf(
	webUrlSchema.pipe(
		z.string().max(PROFILE_LIMITS.website, `must be at most ${PROFILE_LIMITS.website} characters`),
	),
	PROFILE_LIMITS.websites,
	'websites',
);

/** The display name Meta reviews (verified_name). */
export const profileNameSchema = z
	.string({ invalid_type_error: 'must be text' })
	.trim()
	.min(1, 'is required: it is the display name Meta reviews')
	.min(PROFILE_LIMITS.nameMin, `must be at least ${PROFILE_LIMITS.nameMin} characters`)
	.max(PROFILE_LIMITS.name, `must be at most ${PROFILE_LIMITS.name} characters`);

export const wabaIdSchema = z
	.string({ invalid_type_error: 'must be the WhatsApp Business Account ID as text' })
	.trim()
	.regex(/^[0-9]{5,20}$/, 'must be the numeric WhatsApp Business Account ID from WhatsApp Manager');

/** The country calling code a number starts with, digits only (Meta asks for it apart from the number). */
export const countryCodeSchema = z
	.string({ invalid_type_error: 'must be digits' })
	.trim()
	.regex(/^[1-9][0-9]{0,2}$/, 'must be the 1 to 3 digit country calling code, e.g. 1 or 972');

/** A country code given apart from the number must be the start of it (both already checked on their own). */
export function countryCodeStartsNumber(
	input: { phoneNumber?: string; countryCode?: string },
	context: z.RefinementCtx,
): void {
	if (input.countryCode && !input.phoneNumber?.startsWith(`+${input.countryCode}`)) {
		context.addIssue({
			code: z.ZodIssueCode.custom,
			path: ['countryCode'],
			message: `must be the start of the phone number (${input.phoneNumber})`,
		});
	}
}

/** How the verification code comes: by SMS or by voice call. */
export const verificationMethodSchema = z.enum(['sms', 'voice'], {
	errorMap: () => ({ message: 'must be sms or voice' }),
});

export const webhookMethodSchema = z.enum(['POST', 'PUT'], {
	errorMap: () => ({ message: 'must be POST or PUT' }),
});

/** Meta's own business profile (Update Business Profile): one email, its vertical codes, a picture handle. */
export const metaProfileSchema = z.object({
	about: profileTextSchema(PROFILE_LIMITS.about).optional(),
	address: profileTextSchema(PROFILE_LIMITS.address).optional(),
	description: profileTextSchema(PROFILE_LIMITS.description).optional(),
	email: emailSchema.optional(),
	vertical: z
		.enum(META_PROFILE_VERTICALS, {
			errorMap: () => ({ message: `must be one of: ${META_PROFILE_VERTICALS.join(', ')}` }),
		})
		.optional(),
	websites: websitesSchema.optional(),
	profilePictureHandle: z.string({ invalid_type_error: 'must be text' }).trim().min(1).optional(),
});
