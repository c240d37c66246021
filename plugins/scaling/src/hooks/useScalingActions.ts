import { useApi } from '@backstage/core-plugin-api';
import {
  AutoscalerBoundsRequest,
  PolicyApplyRequest,
  ScaleRequest,
} from '@meschain/backstage-plugin-scaling-common';
import { useMemo } from 'react';
import { scalingApiRef } from '../api';
import { useEntityRef } from './useEntityRef';

/** The scaling writes, bound to the open entity. */
export function useScalingActions() {
  const scalingApi = useApi(scalingApiRef);
  const entityRef = useEntityRef();
  return useMemo(
    () => ({
      scale: (request: ScaleRequest) =>
        scalingApi.scaleWorkload(entityRef, request),
      setAutoscalerBounds: (request: AutoscalerBoundsRequest) =>
        scalingApi.setAutoscalerBounds(entityRef, request),
      applyPolicy: (request: PolicyApplyRequest) =>
        scalingApi.applyPolicy(entityRef, request),
      deletePolicy: (regions: string[]) =>
        scalingApi.deletePolicy(entityRef, regions),
    }),
    [scalingApi, entityRef],
  );
}
