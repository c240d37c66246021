import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { scalingApiRef } from '../api';
import { useEntityRef } from './useEntityRef';
import { useFleetChanges } from './useFleetChanges';
import { useLiveRead } from './useLiveRead';

/**
 * The open entity's replicas and HPAs in every cluster of its regions, read
 * again every 30 s, after every write to the entity, and when the backend
 * signals that one of its cells changed. While a refresh runs, `value` keeps
 * the last answer.
 */
export function useEntityScalingState() {
  const scalingApi = useApi(scalingApiRef);
  const entityRef = useEntityRef();
  const state = useLiveRead(
    () => scalingApi.getEntityScaling(entityRef),
    [scalingApi, entityRef],
    { writes: entityRef },
  );
  const { retry } = state;
  useFleetChanges(entityRefs => {
    if (entityRefs.includes(stringifyEntityRef(entityRef))) {
      retry();
    }
  });
  return state;
}
