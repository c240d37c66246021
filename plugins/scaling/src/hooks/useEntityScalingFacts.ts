import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { scalingApiRef } from '../api';
import { useEntityRef } from './useEntityRef';

/** The scaling facts of the entity whose page is open. */
export function useEntityScalingFacts() {
  const scalingApi = useApi(scalingApiRef);
  const entityRef = useEntityRef();
  return useAsyncRetry(
    () => scalingApi.getEntityFacts(entityRef),
    [scalingApi, entityRef],
  );
}
