/**
 * `npm test`, the everyday loop: unit tests and node tests (n8n-core against local
 * simulators). No real n8n, browser or Redis: those are `jest.e2e.config.js`.
 * @type {import('jest').Config}
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/unit', '<rootDir>/test/node'],
	testMatch: ['**/*.test.ts'],
	setupFilesAfterEnv: [
		'<rootDir>/test/support/canaryReport.ts',
		'<rootDir>/test/support/contractCheck.ts',
	],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json' }],
	},
	modulePathIgnorePatterns: ['<rootDir>/test/.n8n/', '<rootDir>/dist/'],
	testTimeout: 30000,
	// the fault soak takes most of a minute: on two cores it runs beside the other files
	maxWorkers: 2,
	// n8n-core's HTTP helper (axios + follow-redirects) leaves each request's 300 s socket
	// timer running after the response; jest would wait for the last one before exiting.
	forceExit: true,
};
