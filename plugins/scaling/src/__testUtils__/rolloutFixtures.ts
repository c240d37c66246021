import {
  EntityRolloutState,
  WorkloadRolloutState,
} from '@meschain/backstage-plugin-scaling-common';

const stable = [
  { container: 'order-service', image: 'meschain/order-service:1.9.3' },
];
const canaryImages = [
  { container: 'order-service', image: 'meschain/order-service:1.10.0' },
];

/** A canary paused at its second step, waiting for a promote. */
export const pausedCanary: WorkloadRolloutState = {
  kind: 'Rollout',
  apiVersion: 'argoproj.io/v1alpha1',
  name: 'order-service',
  namespace: 'meschain-sync',
  resourceVersion: '88',
  strategy: 'canary',
  phase: 'Paused',
  message: 'CanaryPauseStep',
  paused: true,
  pauseConditions: [
    { reason: 'CanaryPauseStep', startTime: '2026-11-26T12:00:00Z' },
  ],
  aborted: false,
  stableImages: stable,
  canaryImages,
  currentRevision: 2,
  revisions: [
    {
      revision: 2,
      replicaSet: 'order-service-7d9f',
      podTemplateHash: '7d9f',
      images: canaryImages,
      createdAt: '2026-11-26T12:00:00Z',
      replicas: { desired: 1, ready: 1, available: 1 },
      current: true,
      stable: false,
    },
    {
      revision: 1,
      replicaSet: 'order-service-5c4b',
      podTemplateHash: '5c4b',
      images: stable,
      createdAt: '2026-11-20T09:00:00Z',
      replicas: { desired: 3, ready: 3, available: 3 },
      current: false,
      stable: true,
    },
  ],
  canary: {
    steps: [
      { index: 0, kind: 'setWeight', weight: 20, state: 'completed' },
      { index: 1, kind: 'pause', state: 'current' },
      { index: 2, kind: 'setWeight', weight: 50, state: 'pending' },
      { index: 3, kind: 'pause', pauseSeconds: 60, state: 'pending' },
    ],
    currentStepIndex: 1,
    setWeight: 20,
    actualWeight: 25,
    stableService: 'order-service',
    canaryService: 'order-service-canary',
    headerRoutes: [],
  },
  availableActions: [
    'set-image',
    'promote',
    'promote-full',
    'abort',
    'restart',
    'undo',
  ],
};

/** A blue-green rollout whose preview waits for a promote. */
export const blueGreenWithPreview: WorkloadRolloutState = {
  ...pausedCanary,
  strategy: 'blue-green',
  message: 'BlueGreenPause',
  pauseConditions: [
    { reason: 'BlueGreenPause', startTime: '2026-11-26T12:00:00Z' },
  ],
  canary: undefined,
  blueGreen: {
    active: {
      service: 'order-service',
      podTemplateHash: '5c4b',
      revision: 1,
      images: stable,
    },
    preview: {
      service: 'order-service-preview',
      podTemplateHash: '7d9f',
      revision: 2,
      images: canaryImages,
    },
    autoPromotionEnabled: false,
    scaleDownDelaySeconds: 30,
  },
};

/** A Deployment whose rolling update has finished. */
export const settledDeployment: WorkloadRolloutState = {
  kind: 'Deployment',
  apiVersion: 'apps/v1',
  name: 'order-service',
  namespace: 'meschain-sync',
  resourceVersion: '120',
  strategy: 'rolling',
  phase: 'Healthy',
  paused: false,
  pauseConditions: [],
  aborted: false,
  stableImages: stable,
  currentRevision: 1,
  revisions: [{ ...pausedCanary.revisions[1], current: true, stable: false }],
  deployment: {
    strategyType: 'RollingUpdate',
    maxSurge: '25%',
    maxUnavailable: 0,
    paused: false,
    desired: 3,
    updated: 3,
    ready: 3,
    available: 3,
    progressing: {
      status: 'True',
      reason: 'NewReplicaSetAvailable',
      message: 'ReplicaSet "order-service-5c4b" has successfully progressed.',
    },
  },
  availableActions: ['set-image', 'pause', 'restart'],
};

export const rolloutState: EntityRolloutState = {
  entityRef: 'component:default/order-service',
  clusters: [
    {
      cluster: 'meschain-eu-west',
      region: 'eu-west',
      role: 'primary',
      observedAt: '2026-11-26T12:00:10Z',
      workloads: [pausedCanary],
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
