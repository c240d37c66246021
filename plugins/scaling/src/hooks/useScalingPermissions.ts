import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  scalingPolicyUpdatePermission,
  scalingReplicasUpdatePermission,
} from '@meschain/backstage-plugin-scaling-common';
import { useMemo } from 'react';

/** Whether the signed-in user may use a control, and why not. */
export interface ScalingControlAccess {
  allowed: boolean;
  loading: boolean;
  /** Set when the control is disabled: the sentence to show beside it. */
  reason?: string;
}

export function toAccess(
  result: { allowed: boolean; loading: boolean },
  deniedReason: string,
): ScalingControlAccess {
  if (result.loading) {
    return { allowed: false, loading: true, reason: 'Checking permissions…' };
  }
  return result.allowed
    ? { allowed: true, loading: false }
    : { allowed: false, loading: false, reason: deniedReason };
}

/** What the signed-in user may change about the open entity's scaling. */
export function useScalingPermissions(): {
  replicas: ScalingControlAccess;
  policy: ScalingControlAccess;
} {
  const { entity } = useEntity();
  const resourceRef = stringifyEntityRef(entity);
  const replicas = usePermission({
    permission: scalingReplicasUpdatePermission,
    resourceRef,
  });
  const policy = usePermission({
    permission: scalingPolicyUpdatePermission,
    resourceRef,
  });
  // usePermission answers with a new object on every render: depend on its fields.
  const { allowed: mayScale, loading: scaleLoading } = replicas;
  const { allowed: mayEditPolicy, loading: policyLoading } = policy;
  return useMemo(
    () => ({
      replicas: toAccess(
        { allowed: mayScale, loading: scaleLoading },
        'Only the owners of this service may scale it (scaling.replicas.update).',
      ),
      policy: toAccess(
        { allowed: mayEditPolicy, loading: policyLoading },
        'Only the owners of this service may change its autoscaling policy (scaling.policy.update).',
      ),
    }),
    [mayScale, scaleLoading, mayEditPolicy, policyLoading],
  );
}
