import { config } from '@n8n/node-cli/eslint';

export default [
	...config,
	// tests, simulators, benchmarks and scripts run in Node on a developer's machine, never inside n8n;
	// nodes/ and credentials/ keep every community rule
	{
		files: ['test/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
		rules: {
			'@n8n/community-nodes/no-restricted-imports': 'off',
			'@n8n/community-nodes/no-restricted-globals': 'off',
			'@n8n/community-nodes/no-dangerous-functions': 'off',
			'@n8n/community-nodes/no-hardcoded-secrets': 'off',
		},
	},
];
