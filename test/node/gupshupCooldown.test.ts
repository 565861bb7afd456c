import type { IDataObject } from 'n8n-workflow';

import { pollSendersTrigger, runSendersNode } from '../harness/n8nHarness';
import { GupshupSimulator } from '../simulators/gupshup';

/**
 * Gupshup's real cooldown after a 429 without Retry-After: "1 minute" for its per-minute limits.
 * n8n's `sleep` is recorded and shortened here, so the test proves the node waits the whole
 * minute (and no less) without taking one.
 */

const waits: number[] = [];
jest.mock('n8n-workflow', () => {
	const actual = jest.requireActual('n8n-workflow');
	return {
		...actual,
		sleep: async (ms: number) => {
			waits.push(ms);
			await actual.sleep(5);
		},
	};
});

const EMAIL = 'cooldown@acme.example';
const SECRET = 'gupshup-cooldown-secret-0815';
let gupshup: GupshupSimulator;

beforeEach(async () => {
	waits.length = 0;
	gupshup = new GupshupSimulator(EMAIL, SECRET);
	await gupshup.start();
	gupshup.addNumbers(
		{ phone: '917835039205', verifiedName: 'Acme India' },
		{ phone: '918375031069', verifiedName: 'Acme Support' },
	);
});
afterEach(() => gupshup.stop());

const credentials = () => ({
	gupshupPartnerApi: { email: EMAIL, clientSecret: SECRET, baseUrl: gupshup.baseUrl },
});
const tooMany = { status: 429, body: { status: 'error', message: 'Too Many Requests' } };
const refuseWabaInfo = (times: number) => {
	for (let i = 0; i < times; i++)
		gupshup.server.injectFaultWhen((request) => request.path.endsWith('/waba/info'), tooMany);
};

describe("Gupshup's one-minute cooldown", () => {
	it('waits the whole minute after a 429 without Retry-After, twice if need be, and lists every app', async () => {
		refuseWabaInfo(2);
		const { items, error } = await runSendersNode({
			parameters: { provider: 'gupshup', resource: 'sender', operation: 'list', returnAll: true },
			credentials: credentials(),
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(waits.filter((ms) => ms >= 60_000)).toHaveLength(2);
		expect(Math.min(...waits)).toBeGreaterThanOrEqual(60_000);
	});

	it('gives up on the third 429 in a row, and the trigger sends nothing more before the cooldown has passed', async () => {
		const staticData: IDataObject = {};
		const parameters = { provider: 'gupshup' };
		await pollSendersTrigger({ parameters, credentials: credentials(), staticData });
		refuseWabaInfo(3);
		const refused = await pollSendersTrigger({
			parameters,
			credentials: credentials(),
			staticData,
		});
		expect(refused.error?.message).toMatch(
			/^Gupshup asked for no requests until \S+Z: polling resumes then$/,
		);
		const asked = gupshup.server.requests.length;
		const quiet = await pollSendersTrigger({ parameters, credentials: credentials(), staticData });
		expect([quiet.items, quiet.error, gupshup.server.requests.length]).toEqual([
			[],
			undefined,
			asked,
		]);
	});
});
