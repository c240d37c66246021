import { stringifyEntityRef } from '@backstage/catalog-model';
import { useCallback } from 'react';
import { useEntityRef } from './useEntityRef';
import { announceWrite } from './writeSignal';

/**
 * Makes every view of the open entity read again, as a write does: for a
 * "Reload" after a conflict, or once a dialog has changed something.
 */
export function useEntityReload(): () => void {
  const entityRef = useEntityRef();
  return useCallback(
    () => announceWrite(stringifyEntityRef(entityRef)),
    [entityRef],
  );
}
