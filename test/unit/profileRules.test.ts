import { InvalidInputError } from '../../nodes/WhatsAppSenders/core/errors';
import { PROVIDERS } from '../../nodes/WhatsAppSenders/providers';
import type {
	BusinessProfileInput,
	ProviderHttp,
} from '../../nodes/WhatsAppSenders/providers/types';

/** An HTTP port that records what an adapter would send, and answers nothing. */
function recordingHttp(): ProviderHttp & { sent: unknown[] } {
	const sent: unknown[] = [];
	return {
		sent,
		request: async (request) => {
			sent.push(request);
			throw new Error('no request was expected');
		},
		accountScope: 'test',
		account: { projectId: 'project', senders: '+447796344125' },
		scopedTokens: { get: async () => 'token', invalidate: () => undefined },
	};
}

const SENDER_IDS: Record<string, string> = {
	ycloud: '102290129340398/+16315551111',
	infobip: '+447796344125',
};

const updaters = PROVIDERS.filter((provider) => provider.handlers.updateProfile);

async function refusal(providerId: string, profile: BusinessProfileInput) {
	const provider = updaters.find((candidate) => candidate.id === providerId)!;
	const http = recordingHttp();
	const error: unknown = await provider.handlers.updateProfile!(
		http,
		SENDER_IDS[providerId] ?? 'sender-1',
		profile,
	).catch((caught: unknown) => caught);
	return { error, sent: http.sent };
}

describe('Update Business Profile refuses what a provider does not take, before any request', () => {
	it.each(updaters.filter((provider) => !provider.takesProfilePictureHandle).map((p) => [p.id]))(
		"%s: Meta's Profile Picture Handle, saying what the provider takes instead",
		async (id) => {
			const { error, sent } = await refusal(id, { profilePictureHandle: '4::aW1hZ2U=' });
			expect(error).toBeInstanceOf(InvalidInputError);
			expect((error as InvalidInputError).field).toBe('Profile Picture Handle');
			expect((error as Error).message).toMatch(/takes .+, which this operation does not offer/);
			expect(sent).toHaveLength(0);
		},
	);

	it.each([
		[
			'ycloud',
			'a vertical it does not list',
			{ vertical: 'ALCOHOL' },
			'Vertical',
			"ALCOHOL is not one of YCloud's verticals",
		],
		[
			'infobip',
			'a vertical without an Infobip word',
			{ vertical: 'OTC_DRUGS' },
			'Vertical',
			"OTC_DRUGS is not one of Infobip's verticals",
		],
		[
			'infobip',
			'an about text longer than it takes',
			{ about: 'a'.repeat(131) },
			'About',
			'Infobip takes at most 130 characters',
		],
		[
			'ycloud',
			'a website longer than it takes',
			{ websites: [`https://acme.example/${'a'.repeat(240)}`] },
			'Websites',
			'YCloud takes websites of at most 255 characters each',
		],
		['sinch', 'no field at all', {}, 'Update Fields', 'add at least one field to change'],
		[
			'sinch',
			'only emptied websites, which leave Sinch nothing to send',
			{ websites: [] },
			'Update Fields',
			'add at least one field to change',
		],
	] as [string, string, BusinessProfileInput, string, string][])(
		'%s: %s, naming the field',
		async (id, _what, profile, field, message) => {
			const { error, sent } = await refusal(id, profile);
			expect((error as InvalidInputError).field).toBe(field);
			expect((error as Error).message).toContain(message);
			expect(sent).toHaveLength(0);
		},
	);
});
