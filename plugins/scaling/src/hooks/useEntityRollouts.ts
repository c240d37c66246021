import { useApi } from '@backstage/core-plugin-api';
import { useState } from 'react';
import { rolloutsApiRef } from '../api';
import { isEntitySettled } from './isRolloutSettled';
import { useEntityRef } from './useEntityRef';
import { useLiveRead } from './useLiveRead';
import { SCALING_REFRESH_INTERVAL_MS } from './usePolling';

/** How often the rollouts are read while one of them is still moving. */
export const ROLLOUT_LIVE_INTERVAL_MS = 2_000;

/**
 * The open entity's rollouts in every cluster of its regions. They are read
 * again every 2 s while any of them is moving, every 30 s once all have
 * settled, and at once after every write to the entity. While a refresh
 * runs, `value` keeps the last answer.
 */
export function useEntityRollouts() {
  const rolloutsApi = useApi(rolloutsApiRef);
  const entityRef = useEntityRef();
  // The interval depends on the last answer, which the read itself returns.
  const [live, setLive] = useState(false);
  const state = useLiveRead(
    async () => {
      const rollouts = await rolloutsApi.getEntityRollouts(entityRef);
      setLive(!isEntitySettled(rollouts));
      return rollouts;
    },
    [rolloutsApi, entityRef],
    {
      writes: entityRef,
      intervalMs: live ? ROLLOUT_LIVE_INTERVAL_MS : SCALING_REFRESH_INTERVAL_MS,
    },
  );
  return { ...state, live: state.value !== undefined && live };
}
