export { LoadModel } from './LoadModel';
export type {
  LoadHold,
  LoadModelOptions,
  LoadSurge,
  PodLoadQuery,
  PodUsage,
  ServiceFault,
  ServiceLoad,
} from './LoadModel';
export type { ServiceLoadProfile } from './profiles';
export type { Incident } from './incidents';
