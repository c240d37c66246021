export { LoadModel } from './LoadModel';
export type {
  LoadModelOptions,
  LoadSurge,
  PodLoadQuery,
  PodUsage,
  ServiceLoad,
} from './LoadModel';
export type { ServiceLoadProfile } from './profiles';
export type { Incident } from './incidents';
