import {
  AuditorService,
  LoggerService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotAllowedError, toError } from '@backstage/errors';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import { JsonObject } from '@backstage/types';
import {
  scalingAdminPermission,
  ScalingAction,
  ScalingEntityFacts,
  ScalingWorkloadRef,
} from '@meschain/backstage-plugin-scaling-common';
import { AuditAttempt, ScalingAuditStore } from '../../database';
import { EntityScalingFactsService } from '../EntityScalingFacts';
import {
  ClusterStateCache,
  clusterStateCacheKey,
  workloadQueryFor,
} from '../ScalingState';
import { authorizeEntityAction } from '../EntityPermissions';
import { WriteCaller } from './types';

/** A write as it is asked for, before anything is known about the entity. */
export type EntityWrite = {
  entityRef: CompoundEntityRef;
  action: ScalingAction;
  required: ResourcePermission<'catalog-entity'>[];
  /** The request, as audited. */
  asked: JsonObject;
  /** The cluster the request names, if one, so that a denial records it. */
  cluster?: string;
  /** A dry run changes nothing, so a refusal of one is not an attempt to audit. */
  dryRun?: boolean;
};

/** One cluster call of a write and what it changes. */
export type ClusterWriteTarget = {
  cluster: string;
  workload?: ScalingWorkloadRef;
  /** The state the call replaces, as audited. */
  before?: unknown;
};

/** A write the caller may make; the operation validates it, then calls clusters through it. */
export interface AuthorizedWrite {
  facts: ScalingEntityFacts;
  /**
   * The caller does not own the entity and acts through `scaling.admin`; the
   * write is audited as an admin action.
   */
  asAdmin: boolean;
  /**
   * Runs one cluster call between its audit attempt and its outcome (in the
   * audit store and the auditor service), then forgets the cluster's cached
   * state so the next read shows the change.
   */
  inCluster<T>(
    target: ClusterWriteTarget,
    call: () => Promise<{ result: T; after?: unknown }>,
  ): Promise<T>;
}

/** The one way every write goes: authorize, validate, audit, call, audit, evict. */
export interface ScalingWritePipeline {
  /**
   * Authorizes the write, then runs the operation. An operation that fails
   * before it reaches a cluster (bad input, a guard-rail, an HPA owning the
   * replicas) is audited as a failed attempt with that error.
   *
   * @throws NotAllowedError, after auditing the denial, when the caller lacks a required permission
   */
  run<T>(
    caller: WriteCaller,
    write: EntityWrite,
    operation: (authorized: AuthorizedWrite) => Promise<T>,
  ): Promise<T>;
}

function workloadKey(workload: ScalingWorkloadRef | undefined) {
  return workload && `${workload.kind.toLowerCase()}/${workload.name}`;
}

/** Completes "You may not …", e.g. "You may not scale component:default/web". */
const ACTION_PHRASES: Record<ScalingAction, string> = {
  'replicas.scale': 'scale',
  'autoscaler.bounds': 'change the autoscaler bounds of',
  'policy.apply': 'apply a scaling policy to',
  'policy.delete': 'delete the scaling policy of',
  'rollout.promote': 'promote the rollout of',
  'rollout.promote-full': 'fully promote the rollout of',
  'rollout.abort': 'abort the rollout of',
  'rollout.retry': 'retry the rollout of',
  'rollout.restart': 'restart the workloads of',
  'rollout.pause': 'pause the rollout of',
  'rollout.resume': 'resume the rollout of',
  'rollout.undo': 'roll back',
  'rollout.set-image': 'change the image of',
};

/** The auditor's event id of a write, e.g. `scaling-replicas-scale`. */
function auditorEventId(action: ScalingAction): string {
  return `scaling-${action.replace('.', '-')}`;
}

