export type {
  ScalingWriteService,
  SuiteWriteCaller,
  UncheckedPolicyApplyRequest,
  WriteCaller,
} from './types';
export { createScalingWriteService } from './createScalingWriteService';
export { createScalingWritePipeline } from './scalingWritePipeline';
export type {
  AuthorizedWrite,
  ScalingWritePipeline,
  ScheduledWriteTask,
  SuiteWrite,
} from './scalingWritePipeline';
export { createEntityPlacement } from './entityPlacement';
export type { EntityPlacement } from './entityPlacement';
export { PolicyInputError } from './errors';
export { validatePolicyFor } from './policyWrites';
export { setAutoscalerMinimum } from './autoscalerMinimum';
export {
  createInterruptedWriteSweep,
  readInterruptedWriteAfterMs,
  scheduleInterruptedWriteSweep,
} from './interruptedWrites';
