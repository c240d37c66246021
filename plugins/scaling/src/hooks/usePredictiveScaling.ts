import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { predictiveApiRef } from '../api';
import { useEntityRef } from './useEntityRef';

/** The open entity's load in a region against its forecast; nothing until a region is chosen. */
export function useLoadForecast(region?: string) {
  const predictiveApi = useApi(predictiveApiRef);
  const entityRef = useEntityRef();
  return useAsyncRetry(
    async () =>
      region ? predictiveApi.getLoadForecast(entityRef, region) : undefined,
    [predictiveApi, entityRef, region],
  );
}

/** The proposed and applied predictive schedules of the open entity in a region. */
export function usePredictiveSchedule(region?: string) {
  const predictiveApi = useApi(predictiveApiRef);
  const entityRef = useEntityRef();
  return useAsyncRetry(
    async () =>
      region ? predictiveApi.getSchedule(entityRef, region) : undefined,
    [predictiveApi, entityRef, region],
  );
}
