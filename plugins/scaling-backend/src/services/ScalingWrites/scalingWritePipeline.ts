import {
  AuditorService,
  BackstageCredentials,
  AuditorServiceEvent,
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
  BasicPermission,
  Permission,
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
import { SuiteWriteCaller, WriteCaller } from './types';
import { Request } from 'express';

/** A write as it is asked for, before anything is known about the entity. */
export type EntityWrite = {
  entityRef: CompoundEntityRef;
  action: ScalingAction;
  required: ResourcePermission<'catalog-entity'>[];
  /** The request, as audited. */
  asked: WriteRequest;
  /** The cluster the request names, if one, so that a denial records it. */
  cluster?: string;
  /** A dry run changes nothing, so a refusal of one is not an attempt to audit. */
  dryRun?: boolean;
};

/** A write to the suite's own data rather than to an entity's workloads. */
export type SuiteAction = 'cost.backfill' | 'service.create';

/**
 * A write of the suite's own data, e.g. re-ingesting cost. It is allowed by
 * a basic permission, and audited by the auditor service alone: the audit
 * table is each entity's history, and it concerns no entity.
 */
export type SuiteWrite = {
  action: SuiteAction;
  permission: BasicPermission;
  /** The request, as audited. */
  asked: WriteRequest;
  /**
   * The entity the write brings about, e.g. a service being created, which
   * is not in the catalog yet: its history starts with the write.
   */
  entityRef?: string;
};

/**
 * A write's request body, which is JSON; its generated model types are
 * interfaces, which `JsonObject` does not admit, so the auditor's metadata
 * takes it through {@link auditedRequest}.
 */
export type WriteRequest = object;

function auditedRequest(write: { asked: WriteRequest }): JsonObject {
  return write.asked as JsonObject;
}

/** One cluster call of a write and what it changes. */
export type ClusterWriteTarget = {
  cluster: string;
  workload?: ScalingWorkloadRef;
  /** The state the call replaces, as audited. */
  before?: unknown;
};

/** What one audited call of a write changes: a cluster's object, or something outside the clusters. */
type WriteTarget = Partial<ClusterWriteTarget>;

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
  /**
   * Runs one change that is not a cluster call, e.g. to the entity's alert
   * rules in Prometheus or its silences in Alertmanager, between its audit
   * attempt and its outcome, as `inCluster` does.
   */
  auditedChange<T>(
    before: unknown,
    call: () => Promise<{ result: T; after?: unknown }>,
  ): Promise<T>;
}

/** A suite write the caller may make; the operation validates it, then acts through it. */
export interface AuthorizedSuiteWrite {
  /**
   * Runs the write between its audit attempt and its outcome. `after`
   * sums up what changed, for the auditor. With the write's `entityRef`,
   * the attempt and outcome are also the entity's history, on `cluster`.
   */
  act<T>(
    call: () => Promise<{ result: T; after?: JsonObject }>,
    target?: { cluster?: string },
  ): Promise<T>;
}

/** A scheduler task writing on a user's behalf. */
export type ScheduledWriteTask = {
  /** The scheduler's task id; the write is audited as `task:<id>`. */
  taskId: string;
  /** The user entity ref of the user whose instruction the task carries out. */
  onBehalfOf: string;
  /** The plugin's own credentials, to read the entity with. */
  credentials: BackstageCredentials;
};

/** The one way every write goes: authorize, validate, audit, act, audit. */
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

  /**
   * Runs a write that a scheduler task makes on a user's standing instruction, e.g. a step of a
   * predictive schedule. The instruction was authorised and audited when the user gave it
   * (through `run`), so the write is not authorised again; it is audited with the task as its
   * actor and the user as `onBehalfOf`.
   */
  runScheduled<T>(
    task: ScheduledWriteTask,
    write: Omit<EntityWrite, 'required' | 'dryRun'>,
    operation: (authorized: AuthorizedWrite) => Promise<T>,
  ): Promise<T>;

  /**
   * The same for a write of the suite's own data, which a user or another
   * backend may ask for.
   *
   * @throws NotAllowedError, after auditing the denial, when the caller lacks the permission
   */
  runSuiteWrite<T>(
    caller: SuiteWriteCaller,
    write: SuiteWrite,
    operation: (authorized: AuthorizedSuiteWrite) => Promise<T>,
  ): Promise<T>;
}

