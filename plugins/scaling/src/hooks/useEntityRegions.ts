import { useApi } from '@backstage/core-plugin-api';
import { regionsApiRef } from '../api';
import { useEntityRef } from './useEntityRef';
import { useLiveRead } from './useLiveRead';

/**
 * The regions the entity whose page is open runs in, and its DR readiness,
 * read again every 30 s and after every write to the entity.
 */
export function useEntityRegions() {
  const regionsApi = useApi(regionsApiRef);
  const entityRef = useEntityRef();
  return useLiveRead(
    () => regionsApi.getEntityRegions(entityRef),
    [regionsApi, entityRef],
    { writes: entityRef },
  );
}
