export { createFleetService } from './createFleetService';
export type { FleetFilter, FleetService } from './createFleetService';
export { readFleetSettings } from './fleetSettings';
export type { FleetSettings } from './fleetSettings';
