import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { scalingApiRef } from '../api';

/** The scaling facts of the entity whose page is open. */
export function useEntityScalingFacts() {
  const { entity } = useEntity();
  const scalingApi = useApi(scalingApiRef);
  const entityRef = getCompoundEntityRef(entity);

  return useAsyncRetry(
    () => scalingApi.getEntityFacts(entityRef),
    [scalingApi, entityRef.kind, entityRef.namespace, entityRef.name],
  );
}
