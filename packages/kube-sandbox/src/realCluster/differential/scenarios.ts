import { BLUE_GREEN_SCENARIOS } from './blueGreen';
import { CANARY_SCENARIOS } from './canary';
import { DEPLOYMENT_SCENARIOS } from './deployments';
import type { DifferentialScenario, KnownDifference } from './helpers';
import {
  HEADER_ROUTING_SCENARIOS,
  HEADER_ROUTING_VIRTUAL_SERVICE,
} from './headerRouting';
import { REQUEST_SCENARIOS } from './requests';

export type {
  DifferentialScenario,
  KnownDifference,
  ScenarioContext,
} from './helpers';

/**
 * Every scenario on which the sandbox answers as the real control plane does: requests and
 * their immediate answers first, then what the controllers make of updates over time.
 */
export const DIFFERENTIAL_SCENARIOS: DifferentialScenario[] = [
  ...REQUEST_SCENARIOS,
  ...DEPLOYMENT_SCENARIOS,
  ...CANARY_SCENARIOS,
  ...BLUE_GREEN_SCENARIOS,
  ...HEADER_ROUTING_SCENARIOS,
];

/** Scenarios on which the sandbox still differs, each with why and where. */
export const KNOWN_DIFFERENCES: KnownDifference[] = [
  {
    ...HEADER_ROUTING_VIRTUAL_SERVICE,
    why:
      'the sandbox serves no networking.istio.io VirtualService (404); its header routes and ' +
      "weights exist only in the Rollout's status, which agrees",
    differingPaths: [
      'atHeaderRoute.http',
      'atHeaderRoute.httpStatus',
      'before.http',
      'before.httpStatus',
      'promoted.http',
      'promoted.httpStatus',
    ],
  },
];
