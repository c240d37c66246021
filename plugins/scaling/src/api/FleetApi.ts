import { createApiRef } from '@backstage/core-plugin-api';
import {
  FleetHealth,
  FleetOverview,
  FleetTier,
} from '@meschain/backstage-plugin-scaling-common';

/** @public Which services a fleet read answers with; unset fields do not filter. */
export type FleetQuery = {
  /** Owners' entity refs: the services any of them owns. */
  owners?: string[];
  /** Systems' entity refs. */
  systems?: string[];
  tiers?: FleetTier[];
  /** Services with a cell in one of these healths. */
  healths?: FleetHealth[];
};

/** @public The whole fleet's scaling, health and cost, from the backend's snapshot. */
export interface FleetApi {
  getFleet(query?: FleetQuery): Promise<FleetOverview>;
}

/** @public */
export const fleetApiRef = createApiRef<FleetApi>({
  id: 'plugin.scaling.fleet',
});
