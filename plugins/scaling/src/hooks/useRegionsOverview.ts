import { useApi } from '@backstage/core-plugin-api';
import { regionsApiRef } from '../api';
import { useLiveRead } from './useLiveRead';

/**
 * Every region with its live facts, edge locations and DR readiness, read
 * again every 30 s and after a write to any service.
 */
export function useRegionsOverview() {
  const regionsApi = useApi(regionsApiRef);
  return useLiveRead(() => regionsApi.getRegionsOverview(), [regionsApi], {
    writes: 'any',
  });
}
