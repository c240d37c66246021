import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import { RolloutActionRequest } from '@meschain/backstage-plugin-scaling-common';
import { describeArgoRollout } from './describeArgoRollout';
import { describeDeployment } from './describeDeployment';
import { LoadedWorkload, planRolloutAction } from './planRolloutAction';
import {
  DeploymentObject,
  ReplicaSetObject,
  RolloutObject,
} from './rolloutObjects';

const NOW = new Date('2026-11-27T01:30:00.123Z');
const REF = { namespace: 'shop', name: 'web' };

function replicaSet(
  revision: number,
  hash: string,
  image: string,
  annotation: string,
): ReplicaSetObject {
  const hashLabel = annotation.startsWith('rollout')
    ? 'rollouts-pod-template-hash'
    : 'pod-template-hash';
  const labels = { app: 'web', [hashLabel]: hash };
  return {
    metadata: {
      name: `web-${hash}`,
      uid: `rs-${hash}`,
      creationTimestamp: `2026-11-2${revision}T00:00:00Z`,
      labels,
      annotations: { [annotation]: String(revision) },
      ownerReferences: [
        {
          ...(annotation.startsWith('rollout')
            ? { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout' }
            : { apiVersion: 'apps/v1', kind: 'Deployment' }),
          name: REF.name,
          uid: 'owner',
          controller: true,
        },
      ],
    },
    spec: {
      replicas: 1,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels: { ...labels } },
        spec: { containers: [{ name: 'web', image }] },
      },
    },
  };
}

/** A canary paused at its first pause step, updating from web:1 to web:2. */
function pausedCanary(status: RolloutObject['status'] = {}): LoadedWorkload {
  const object: RolloutObject = {
    apiVersion: 'argoproj.io/v1alpha1',
    metadata: { ...REF, uid: 'owner' },
    spec: {
      template: { spec: { containers: [{ name: 'web', image: 'web:2' }] } },
      strategy: { canary: { steps: [{ setWeight: 20 }, { pause: {} }] } },
    },
    status: {
      currentPodHash: 'b',
      stableRS: 'a',
      currentStepIndex: 1,
      pauseConditions: [
        { reason: 'CanaryPauseStep', startTime: '2026-11-27T01:00:00Z' },
      ],
      ...status,
    },
  };
  const replicaSets = [
    replicaSet(1, 'a', 'web:1', 'rollout.argoproj.io/revision'),
    replicaSet(2, 'b', 'web:2', 'rollout.argoproj.io/revision'),
  ];
  return {
    kind: 'Rollout',
    object,
    replicaSets,
    state: describeArgoRollout(object, replicaSets),
  };
}

function deployment(paused = false): LoadedWorkload {
  const object: DeploymentObject = {
    apiVersion: 'apps/v1',
    metadata: { ...REF, uid: 'owner' },
    spec: {
      paused,
      selector: { matchLabels: { app: 'web' } },
      template: { spec: { containers: [{ name: 'web', image: 'web:2' }] } },
    },
  };
  const replicaSets = [
    replicaSet(1, 'a', 'web:1', 'deployment.kubernetes.io/revision'),
    replicaSet(2, 'b', 'web:2', 'deployment.kubernetes.io/revision'),
  ];
  return {
    kind: 'Deployment',
    object,
    replicaSets,
    state: describeDeployment(object, replicaSets),
  };
}

function plan(loaded: LoadedWorkload, request: Partial<RolloutActionRequest>) {
  return planRolloutAction(
    loaded,
    {
      cluster: 'c',
      workload: { kind: loaded.kind, ...REF },
      action: 'promote',
      ...request,
    },
    'Rollout shop/web',
    NOW,
  );
}

