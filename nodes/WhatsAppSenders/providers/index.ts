import { autocallsAdapter } from './autocalls/adapter';
import { famulorAdapter } from './famulor/adapter';
import { twilioAdapter } from './twilio/adapter';
import type { ProviderAdapter, SenderOperation } from './types';

/** The provider table: adding a provider is one folder, one credential and one row here. */
export const PROVIDERS: readonly ProviderAdapter[] = [twilioAdapter, autocallsAdapter, famulorAdapter];

export function findProvider(id: unknown): ProviderAdapter | undefined {
	return PROVIDERS.find((provider) => provider.id === id);
}

export function providersSupporting(operation: SenderOperation): string[] {
	return PROVIDERS.filter((provider) => provider.operations.includes(operation)).map((p) => p.id);
}
