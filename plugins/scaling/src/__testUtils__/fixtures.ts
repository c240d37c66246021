import { Entity } from '@backstage/catalog-model';
import {
  DEFAULT_SCALING_PRESETS,
  EntityScalingState,
  ScalingHistory,
  ScalingOptions,
  WorkloadScalingState,
} from '@meschain/backstage-plugin-scaling-common';

export const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'order-service', namespace: 'default' },
  spec: { type: 'service', owner: 'commerce-team', lifecycle: 'production' },
};

/** A service of another team, on whose page the user may change nothing. */
export const otherTeamsEntity: Entity = {
  ...entity,
  metadata: { name: 'payment-service', namespace: 'default' },
  spec: { ...entity.spec, owner: 'payments-team' },
};

export const entityRef = {
  kind: 'Component',
  namespace: 'default',
  name: 'order-service',
};

const pods = {
  pods: 3,
  requests: { cpuMillicores: 300, memoryBytes: 384 * 1024 * 1024 },
};

export const euWestDeployment: WorkloadScalingState = {
  kind: 'Deployment',
  apiVersion: 'apps/v1',
  name: 'order-service',
  namespace: 'meschain-sync',
  resourceVersion: '41',
  replicas: { desired: 3, current: 3, ready: 3, available: 3, updated: 3 },
  pods,
};

export const usEastDeployment: WorkloadScalingState = {
  kind: 'Deployment',
  apiVersion: 'apps/v1',
  name: 'order-service',
  namespace: 'meschain-sync',
  resourceVersion: '77',
  replicas: { desired: 6, current: 6, ready: 5, available: 5, updated: 6 },
  pods,
  autoscaler: {
    name: 'order-service-hpa',
    minReplicas: 2,
    maxReplicas: 20,
    currentReplicas: 6,
    desiredReplicas: 6,
    lastScaleTime: '2026-11-26T10:00:00Z',
    metrics: [
      {
        type: 'Resource',
        name: 'cpu',
        target: { type: 'Utilization', averageUtilization: 70 },
        current: { averageUtilization: 45 },
      },
    ],
    conditions: [
      { type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale' },
      { type: 'ScalingLimited', status: 'False', reason: 'DesiredWithinRange' },
    ],
  },
};

export const scalingState: EntityScalingState = {
  entityRef: 'component:default/order-service',
  workloadQuery: {
    labelSelector: 'backstage.io/kubernetes-id=order-service',
    namespace: 'meschain-sync',
  },
  clusters: [
    {
      cluster: 'meschain-eu-west',
      region: 'eu-west',
      role: 'primary',
      observedAt: '2026-11-26T12:00:00Z',
      workloads: [euWestDeployment],
    },
    {
      cluster: 'meschain-us-east',
      region: 'us-east',
      role: 'primary',
      observedAt: '2026-11-26T12:00:00Z',
      workloads: [usEastDeployment],
    },
    {
      cluster: 'meschain-ap-southeast',
      region: 'ap-southeast',
      role: 'primary',
      error: {
        name: 'TimeoutError',
        message: 'meschain-ap-southeast did not answer within 5000 ms',
      },
    },
  ],
};

export const scalingOptions: ScalingOptions = {
  presets: [...DEFAULT_SCALING_PRESETS],
  guardRails: {
    maxReplicas: 30,
    tier: 'critical',
    allowedRegions: [],
    scaleToZeroAllowed: false,
  },
};

export const scalingHistory: ScalingHistory = {
  events: [
    {
      id: 'audit-2',
      source: 'suite',
      time: '2026-11-26T11:00:00Z',
      region: 'eu-west',
      cluster: 'meschain-eu-west',
      workload: {
        kind: 'Deployment',
        namespace: 'meschain-sync',
        name: 'order-service',
      },
      action: 'replicas.scale',
      actor: 'user:default/guest',
      outcome: 'succeeded',
      before: { replicas: 2 },
      after: { replicas: 3 },
    },
    {
      id: 'event-1',
      source: 'cluster',
      time: '2026-11-26T10:00:00Z',
      region: 'us-east',
      cluster: 'meschain-us-east',
      action: 'SuccessfulRescale',
      message: 'New size: 6; reason: cpu resource utilization above target',
    },
  ],
};
