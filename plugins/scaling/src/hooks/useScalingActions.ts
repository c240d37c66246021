import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import {
  AutoscalerBoundsRequest,
  PolicyApplyRequest,
  ScaleRequest,
} from '@meschain/backstage-plugin-scaling-common';
import { useMemo } from 'react';
import { scalingApiRef } from '../api';
import { useEntityRef } from './useEntityRef';
import { announceWrite } from './writeSignal';

/**
 * The scaling writes, bound to the open entity. Once a write is answered,
 * the entity's views read again; a dry run changes nothing, so it does not.
 */
export function useScalingActions() {
  const scalingApi = useApi(scalingApiRef);
  const entityRef = useEntityRef();
  return useMemo(() => {
    const announced = <T>(write: Promise<T>): Promise<T> =>
      write.finally(() => announceWrite(stringifyEntityRef(entityRef)));
    return {
      scale: (request: ScaleRequest) =>
        announced(scalingApi.scaleWorkload(entityRef, request)),
      setAutoscalerBounds: (request: AutoscalerBoundsRequest) =>
        announced(scalingApi.setAutoscalerBounds(entityRef, request)),
      applyPolicy: (request: PolicyApplyRequest) =>
        request.dryRun
          ? scalingApi.applyPolicy(entityRef, request)
          : announced(scalingApi.applyPolicy(entityRef, request)),
      deletePolicy: (regions: string[]) =>
        announced(scalingApi.deletePolicy(entityRef, regions)),
    };
  }, [scalingApi, entityRef]);
}
