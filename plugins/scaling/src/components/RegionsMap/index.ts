export { RegionsMap } from './RegionsMap';
export { toMapRegion } from './mapLayout';
export type { MapRegion } from './mapLayout';
