import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  RolloutActionName,
  RolloutActionRequest,
  WorkloadRolloutState,
} from '@meschain/backstage-plugin-scaling-common';
import { KubernetesPatchType } from '../Clusters';
import { isRolloutPaused, isUpdating } from './describeArgoRollout';
import {
  DeploymentObject,
  ReplicaSetObject,
  RolloutObject,
} from './rolloutObjects';
import { templateWithoutHash } from './revisions';

/** A workload as read for an action: its object, the ReplicaSets it controls and its state. */
export type LoadedWorkload =
  | {
      kind: 'Rollout';
      object: RolloutObject;
      replicaSets: ReplicaSetObject[];
      state: WorkloadRolloutState;
    }
  | {
      kind: 'Deployment';
      object: DeploymentObject;
      replicaSets: ReplicaSetObject[];
      state: WorkloadRolloutState;
    };

/** One request to the workload's object, or to its `status` subresource. */
export type RolloutPatch = {
  subresource?: 'status';
  patchType: KubernetesPatchType;
  body: unknown;
};

const MERGE: KubernetesPatchType = 'application/merge-patch+json';
const JSON_PATCH: KubernetesPatchType = 'application/json-patch+json';

/** A merge patch of the Rollout's status, where Argo Rollouts reads its commands. */
function statusPatch(status: Record<string, unknown>): RolloutPatch {
  return { subresource: 'status', patchType: MERGE, body: { status } };
}

const ROLLOUT_ACTIONS: RolloutActionName[] = [
  'promote',
  'promote-full',
  'abort',
  'retry',
  'restart',
  'undo',
  'set-image',
];
const DEPLOYMENT_ACTIONS: RolloutActionName[] = [
  'restart',
  'pause',
  'resume',
  'undo',
  'set-image',
];

/** `time.RFC3339`, as kubectl writes restart times: seconds, no fraction. */
function rfc3339(now: Date): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function undoPatch(
  loaded: LoadedWorkload,
  revision: number | undefined,
  described: string,
): RolloutPatch[] {
  const revisions = loaded.state.revisions;
  const target =
    revision === undefined
      ? revisions.find(
          r =>
            !r.current &&
            r.revision < (loaded.state.currentRevision ?? Infinity),
        )
      : revisions.find(r => r.revision === revision);
  if (!target) {
    if (revision !== undefined) {
      throw new NotFoundError(
        `revision: ${described} has no revision ${revision} (its revisions: ${
          revisions.map(r => r.revision).join(', ') || 'none'
        })`,
      );
    }
    throw new ConflictError(
      `${described} has no earlier revision to roll back to`,
    );
  }
  if (target.current) {
    throw new ConflictError(
      `${described} already runs revision ${target.revision}; there is nothing to roll back`,
    );
  }
  const rs = loaded.replicaSets.find(
    r => r.metadata.name === target.replicaSet,
  )!;
  // `kubectl rollout undo` and `kubectl argo rollouts undo` both replace the
  // whole pod template with the ReplicaSet's, minus the hash label.
  return [
    {
      patchType: JSON_PATCH,
      body: [
        {
          op: 'replace',
          path: '/spec/template',
          value: templateWithoutHash(rs.spec?.template),
        },
      ],
    },
  ];
}

function setImagePatch(
  loaded: LoadedWorkload,
  image: RolloutActionRequest['image'],
  described: string,
): RolloutPatch[] {
  if (!image) {
    throw new InputError(
      'image: set-image needs the container and its new image',
    );
  }
  const containers = loaded.object.spec.template.spec?.containers ?? [];
  const index = containers.findIndex(c => c.name === image.container);
  if (index < 0) {
    throw new NotFoundError(
      `image.container: ${described} has no container ${
        image.container
      } (its containers: ${containers.map(c => c.name).join(', ')})`,
    );
  }
  if (containers[index].image === image.image) {
    throw new ConflictError(
      `Container ${image.container} of ${described} already runs ${image.image}`,
    );
  }
  const path = `/spec/template/spec/containers/${index}`;
  return [
    {
      patchType: JSON_PATCH,
      // The test keeps a concurrent reorder of containers from changing the wrong one.
      body: [
        { op: 'test', path: `${path}/name`, value: image.container },
        { op: 'replace', path: `${path}/image`, value: image.image },
      ],
    },
  ];
}

