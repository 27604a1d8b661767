/**
 * ca-preflight/simulator: a stand-in for Graph's trust-list resource to test clients with — the fetch handler
 * (every documented method, query options, Graph's headers and errors, faults), the fault plans, and simulatePatch.
 * Kept apart from the main entry so the browser build of the checks does not carry it.
 */
export {
  createGraphHandler,
  SimulatedConnectionDrop,
  FAULT_HEADER,
  type GraphHandler,
  type GraphHandlerOptions,
  type GraphFetch,
} from './handler.js';
export { parseFaults, FaultSpecError, FAULT_KINDS, CONCURRENT_KINDS, type FaultPlan, type FaultRule, type FaultKind } from './faults.js';
export { simulatePatch, type SimulatedRequest, type SimulatedResponse, type SimulateOptions, type SimulatedFailure } from './simulator.js';
