import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { regionsApiRef } from '../api';

/** Every region with its live facts, edge locations and DR readiness. */
export function useRegionsOverview() {
  const regionsApi = useApi(regionsApiRef);
  return useAsyncRetry(() => regionsApi.getRegionsOverview(), [regionsApi]);
}
