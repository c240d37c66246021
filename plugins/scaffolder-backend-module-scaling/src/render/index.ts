export { renderNewService } from './renderService';
export type { PlatformSettings, RenderedService } from './renderService';
export { SERVICE_STRATEGIES } from './workload';
export type { Manifest, ServiceParameters } from './types';
export { readPlatformSettings } from './platformSettings';
