import { useApi } from '@backstage/core-plugin-api';
import { scalingApiRef } from '../api';
import { useEntityRef } from './useEntityRef';
import { useLiveRead } from './useLiveRead';

/**
 * The open entity's replicas and HPAs in every cluster of its regions, read
 * again every 30 s and after every write to the entity. While a refresh runs,
 * `value` keeps the last answer.
 */
export function useEntityScalingState() {
  const scalingApi = useApi(scalingApiRef);
  const entityRef = useEntityRef();
  return useLiveRead(
    () => scalingApi.getEntityScaling(entityRef),
    [scalingApi, entityRef],
    { writes: entityRef },
  );
}
