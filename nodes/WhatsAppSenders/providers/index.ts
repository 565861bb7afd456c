import { InvalidInputError } from '../core/errors';
import { autocallsAdapter, famulorAdapter } from './autocallsPlatform';
import { gupshupAdapter } from './gupshup';
import { infobipAdapter } from './infobip';
import { metaCloudAdapter } from './metaCloud';
import { ninetyNineDigitalAdapter } from './ninetyNineDigital';
import { sinchAdapter } from './sinch';
import { twilioAdapter } from './twilio';
import { yCloudAdapter } from './yCloud';
import type { ProviderAdapter, SenderOperation } from './types';

/** The provider table: adding a provider is one folder, one credential and one row here. */
export const PROVIDERS: readonly ProviderAdapter[] = [
	twilioAdapter,
	metaCloudAdapter,
	autocallsAdapter,
	famulorAdapter,
	ninetyNineDigitalAdapter,
	yCloudAdapter,
	gupshupAdapter,
	sinchAdapter,
	infobipAdapter,
];

export function findProvider(id: unknown): ProviderAdapter | undefined {
	return PROVIDERS.find((provider) => provider.id === id);
}

/** The provider a node parameter names, or an error naming the ones there are. */
export function resolveProvider(value: unknown): ProviderAdapter {
	const provider = findProvider(value);
	if (!provider) {
		throw new InvalidInputError(
			'Provider',
			`"${String(value)}" is not supported; use one of: ${PROVIDERS.map((p) => p.id).join(', ')}`,
		);
	}
	return provider;
}

export function providersSupporting(operation: SenderOperation): string[] {
	return PROVIDERS.filter((provider) => provider.handlers[operation]).map((p) => p.id);
}
