import { useApi } from '@backstage/core-plugin-api';
import { CostWindow } from '@meschain/backstage-plugin-scaling-common';
import useAsync from 'react-use/esm/useAsync';
import { costApiRef } from '../api';
import { useEntityRef } from './useEntityRef';

/**
 * The open entity's cost over the window, the backend's default without one.
 * The hooks read again when the window object changes, so keep it stable.
 */
export function useEntityCost(window?: CostWindow) {
  const costApi = useApi(costApiRef);
  const entityRef = useEntityRef();
  return useAsync(
    () => costApi.getEntityCost(entityRef, window),
    [costApi, entityRef, window],
  );
}

/** The open entity's CPU and memory requested against used. */
export function useEntityCostEfficiency(window?: CostWindow) {
  const costApi = useApi(costApiRef);
  const entityRef = useEntityRef();
  return useAsync(
    () => costApi.getEntityEfficiency(entityRef, window),
    [costApi, entityRef, window],
  );
}

/** The savings proposed for the open entity, from the last ingestion's hourly usage. */
export function useEntityCostRecommendations() {
  const costApi = useApi(costApiRef);
  const entityRef = useEntityRef();
  return useAsync(
    () => costApi.getEntityRecommendations(entityRef),
    [costApi, entityRef],
  );
}

/** The cost of what the open group owns. */
export function useTeamCost(window?: CostWindow) {
  const costApi = useApi(costApiRef);
  const teamRef = useEntityRef();
  return useAsync(
    () => costApi.getTeamCost(teamRef, window),
    [costApi, teamRef, window],
  );
}

/** The whole organisation's cost. */
export function useOrgCost(window?: CostWindow) {
  const costApi = useApi(costApiRef);
  return useAsync(() => costApi.getOrgCost(window), [costApi, window]);
}
