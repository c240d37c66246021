import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { regionsApiRef } from '../api';
import { useEntityRef } from './useEntityRef';

/** The regions the entity whose page is open runs in, and its DR readiness. */
export function useEntityRegions() {
  const regionsApi = useApi(regionsApiRef);
  const entityRef = useEntityRef();
  return useAsyncRetry(
    () => regionsApi.getEntityRegions(entityRef),
    [regionsApi, entityRef],
  );
}
