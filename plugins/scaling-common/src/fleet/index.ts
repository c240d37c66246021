export type {
  FleetCell,
  FleetHealth,
  FleetOverview,
  FleetService,
  FleetTier,
} from '../schema/openapi';

/** The Backstage signal channel the backend publishes fleet changes on. */
export const FLEET_SIGNAL_CHANNEL = 'scaling:fleet';

/** A cell whose cluster objects changed. */
export type FleetCellRef = { entityRef: string; region: string };

/**
 * What the backend publishes on {@link FLEET_SIGNAL_CHANNEL} when a watched
 * Deployment, Rollout, HorizontalPodAutoscaler or ReplicaSet changes: pages
 * showing one of the cells read `GET /fleet` again.
 */
export type FleetSignal = {
  type: 'changed';
  cells: FleetCellRef[];
  /** When the backend saw the change, ISO 8601. */
  at: string;
};