/** The patches `kubectl argo rollouts` sends for an action on a Rollout. */
function rolloutPatches(
  loaded: Extract<LoadedWorkload, { kind: 'Rollout' }>,
  request: RolloutActionRequest,
  described: string,
  now: Date,
): RolloutPatch[] {
  const rollout = loaded.object;
  const aborted = !!rollout.status?.abort;
  switch (request.action) {
    case 'promote': {
      if (aborted) {
        throw new ConflictError(
          `${described} was aborted; retry it before promoting`,
        );
      }
      if (!isRolloutPaused(rollout)) {
        throw new ConflictError(
          `${described} is not paused, so there is no pause to promote past`,
        );
      }
      const patches: RolloutPatch[] = [];
      if (rollout.status?.pauseConditions?.length) {
        patches.push(statusPatch({ pauseConditions: null }));
      }
      if (rollout.spec.paused) {
        patches.push({ patchType: MERGE, body: { spec: { paused: false } } });
      }
      return patches;
    }
    case 'promote-full':
      if (!isUpdating(rollout)) {
        throw new ConflictError(
          `${described} already runs its stable revision; there is nothing to promote`,
        );
      }
      return [statusPatch({ promoteFull: true })];
    case 'abort':
      if (aborted) throw new ConflictError(`${described} is already aborted`);
      if (!isUpdating(rollout)) {
        throw new ConflictError(
          `${described} is not updating, so there is nothing to abort`,
        );
      }
      return [statusPatch({ abort: true })];
    case 'retry':
      if (!aborted) {
        throw new ConflictError(
          `${described} was not aborted, so there is nothing to retry`,
        );
      }
      return [statusPatch({ abort: false })];
    case 'restart':
      return [
        { patchType: MERGE, body: { spec: { restartAt: rfc3339(now) } } },
      ];
    case 'undo':
      return undoPatch(loaded, request.revision, described);
    default:
      throw new InputError(
        `action: ${request.action} does not apply to a Rollout`,
      );
  }
}

/** The patches `kubectl rollout` sends for an action on a Deployment. */
function deploymentPatches(
  loaded: Extract<LoadedWorkload, { kind: 'Deployment' }>,
  request: RolloutActionRequest,
  described: string,
  now: Date,
): RolloutPatch[] {
  const paused = !!loaded.object.spec.paused;
  switch (request.action) {
    case 'restart':
      return [
        {
          patchType: MERGE,
          body: {
            spec: {
              template: {
                metadata: {
                  annotations: {
                    'kubectl.kubernetes.io/restartedAt': rfc3339(now),
                  },
                },
              },
            },
          },
        },
      ];
    case 'pause':
      if (paused) throw new ConflictError(`${described} is already paused`);
      return [{ patchType: MERGE, body: { spec: { paused: true } } }];
    case 'resume':
      if (!paused) throw new ConflictError(`${described} is not paused`);
      return [{ patchType: MERGE, body: { spec: { paused: false } } }];
    case 'undo':
      if (paused) {
        throw new ConflictError(
          `${described} is paused; resume it before rolling it back`,
        );
      }
      return undoPatch(loaded, request.revision, described);
    default:
      throw new InputError(
        `action: ${request.action} does not apply to a Deployment`,
      );
  }
}

/**
 * The patches that carry out an action, exactly as the kubectl plugins send
 * them, or the reason it does not apply now.
 *
 * @throws InputError for an action of the other kind of workload, or a set-image without an image
 * @throws NotFoundError for an unknown revision or container
 * @throws ConflictError for an action the workload's current state does not allow
 */
export function planRolloutAction(
  loaded: LoadedWorkload,
  request: RolloutActionRequest,
  described: string,
  now: Date,
): RolloutPatch[] {
  const supported =
    loaded.kind === 'Rollout' ? ROLLOUT_ACTIONS : DEPLOYMENT_ACTIONS;
  if (!supported.includes(request.action)) {
    throw new InputError(
      `action: ${request.action} does not apply to a ${
        loaded.kind
      } (it takes ${supported.join(', ')})`,
    );
  }
  if (request.revision !== undefined && request.action !== 'undo') {
    throw new InputError('revision: only undo takes a revision');
  }
  if (request.action === 'set-image') {
    return setImagePatch(loaded, request.image, described);
  }
  return loaded.kind === 'Rollout'
    ? rolloutPatches(loaded, request, described, now)
    : deploymentPatches(loaded, request, described, now);
}
