/**
 * `npm run test:e2e` and the version matrix: the tests that drive a real n8n (and Chromium,
 * Redis, the demo). Same set-up as the everyday loop's `jest.config.js`, other folder.
 * @type {import('jest').Config}
 */
// one file at a time: each starts its own n8n, and they share two cores
module.exports = { ...require('./jest.config.js'), roots: ['<rootDir>/test/e2e'], maxWorkers: 1 };
