import { contractSimulators } from '../simulators/server';
import { contractViolations } from './providerContracts';

/**
 * After every test: each request that reached a Twilio or Meta simulator, and each answer the
 * simulator gave, is checked against the provider's own OpenAPI contract. A violation fails
 * the test that caused it, naming the request and what the contract says.
 */
async function checkContracts(): Promise<void> {
	const violations: string[] = [];
	for (const simulator of contractSimulators) {
		const exchanges = simulator.server.exchanges.splice(0);
		if (!simulator.contract) continue;
		for (const { request, response, injected } of exchanges) {
			violations.push(...(await contractViolations(simulator.contract, request, injected ? undefined : response)));
		}
	}
	if (violations.length > 0) {
		throw new Error(`The provider contract refuses ${violations.length} exchange(s):\n${[...new Set(violations)].slice(0, 20).join('\n')}`);
	}
}

afterEach(checkContracts);
afterAll(checkContracts);
