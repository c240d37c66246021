import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { scalingApiRef } from '../api';
import { useEntityRef } from './useEntityRef';

/** The presets and guard-rails that apply to the open entity. */
export function useScalingOptions() {
  const scalingApi = useApi(scalingApiRef);
  const entityRef = useEntityRef();
  return useAsync(
    () => scalingApi.getScalingOptions(entityRef),
    [scalingApi, entityRef],
  );
}
