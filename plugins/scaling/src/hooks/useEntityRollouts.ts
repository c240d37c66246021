import { useApi } from '@backstage/core-plugin-api';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { rolloutsApiRef } from '../api';
import { isEntitySettled } from './isRolloutSettled';
import { useEntityRef } from './useEntityRef';
import { SCALING_REFRESH_INTERVAL_MS, usePolling } from './usePolling';

/** How often the rollouts are read while one of them is still moving. */
export const ROLLOUT_LIVE_INTERVAL_MS = 2_000;

/**
 * The open entity's rollouts in every cluster of its regions. They are read
 * again every 2 s while any of them is moving, and every 30 s once all have
 * settled. While a refresh runs, `value` keeps the last answer.
 */
export function useEntityRollouts() {
  const rolloutsApi = useApi(rolloutsApiRef);
  const entityRef = useEntityRef();
  const state = useAsyncRetry(
    () => rolloutsApi.getEntityRollouts(entityRef),
    [rolloutsApi, entityRef],
  );
  const live = state.value !== undefined && !isEntitySettled(state.value);
  usePolling(
    state.retry,
    live ? ROLLOUT_LIVE_INTERVAL_MS : SCALING_REFRESH_INTERVAL_MS,
  );
  return { ...state, live };
}
