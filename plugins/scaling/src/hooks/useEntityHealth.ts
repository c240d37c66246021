import { useApi } from '@backstage/core-plugin-api';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { healthApiRef } from '../api';
import { useEntityRef } from './useEntityRef';
import { useLiveRead } from './useLiveRead';

/** How often the health view reads the metrics again: about two scrapes of the sparklines' step. */
export const HEALTH_REFRESH_INTERVAL_MS = 15_000;

/**
 * The open entity's golden signals per region and its SLO, read again every
 * 15 s. No write of the suite changes the metrics at once.
 */
export function useEntityHealth(window?: string) {
  const healthApi = useApi(healthApiRef);
  const entityRef = useEntityRef();
  return useLiveRead(
    () => healthApi.getEntityHealth(entityRef, { window }),
    [healthApi, entityRef, window],
    { writes: 'none', intervalMs: HEALTH_REFRESH_INTERVAL_MS },
  );
}

/**
 * The health checks of the open entity, in one region or all of them, read
 * once when asked for and again on `retry`, with the time of the answer.
 */
export function useHealthChecks(region?: string) {
  const healthApi = useApi(healthApiRef);
  const entityRef = useEntityRef();
  const [readAt, setReadAt] = useState<number>();
  const state = useAsyncRetry(async () => {
    const checks = await healthApi.getHealthChecks(entityRef, { region });
    setReadAt(Date.now());
    return checks;
  }, [healthApi, entityRef, region]);
  return { ...state, readAt };
}
