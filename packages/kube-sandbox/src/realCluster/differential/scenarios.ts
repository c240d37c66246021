import { AUTOSCALING_SCENARIOS } from './autoscaling';
import { BLUE_GREEN_SCENARIOS } from './blueGreen';
import { CANARY_SCENARIOS } from './canary';
import { DEPLOYMENT_SCENARIOS } from './deployments';
import type { DifferentialScenario, KnownDifference } from './helpers';
import { HEADER_ROUTING_SCENARIOS } from './headerRouting';
import { POD_TEMPLATE_HASHES } from './podTemplateHashes';
import { REQUEST_SCENARIOS } from './requests';

export type {
  DifferentialScenario,
  KnownDifference,
  ScenarioContext,
} from './helpers';

/**
 * Every scenario on which the sandbox answers as the real control plane does: requests and
 * their immediate answers first, then what the controllers make of updates over time, then
 * what the HPA controller makes of a scripted load.
 */
export const DIFFERENTIAL_SCENARIOS: DifferentialScenario[] = [
  ...REQUEST_SCENARIOS,
  ...DEPLOYMENT_SCENARIOS,
  ...CANARY_SCENARIOS,
  ...BLUE_GREEN_SCENARIOS,
  ...HEADER_ROUTING_SCENARIOS,
  ...AUTOSCALING_SCENARIOS,
];

/**
 * Scenarios on which the sandbox still differs, each with why and where; the test checks that
 * they differ exactly there, so that neither a fix nor a new difference goes unnoticed.
 */
export const KNOWN_DIFFERENCES: KnownDifference[] = [POD_TEMPLATE_HASHES];
