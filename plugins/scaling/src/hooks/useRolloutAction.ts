import { useApi } from '@backstage/core-plugin-api';
import { RolloutActionRequest } from '@meschain/backstage-plugin-scaling-common';
import { useCallback } from 'react';
import { rolloutsApiRef } from '../api';
import { useEntityRef } from './useEntityRef';

/** Runs a rollout action on the open entity. */
export function useRolloutAction() {
  const rolloutsApi = useApi(rolloutsApiRef);
  const entityRef = useEntityRef();
  return useCallback(
    (request: RolloutActionRequest) =>
      rolloutsApi.runRolloutAction(entityRef, request),
    [rolloutsApi, entityRef],
  );
}
