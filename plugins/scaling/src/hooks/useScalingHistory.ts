import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { scalingApiRef } from '../api';
import { useEntityRef } from './useEntityRef';
import { usePolling } from './usePolling';

/** How many history entries the tab shows. */
export const SCALING_HISTORY_LIMIT = 50;

/** The open entity's scaling history, newest first, read again every 30 s. */
export function useScalingHistory() {
  const scalingApi = useApi(scalingApiRef);
  const entityRef = useEntityRef();
  const state = useAsyncRetry(
    () => scalingApi.getHistory(entityRef, { limit: SCALING_HISTORY_LIMIT }),
    [scalingApi, entityRef],
  );
  usePolling(state.retry);
  return state;
}
