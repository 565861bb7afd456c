import { contractSimulators } from '../simulators/server';
import { contractViolations } from './providerContracts';

/**
 * After every test: each request that reached a Twilio or Meta simulator, and each answer the
 * simulator gave (a fault a test injected included, unless it says why it breaks the
 * contract), is checked against the provider's own OpenAPI contract. A violation fails
 * the test that caused it, naming the request and what the contract says.
 */
async function checkContracts(): Promise<void> {
	const violations: string[] = [];
	for (const simulator of contractSimulators) {
		const exchanges = simulator.server.exchanges.splice(0);
		if (!simulator.contract) continue;
		for (const { request, response } of exchanges) {
			// a fault a test injects is held to the contract too, unless it says why it breaks it
			const checked = response && !response.breaksContract ? response : undefined;
			violations.push(...(await contractViolations(simulator.contract, request, checked)));
		}
	}
	if (violations.length > 0) {
		throw new Error(
			`The provider contract refuses ${violations.length} exchange(s):\n${[...new Set(violations)].slice(0, 20).join('\n')}`,
		);
	}
}

afterEach(checkContracts);
afterAll(checkContracts);