function workloadKey(workload: ScalingWorkloadRef | undefined) {
  return workload && `${workload.kind.toLowerCase()}/${workload.name}`;
}

/** Completes "You may not …", e.g. "You may not scale component:default/web". */
const ACTION_PHRASES: Record<ScalingAction | SuiteAction, string> = {
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
  'alert-rule.create': 'create an alert rule of',
  'alert-rule.update': 'change an alert rule of',
  'alert-rule.delete': 'delete an alert rule of',
  'maintenance-window.create': 'open a maintenance window of',
  'maintenance-window.expire': 'expire a maintenance window of',
  'predictive-schedule.apply': 'apply a predictive schedule to',
  'predictive-schedule.remove': 'remove the predictive schedule of',
  'predictive-schedule.step': 'set a scheduled minimum of',
  'cost.backfill': 'backfill cost',
  'service.create': 'create services',
};

/** The auditor's event id of a write, e.g. `scaling-replicas-scale`. */
function auditorEventId(action: ScalingAction | SuiteAction): string {
  return `scaling-${action.replace('.', '-')}`;
}

/** How one kind of write is checked and recorded; `runInOrder` keeps the order. */
type WriteSteps<P> = {
  /** The permissions of those the write needs that the caller lacks. */
  missing(): Promise<Permission[]>;
  /** What is refused, e.g. "scale component:default/web". */
  refused: string;
  /** Records a denial. */
  deny(error: NotAllowedError): Promise<void>;
  /** What the operation needs once the write is allowed. */
  prepare(): Promise<P>;
  /** Records a write that failed before it acted, e.g. on bad input. */
  reject(prepared: P, error: Error): Promise<void>;
  /** A dry run changes nothing, so its refusal is not recorded. */
  dryRun?: boolean;
};

/**
 * Authorizes, then runs the operation, which validates and acts. A failure
 * before `acting` is called is recorded as a rejected attempt.
 */
async function runInOrder<P, T>(
  steps: WriteSteps<P>,
  operation: (prepared: P, acting: () => void) => Promise<T>,
): Promise<T> {
  const missing = await steps.missing();
  if (missing.length > 0) {
    const names = missing.map(permission => permission.name).join(', ');
    const error = new NotAllowedError(
      `You may not ${steps.refused}: it needs the ${names} permission${
        missing.length > 1 ? 's' : ''
      }`,
    );
    await steps.deny(error);
    throw error;
  }
  const prepared = await steps.prepare();
  let acted = false;
  try {
    return await operation(prepared, () => {
      acted = true;
    });
  } catch (error) {
    if (!acted && !steps.dryRun) {
      await steps.reject(prepared, toError(error));
    }
    throw error;
  }
}

/** Who a write is audited as, and the HTTP request the auditor service reports it with. */
type Actor = { actorRef: string; request?: Request };

const actorOf = (caller: WriteCaller): Actor => ({
  actorRef: caller.credentials.principal.userEntityRef,
  request: caller.request,
});

