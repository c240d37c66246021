/**
 * What-if replay: a period of a service's recorded load played through the
 * HPA controller loop, to see what a policy would have done.
 */
export type * from './types';
export {
  InvalidReplayInputError,
  replayPolicy,
  replayPolicyStepByStep,
} from './replayPolicy';
export { UnsupportedReplayMetricError } from './replayMetrics';
