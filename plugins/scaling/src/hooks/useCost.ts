import { useApi } from '@backstage/core-plugin-api';
import { CostWindow } from '@meschain/backstage-plugin-scaling-common';
import { costApiRef } from '../api';
import { useEntityRef } from './useEntityRef';
import { LiveReadOptions, useLiveRead } from './useLiveRead';

/** How often the cost views read again: the backend ingests cost every hour. */
export const COST_REFRESH_INTERVAL_MS = 5 * 60_000;

/** Cost comes from the hourly ingestion, which no write of the suite changes at once. */
const costReads: LiveReadOptions = {
  writes: 'none',
  intervalMs: COST_REFRESH_INTERVAL_MS,
};

/**
 * The open entity's cost over the window, the backend's default without one.
 * The hooks read again every 5 minutes, and when the window object changes,
 * so keep it stable.
 */
export function useEntityCost(window?: CostWindow) {
  const costApi = useApi(costApiRef);
  const entityRef = useEntityRef();
  return useLiveRead(
    () => costApi.getEntityCost(entityRef, window),
    [costApi, entityRef, window],
    costReads,
  );
}

/** The open entity's CPU and memory requested against used. */
export function useEntityCostEfficiency(window?: CostWindow) {
  const costApi = useApi(costApiRef);
  const entityRef = useEntityRef();
  return useLiveRead(
    () => costApi.getEntityEfficiency(entityRef, window),
    [costApi, entityRef, window],
    costReads,
  );
}

/** The savings proposed for the open entity, from the last ingestion's hourly usage. */
export function useEntityCostRecommendations() {
  const costApi = useApi(costApiRef);
  const entityRef = useEntityRef();
  return useLiveRead(
    () => costApi.getEntityRecommendations(entityRef),
    [costApi, entityRef],
    costReads,
  );
}

/** The cost of what the open group owns. */
export function useTeamCost(window?: CostWindow) {
  const costApi = useApi(costApiRef);
  const teamRef = useEntityRef();
  return useLiveRead(
    () => costApi.getTeamCost(teamRef, window),
    [costApi, teamRef, window],
    costReads,
  );
}

/** The whole organisation's cost. */
export function useOrgCost(window?: CostWindow) {
  const costApi = useApi(costApiRef);
  return useLiveRead(
    () => costApi.getOrgCost(window),
    [costApi, window],
    costReads,
  );
}
