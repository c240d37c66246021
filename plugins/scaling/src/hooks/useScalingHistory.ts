import { useApi } from '@backstage/core-plugin-api';
import { scalingApiRef } from '../api';
import { useEntityRef } from './useEntityRef';
import { useLiveRead } from './useLiveRead';

/** How many history entries the tab shows. */
export const SCALING_HISTORY_LIMIT = 50;

/**
 * The open entity's scaling history, newest first, read again every 30 s and
 * after every write to the entity.
 */
export function useScalingHistory() {
  const scalingApi = useApi(scalingApiRef);
  const entityRef = useEntityRef();
  return useLiveRead(
    () => scalingApi.getHistory(entityRef, { limit: SCALING_HISTORY_LIMIT }),
    [scalingApi, entityRef],
    { writes: entityRef },
  );
}
