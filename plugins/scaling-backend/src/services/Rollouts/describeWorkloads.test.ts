import { describeArgoRollout } from './describeArgoRollout';
import { describeDeployment } from './describeDeployment';
import {
  DEPLOYMENT_REVISION,
  DeploymentObject,
  ReplicaSetObject,
  ROLLOUT_REVISION,
  RolloutObject,
} from './rolloutObjects';

const OLD = 'meschain/logging-service:1.6.0';
const NEW = 'meschain/logging-service:1.7.0';

/** A ReplicaSet of revision `revision` running `running` of its pods. */
function replicaSet(options: {
  revision: number;
  hash: string;
  image: string;
  running: number;
  rollout?: boolean;
}): ReplicaSetObject {
  const { revision, hash, image, running, rollout } = options;
  const hashLabel = rollout
    ? 'rollouts-pod-template-hash'
    : 'pod-template-hash';
  return {
    metadata: {
      name: `logging-service-${hash}`,
      uid: `rs-${hash}`,
      creationTimestamp: `2026-12-0${revision}T00:00:00Z`,
      labels: { [hashLabel]: hash },
      annotations: {
        [rollout ? ROLLOUT_REVISION : DEPLOYMENT_REVISION]: String(revision),
      },
      ownerReferences: [
        {
          ...(rollout
            ? { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout' }
            : { apiVersion: 'apps/v1', kind: 'Deployment' }),
          name: 'logging-service',
          uid: 'owner',
          controller: true,
        },
      ],
    },
    spec: {
      replicas: running,
      selector: { matchLabels: { [hashLabel]: hash } },
      template: { spec: { containers: [{ name: 'app', image }] } },
    },
    status: {
      replicas: running,
      readyReplicas: running,
      availableReplicas: running,
    },
  };
}

function deployment(image: string, status: DeploymentObject['status']) {
  const object: DeploymentObject = {
    apiVersion: 'apps/v1',
    metadata: { name: 'logging-service', namespace: 'sync', uid: 'owner' },
    spec: {
      replicas: 4,
      selector: { matchLabels: { app: 'logging-service' } },
      template: { spec: { containers: [{ name: 'app', image }] } },
    },
    status,
  };
  return object;
}

describe('describeDeployment', () => {
  it('keeps the replaced version as stable while a rolling update is under way', () => {
    const state = describeDeployment(
      deployment(NEW, {
        replicas: 5,
        updatedReplicas: 2,
        availableReplicas: 3,
        conditions: [
          { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated' },
        ],
      }),
      [
        replicaSet({ revision: 1, hash: 'a', image: OLD, running: 3 }),
        replicaSet({ revision: 2, hash: 'b', image: NEW, running: 2 }),
      ],
    );
    expect(state).toMatchObject({
      phase: 'Progressing',
      stableImages: [{ container: 'app', image: OLD }],
      canaryImages: [{ container: 'app', image: NEW }],
      currentRevision: 2,
    });
    expect(state.revisions.map(r => [r.revision, r.current, r.stable])).toEqual(
      [
        [2, true, false],
        [1, false, true],
      ],
    );
  });

  it('keeps the running version as stable before the controller has made the new ReplicaSet', () => {
    const state = describeDeployment(
      deployment(NEW, {
        replicas: 4,
        updatedReplicas: 0,
        availableReplicas: 4,
      }),
      [replicaSet({ revision: 1, hash: 'a', image: OLD, running: 4 })],
    );
    expect(state.stableImages).toEqual([{ container: 'app', image: OLD }]);
    expect(state.canaryImages).toEqual([{ container: 'app', image: NEW }]);
    expect(state.currentRevision).toBeUndefined();
  });

  it('makes the new version stable once the old ReplicaSets have no pods', () => {
    const state = describeDeployment(
      deployment(NEW, {
        replicas: 4,
        updatedReplicas: 4,
        availableReplicas: 4,
      }),
      [
        replicaSet({ revision: 1, hash: 'a', image: OLD, running: 0 }),
        replicaSet({ revision: 2, hash: 'b', image: NEW, running: 4 }),
      ],
    );
    expect(state).toMatchObject({
      phase: 'Healthy',
      stableImages: [{ container: 'app', image: NEW }],
      currentRevision: 2,
    });
    expect(state.canaryImages).toBeUndefined();
    expect(state.revisions.find(r => r.stable)?.revision).toBe(2);
  });
});

describe('describeArgoRollout', () => {
  /** An A/B rollout, routed by an Istio VirtualService, whose last step is done. */
  function finishedAb(): RolloutObject {
    return {
      apiVersion: 'argoproj.io/v1alpha1',
      metadata: { name: 'product-service', namespace: 'sync', uid: 'owner' },
      spec: {
        template: { spec: { containers: [{ name: 'app', image: NEW }] } },
        strategy: {
          canary: {
            canaryService: 'product-service-canary',
            stableService: 'product-service',
            steps: [
              { setCanaryScale: { replicas: 1 } },
              { setHeaderRoute: { name: 'beta', match: [] } },
              { pause: {} },
              { setWeight: 100 },
            ],
          },
        },
      },
      status: {
        phase: 'Healthy',
        currentPodHash: 'b',
        stableRS: 'b',
        currentStepIndex: 4,
        // What Argo Rollouts reports after the last step: the canary service
        // routes to the stable pods and gets no weight of its own.
        canary: {
          weights: {
            canary: { weight: 0 },
            stable: { weight: 100 },
          },
        },
      },
    };
  }

  it('shows all the traffic on a finished rollout’s version, not the canary service’s 0 %', () => {
    const state = describeArgoRollout(finishedAb(), [
      replicaSet({
        revision: 2,
        hash: 'b',
        image: NEW,
        running: 4,
        rollout: true,
      }),
    ]);
    expect(state.canaryImages).toBeUndefined();
    expect(state.canary).toMatchObject({ setWeight: 100, actualWeight: 100 });
  });

  it('takes the traffic router’s canary weight while the rollout is updating', () => {
    const rollout = finishedAb();
    rollout.status = {
      ...rollout.status,
      phase: 'Paused',
      stableRS: 'a',
      currentStepIndex: 2,
      canary: {
        weights: {
          canary: { weight: 0 },
          stable: { weight: 100 },
        },
      },
    };
    const state = describeArgoRollout(rollout, [
      replicaSet({
        revision: 1,
        hash: 'a',
        image: OLD,
        running: 4,
        rollout: true,
      }),
      replicaSet({
        revision: 2,
        hash: 'b',
        image: NEW,
        running: 1,
        rollout: true,
      }),
    ]);
    expect(state.stableImages).toEqual([{ container: 'app', image: OLD }]);
    expect(state.canary).toMatchObject({ setWeight: 0, actualWeight: 0 });
  });
});
