import { createPlatformAdapter } from '../autocallsPlatform/adapter';

export const famulorAdapter = createPlatformAdapter({
	id: 'famulor',
	displayName: 'Famulor',
	credentialType: 'famulorApi',
	defaultBaseUrl: 'https://app.famulor.de/api',
});
