export { createServiceManifestsService } from './createServiceManifestsService';
export type { ServiceManifestsService } from './createServiceManifestsService';
