import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { scalingApiRef } from '../api';
import { useEntityRef } from './useEntityRef';
import { usePolling } from './usePolling';

/**
 * The open entity's replicas and HPAs in every cluster of its regions, read
 * again every 30 s. While a refresh runs, `value` keeps the last answer.
 */
export function useEntityScalingState() {
  const scalingApi = useApi(scalingApiRef);
  const entityRef = useEntityRef();
  const state = useAsyncRetry(
    () => scalingApi.getEntityScaling(entityRef),
    [scalingApi, entityRef],
  );
  usePolling(state.retry);
  return state;
}
