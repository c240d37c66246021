import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { RolloutActionRequest } from '@meschain/backstage-plugin-scaling-common';
import { useCallback } from 'react';
import { rolloutsApiRef } from '../api';
import { useEntityRef } from './useEntityRef';
import { announceWrite } from './writeSignal';

/** Runs a rollout action on the open entity; once answered, the entity's views read again. */
export function useRolloutAction() {
  const rolloutsApi = useApi(rolloutsApiRef);
  const entityRef = useEntityRef();
  return useCallback(
    (request: RolloutActionRequest) =>
      rolloutsApi
        .runRolloutAction(entityRef, request)
        .finally(() => announceWrite(stringifyEntityRef(entityRef))),
    [rolloutsApi, entityRef],
  );
}