/** How an audited attempt is recorded once it has started. */
type AttemptRecord<A> = {
  succeeded(after: A | undefined): Promise<void>;
  failed(error: Error): Promise<void>;
};

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
    caller: { request?: Request },
    action: ScalingAction | SuiteAction,
    meta: JsonObject,
  ): Promise<AuditorServiceEvent> {
    return auditor.createEvent({
      eventId: auditorEventId(action),
      request: caller.request,
      severityLevel: 'medium',
      meta,
    });
  }

  /**
   * Runs a write's call between its attempt and its outcome, as `start`
   * records them, and logs how it ended.
   */
  async function audited<T, A>(
    start: () => Promise<AttemptRecord<A>>,
    logged: JsonObject,
    call: () => Promise<{ result: T; after?: A }>,
  ): Promise<T> {
    const record = await start();
    try {
      const { result, after } = await call();
      await record.succeeded(after);
      logger.info('Scaling write succeeded', logged);
      return result;
    } catch (error) {
      const failure = toError(error);
      logger.warn('Scaling write failed', {
        ...logged,
        error: failure.message,
      });
      await record.failed(failure);
      throw error;
    }
  }

  /** Records, in the audit table and the auditor, an entity write that never reached a cluster. */
  async function auditRejection(
    actor: Actor,
    write: EntityWrite,
    entityRef: string,
    error: Error,
    store: (attempt: AuditAttempt) => Promise<unknown>,
    asAdmin = false,
  ) {
    const meta = {
      entityRef,
      action: write.action,
      asked: auditedRequest(write),
      ...(asAdmin && { asAdmin }),
    };
    const event = await startAuditorEvent(actor, write.action, meta);
    await store({
      actorRef: actor.actorRef,
      entityRef,
      action: write.action,
      cluster: write.cluster,
      request: write.asked,
      asAdmin,
    });
    await event.fail({ error, meta });
  }

  /** Records an entity write's attempt on one target, in the audit table and the auditor. */
  async function startEntityAttempt(
    actor: Actor,
    write: EntityWrite,
    target: WriteTarget,
    meta: JsonObject,
    attempt: { entityRef: string; asAdmin: boolean },
  ): Promise<AttemptRecord<unknown>> {
    const event = await startAuditorEvent(actor, write.action, meta);
    const auditEventId = await auditStore.recordAttempt({
      actorRef: actor.actorRef,
      entityRef: attempt.entityRef,
      action: write.action,
      cluster: target.cluster,
      namespace: target.workload?.namespace,
      workload: workloadKey(target.workload),
      request: write.asked,
      before: target.before,
      asAdmin: attempt.asAdmin,
    });
    return {
      async succeeded(after) {
        await recordOutcome(auditEventId, { outcome: 'succeeded', after });
        await event.success({ meta });
      },
      async failed(error) {
        await recordOutcome(auditEventId, {
          outcome: 'failed',
          error: error.message,
        });
        await event.fail({ error, meta });
      },
    };
  }

  /** Records a user's suite write in the history of the entity it brings about, if it names one. */
  async function startSuiteHistory(
    caller: SuiteWriteCaller,
    write: SuiteWrite,
    target: { cluster?: string },
  ): Promise<string | undefined> {
    const { principal } = caller.credentials;
    if (!write.entityRef || principal.type !== 'user') {
      return undefined;
    }
    return auditStore.recordAttempt({
      actorRef: principal.userEntityRef,
      entityRef: write.entityRef,
      action: write.action,
      cluster: target.cluster,
      request: write.asked,
    });
  }

  function authorizedWrite(
    actor: Actor,
    write: EntityWrite,
    facts: ScalingEntityFacts,
    asAdmin: boolean,
  ): AuthorizedWrite {
    const { entityRef } = facts;
    const query = workloadQueryFor(facts);
    function auditedOn<T>(
      target: WriteTarget,
      call: () => Promise<{ result: T; after?: unknown }>,
    ) {
      const meta: JsonObject = {
        entityRef,
        action: write.action,
        ...(target.cluster && { cluster: target.cluster }),
        ...(target.workload && { workload: { ...target.workload } }),
        asked: auditedRequest(write),
        ...(asAdmin && { asAdmin }),
      };
      const logged = {
        entityRef,
        action: write.action,
        cluster: target.cluster,
        workload: workloadKey(target.workload),
        asAdmin,
      };
      return audited(
        () =>
          startEntityAttempt(actor, write, target, meta, {
            entityRef,
            asAdmin,
          }),
        logged,
        call,
      );
    }
    return {
      facts,
      asAdmin,
      async inCluster(target, call) {
        try {
          return await auditedOn(target, call);
        } finally {
          await stateCache.evict(clusterStateCacheKey(target.cluster, query));
        }
      },
      auditedChange: (before, call) => auditedOn({ before }, call),
    };
  }

  return {
    run(caller, write, operation) {
      const entityRef = stringifyEntityRef(write.entityRef);
      return runInOrder(
        {
          missing: () =>
            authorizeEntityAction(permissions, {
              credentials: caller.credentials,
              entityRef,
              required: write.required,
            }),
          refused: `${ACTION_PHRASES[write.action]} ${entityRef}`,
          deny: error =>
            auditRejection(actorOf(caller), write, entityRef, error, attempt =>
              auditStore.recordDenial(attempt),
            ),
          async prepare() {
            const facts = await entityFacts.getFacts(write.entityRef, {
              credentials: caller.credentials,
              fresh: true,
            });
            return authorizedWrite(
              actorOf(caller),
              write,
              facts,
              await actsAsAdmin(caller, facts),
            );
          },
          reject: (authorized, error) =>
            auditRejection(
              actorOf(caller),
              write,
              authorized.facts.entityRef,
              error,
              async attempt =>
                recordOutcome(await auditStore.recordAttempt(attempt), {
                  outcome: 'failed',
                  error: error.message,
                }),
              authorized.asAdmin,
            ),
          dryRun: write.dryRun,
        },
        (authorized, acting) =>
          operation({
            ...authorized,
            inCluster(target, call) {
              acting();
              return authorized.inCluster(target, call);
            },
            auditedChange(before, call) {
              acting();
              return authorized.auditedChange(before, call);
            },
          }),
      );
    },

    async runScheduled(task, write, operation) {
      const facts = await entityFacts.getFacts(write.entityRef, {
        credentials: task.credentials,
        fresh: true,
      });
      const scheduled: EntityWrite = {
        ...write,
        required: [],
        asked: { ...write.asked, onBehalfOf: task.onBehalfOf },
      };
      return operation(
        authorizedWrite(
          { actorRef: `task:${task.taskId}` },
          scheduled,
          facts,
          false,
        ),
      );
    },

    runSuiteWrite(caller, write, operation) {
      const meta = { action: write.action, asked: auditedRequest(write) };
      const failEvent = async (error: Error) => {
        const event = await startAuditorEvent(caller, write.action, meta);
        await event.fail({ error, meta });
      };
      return runInOrder(
        {
          async missing() {
            const [decision] = await permissions.authorize(
              [{ permission: write.permission }],
              { credentials: caller.credentials },
            );
            return decision.result === AuthorizeResult.ALLOW
              ? []
              : [write.permission];
          },
          refused: ACTION_PHRASES[write.action],
          deny: failEvent,
          prepare: async () => undefined,
          reject: (_, error) => failEvent(error),
        },
        (_, acting) =>
          operation({
            act(call, target = {}) {
              acting();
              return audited(
                async () => {
                  const event = await startAuditorEvent(
                    caller,
                    write.action,
                    meta,
                  );
                  const historyId = await startSuiteHistory(
                    caller,
                    write,
                    target,
                  );
                  return {
                    async succeeded(after) {
                      if (historyId) {
                        await recordOutcome(historyId, {
                          outcome: 'succeeded',
                          after,
                        });
                      }
                      await event.success({ meta: { ...meta, ...after } });
                    },
                    async failed(error) {
                      if (historyId) {
                        await recordOutcome(historyId, {
                          outcome: 'failed',
                          error: error.message,
                        });
                      }
                      await event.fail({ error, meta });
                    },
                  };
                },
                { action: write.action, cluster: target.cluster },
                call,
              );
            },
          }),
      );
    },
  };
}
