import { createPlatformAdapter } from '../autocallsPlatform/adapter';

export const autocallsAdapter = createPlatformAdapter({
	id: 'autocalls',
	displayName: 'Autocalls',
	credentialType: 'autocallsApi',
	defaultBaseUrl: 'https://app.autocalls.ai/api',
});
