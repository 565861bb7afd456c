import type {
	CreateSenderInput,
	SenderProfileInput,
	SenderWebhookInput,
	UpdateSenderInput,
} from '../types';

/** Request bodies of the Senders API (JSON, snake_case as in the OpenAPI contract). Pure. */

type Body = Record<string, unknown>;

function compact(body: Body): Body | undefined {
	const entries = Object.entries(body).filter(([, value]) => value !== undefined);
	return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

function profileBody(profile: SenderProfileInput): Body | undefined {
	return compact({
		name: profile.name,
		about: profile.about,
		address: profile.address,
		description: profile.description,
		emails: profile.emails?.map((email) => ({ email, label: 'Email' })),
		logo_url: profile.logoUrl,
		vertical: profile.vertical,
		websites: profile.websites?.map((website) => ({ website, label: 'Website' })),
	});
}

function webhookBody(webhook: SenderWebhookInput): Body | undefined {
	return compact({
		callback_url: webhook.callbackUrl,
		callback_method: webhook.callbackMethod,
		fallback_url: webhook.fallbackUrl,
		fallback_method: webhook.fallbackMethod,
		status_callback_url: webhook.statusCallbackUrl,
		status_callback_method: webhook.statusCallbackMethod,
	});
}

function configurationBody(configuration: UpdateSenderInput['configuration']): Body | undefined {
	return compact({
		waba_id: configuration.wabaId,
		verification_method: configuration.verificationMethod,
		voice_application_sid: configuration.voiceApplicationSid,
	});
}

export function createSenderBody(input: CreateSenderInput): Body {
	return compact({
		sender_id: `whatsapp:${input.phoneNumber}`,
		configuration: configurationBody(input.configuration),
		webhook: webhookBody(input.webhook),
		profile: profileBody(input.profile),
	})!;
}

export function updateSenderBody(input: UpdateSenderInput): Body {
	return (
		compact({
			configuration: configurationBody(input.configuration),
			webhook: webhookBody(input.webhook),
			profile: profileBody(input.profile),
		}) ?? {}
	);
}

export function verifySenderBody(code: string): Body {
	return { configuration: { verification_code: code } };
}