describe('planRolloutAction: the patches of kubectl argo rollouts and kubectl rollout', () => {
  it('promote clears the pause conditions on the status subresource, and unpauses the spec when it is paused', () => {
    expect(plan(pausedCanary(), { action: 'promote' })).toEqual([
      {
        subresource: 'status',
        patchType: 'application/merge-patch+json',
        body: { status: { pauseConditions: null } },
      },
    ]);
    const userPaused = pausedCanary({ pauseConditions: null });
    (userPaused.object as RolloutObject).spec.paused = true;
    expect(plan(userPaused, { action: 'promote' })).toEqual([
      {
        patchType: 'application/merge-patch+json',
        body: { spec: { paused: false } },
      },
    ]);
  });

  it('promote-full, abort and retry set status.promoteFull and status.abort on the status subresource', () => {
    expect(plan(pausedCanary(), { action: 'promote-full' })).toEqual([
      {
        subresource: 'status',
        patchType: 'application/merge-patch+json',
        body: { status: { promoteFull: true } },
      },
    ]);
    expect(plan(pausedCanary(), { action: 'abort' })[0].body).toEqual({
      status: { abort: true },
    });
    expect(
      plan(pausedCanary({ abort: true }), { action: 'retry' })[0].body,
    ).toEqual({ status: { abort: false } });
  });

  it('restart sets spec.restartAt in RFC 3339 seconds, as the plugin writes it', () => {
    expect(plan(pausedCanary(), { action: 'restart' })).toEqual([
      {
        patchType: 'application/merge-patch+json',
        body: { spec: { restartAt: '2026-11-27T01:30:00Z' } },
      },
    ]);
  });

  it('undo replaces spec.template with the revision’s, without the hash label', () => {
    expect(plan(pausedCanary(), { action: 'undo', revision: 1 })).toEqual([
      {
        patchType: 'application/json-patch+json',
        body: [
          {
            op: 'replace',
            path: '/spec/template',
            value: {
              metadata: { labels: { app: 'web' } },
              spec: { containers: [{ name: 'web', image: 'web:1' }] },
            },
          },
        ],
      },
    ]);
    // Without a revision: the previous one, as `undo` without --to-revision.
    expect(plan(deployment(), { action: 'undo' })).toEqual(
      plan(deployment(), { action: 'undo', revision: 1 }),
    );
  });

  it('restarts a Deployment through the restartedAt annotation of its pod template, as kubectl does', () => {
    expect(plan(deployment(), { action: 'restart' })[0].body).toEqual({
      spec: {
        template: {
          metadata: {
            annotations: {
              'kubectl.kubernetes.io/restartedAt': '2026-11-27T01:30:00Z',
            },
          },
        },
      },
    });
    expect(plan(deployment(), { action: 'pause' })[0].body).toEqual({
      spec: { paused: true },
    });
    expect(plan(deployment(true), { action: 'resume' })[0].body).toEqual({
      spec: { paused: false },
    });
  });

  it('set-image tests the container’s name before replacing its image', () => {
    expect(
      plan(deployment(), {
        action: 'set-image',
        image: { container: 'web', image: 'web:3' },
      })[0].body,
    ).toEqual([
      {
        op: 'test',
        path: '/spec/template/spec/containers/0/name',
        value: 'web',
      },
      {
        op: 'replace',
        path: '/spec/template/spec/containers/0/image',
        value: 'web:3',
      },
    ]);
  });

  it.each<
    [
      string,
      () => LoadedWorkload,
      Partial<RolloutActionRequest>,
      unknown,
      RegExp,
    ]
  >([
    [
      'promote when nothing is paused',
      () => pausedCanary({ pauseConditions: null }),
      { action: 'promote' },
      ConflictError,
      /is not paused/,
    ],
    [
      'promote while aborted',
      () => pausedCanary({ abort: true }),
      { action: 'promote' },
      ConflictError,
      /retry it before promoting/,
    ],
    [
      'retry when nothing was aborted',
      pausedCanary,
      { action: 'retry' },
      ConflictError,
      /was not aborted/,
    ],
    [
      'abort twice',
      () => pausedCanary({ abort: true }),
      { action: 'abort' },
      ConflictError,
      /already aborted/,
    ],
    [
      'promote-full when stable',
      () => pausedCanary({ currentPodHash: 'a' }),
      { action: 'promote-full' },
      ConflictError,
      /already runs its stable revision/,
    ],
    [
      'undo to the current revision',
      pausedCanary,
      { action: 'undo', revision: 2 },
      ConflictError,
      /already runs revision 2/,
    ],
    [
      'undo to an unknown revision',
      pausedCanary,
      { action: 'undo', revision: 7 },
      NotFoundError,
      /no revision 7 \(its revisions: 2, 1\)/,
    ],
    [
      'pause on a Rollout',
      pausedCanary,
      { action: 'pause' },
      InputError,
      /pause does not apply to a Rollout/,
    ],
    [
      'promote on a Deployment',
      deployment,
      { action: 'promote' },
      InputError,
      /promote does not apply to a Deployment/,
    ],
    [
      'undo of a paused Deployment',
      () => deployment(true),
      { action: 'undo' },
      ConflictError,
      /resume it before rolling it back/,
    ],
    [
      'set-image of an unknown container',
      deployment,
      { action: 'set-image', image: { container: 'api', image: 'x' } },
      NotFoundError,
      /no container api \(its containers: web\)/,
    ],
    [
      'set-image to the running image',
      deployment,
      { action: 'set-image', image: { container: 'web', image: 'web:2' } },
      ConflictError,
      /already runs web:2/,
    ],
    [
      'a revision on another action',
      deployment,
      { action: 'restart', revision: 1 },
      InputError,
      /only undo takes a revision/,
    ],
  ])('refuses %s', (_case, loaded, request, type, message) => {
    const attempt = () => plan(loaded(), request);
    expect(attempt).toThrow(type as typeof Error);
    expect(attempt).toThrow(message);
  });
});