export function createScalingWritePipeline(options: {
  permissions: PermissionsService;
  userInfo: UserInfoService;
  auditor: AuditorService;
  auditStore: ScalingAuditStore;
  entityFacts: EntityScalingFactsService;
  stateCache: ClusterStateCache;
  logger: LoggerService;
}): ScalingWritePipeline {
  const {
    permissions,
    userInfo,
    auditor,
    auditStore,
    entityFacts,
    stateCache,
    logger,
  } = options;

  /**
   * Whether an allowed write is an admin's: the caller owns nothing that owns
   * the entity, and holds `scaling.admin`.
   */
  async function actsAsAdmin(caller: WriteCaller, facts: ScalingEntityFacts) {
    const { ownershipEntityRefs } = await userInfo.getUserInfo(
      caller.credentials,
    );
    if (facts.owner && ownershipEntityRefs.includes(facts.owner)) {
      return false;
    }
    const [decision] = await permissions.authorize(
      [{ permission: scalingAdminPermission }],
      { credentials: caller.credentials },
    );
    return decision.result === AuthorizeResult.ALLOW;
  }

  async function recordOutcome(
    id: string,
    outcome: Parameters<ScalingAuditStore['recordOutcome']>[1],
  ) {
    try {
      await auditStore.recordOutcome(id, outcome);
    } catch (error) {
      // The cluster call is done; failing the request now would misreport it.
      logger.error('Could not record the outcome of a scaling write', {
        auditEventId: id,
        error: toError(error).message,
      });
    }
  }

  function startAuditorEvent(
    caller: WriteCaller,
    write: EntityWrite,
    meta: JsonObject,
  ) {
    return auditor.createEvent({
      eventId: auditorEventId(write.action),
      request: caller.request,
      severityLevel: 'medium',
      meta,
    });
  }

  /** Records, in the audit table and the auditor, a write that never reached a cluster. */
  async function auditRejection(
    caller: WriteCaller,
    write: EntityWrite,
    entityRef: string,
    error: Error,
    store: (attempt: AuditAttempt) => Promise<unknown>,
    asAdmin = false,
  ) {
    const meta = {
      entityRef,
      action: write.action,
      asked: write.asked,
      ...(asAdmin && { asAdmin }),
    };
    const event = await startAuditorEvent(caller, write, meta);
    await store({
      actorRef: caller.credentials.principal.userEntityRef,
      entityRef,
      action: write.action,
      cluster: write.cluster,
      request: write.asked,
      asAdmin,
    });
    await event.fail({ error, meta });
  }

  async function refuse(
    caller: WriteCaller,
    write: EntityWrite,
    entityRef: string,
    missing: ResourcePermission[],
  ): Promise<never> {
    const names = missing.map(permission => permission.name).join(', ');
    const error = new NotAllowedError(
      `You may not ${
        ACTION_PHRASES[write.action]
      } ${entityRef}: it needs the ${names} permission${
        missing.length > 1 ? 's' : ''
      }`,
    );
    await auditRejection(caller, write, entityRef, error, attempt =>
      auditStore.recordDenial(attempt),
    );
    throw error;
  }

  function recordRefusal(
    caller: WriteCaller,
    write: EntityWrite,
    authorized: AuthorizedWrite,
    error: Error,
  ) {
    return auditRejection(
      caller,
      write,
      authorized.facts.entityRef,
      error,
      async attempt =>
        recordOutcome(await auditStore.recordAttempt(attempt), {
          outcome: 'failed',
          error: error.message,
        }),
      authorized.asAdmin,
    );
  }

  async function begin(
    caller: WriteCaller,
    write: EntityWrite,
  ): Promise<AuthorizedWrite> {
    const entityRef = stringifyEntityRef(write.entityRef);
    const missing = await authorizeEntityAction(permissions, {
      credentials: caller.credentials,
      entityRef,
      required: write.required,
    });
    if (missing.length > 0) {
      await refuse(caller, write, entityRef, missing);
    }
    const facts = await entityFacts.getFacts(write.entityRef, {
      credentials: caller.credentials,
    });
    const query = workloadQueryFor(facts);
    const asAdmin = await actsAsAdmin(caller, facts);

    return {
      facts,
      asAdmin,
      async inCluster(target, call) {
        const meta: JsonObject = {
          entityRef: facts.entityRef,
          action: write.action,
          cluster: target.cluster,
          ...(target.workload && { workload: target.workload }),
          asked: write.asked,
          ...(asAdmin && { asAdmin }),
        };
        const event = await startAuditorEvent(caller, write, meta);
        const auditEventId = await auditStore.recordAttempt({
          actorRef: caller.credentials.principal.userEntityRef,
          entityRef: facts.entityRef,
          action: write.action,
          cluster: target.cluster,
          namespace: target.workload?.namespace,
          workload: workloadKey(target.workload),
          request: write.asked,
          before: target.before,
          asAdmin,
        });
        const logged = {
          entityRef: facts.entityRef,
          action: write.action,
          cluster: target.cluster,
          workload: workloadKey(target.workload),
          asAdmin,
        };
        try {
          const { result, after } = await call();
          await recordOutcome(auditEventId, { outcome: 'succeeded', after });
          await event.success({ meta });
          logger.info('Scaling write succeeded', logged);
          return result;
        } catch (error) {
          const failure = toError(error);
          logger.warn('Scaling write failed', {
            ...logged,
            error: failure.message,
          });
          await recordOutcome(auditEventId, {
            outcome: 'failed',
            error: failure.message,
          });
          await event.fail({ error: failure, meta });
          throw error;
        } finally {
          await stateCache.evict(clusterStateCacheKey(target.cluster, query));
        }
      },
    };
  }

  return {
    async run(caller, write, operation) {
      const authorized = await begin(caller, write);
      let reachedCluster = false;
      try {
        return await operation({
          facts: authorized.facts,
          asAdmin: authorized.asAdmin,
          inCluster(target, call) {
            reachedCluster = true;
            return authorized.inCluster(target, call);
          },
        });
      } catch (error) {
        if (!reachedCluster && !write.dryRun) {
          await recordRefusal(caller, write, authorized, toError(error));
        }
        throw error;
      }
    },
  };
}
