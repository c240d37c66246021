import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import { scalingRolloutManagePermission } from '@meschain/backstage-plugin-scaling-common';
import { useMemo } from 'react';
import { ScalingControlAccess, toAccess } from './useScalingPermissions';

/** Whether the signed-in user may act on the open entity's rollouts. */
export function useRolloutPermission(): ScalingControlAccess {
  const { entity } = useEntity();
  const { allowed, loading } = usePermission({
    permission: scalingRolloutManagePermission,
    resourceRef: stringifyEntityRef(entity),
  });
  return useMemo(
    () =>
      toAccess(
        { allowed, loading },
        'Only the owners of this service may act on its rollouts (scaling.rollout.manage).',
      ),
    [allowed, loading],
  );
}
