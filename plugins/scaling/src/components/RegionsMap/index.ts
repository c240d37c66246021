export { RegionsMap } from './RegionsMap';
export type { MapRegion } from './mapLayout';
