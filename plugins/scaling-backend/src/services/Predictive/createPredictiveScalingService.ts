import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { CompoundEntityRef, parseEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  fitPredictiveSchedule,
  hpaLeadTimeSeconds,
  LoadForecast,
  PredictiveSchedule,
  ReplicaFloorStep,
  scalingReplicasUpdatePermission,
  stepAt,
} from '@meschain/backstage-plugin-scaling-common';
import {
  EntityLoadForecast,
  PredictiveScheduleView,
} from '../../schema/openapi/generated/models';
import { EntityScalingFactsService } from '../EntityScalingFacts';
import { EntityScalingStateService } from '../ScalingState';
import {
  AuthorizedWrite,
  EntityPlacement,
  ScalingWritePipeline,
  setAutoscalerMinimum,
  WriteCaller,
} from '../ScalingWrites';
import { forecastAgainstActual } from './forecastAgainstActual';
import { LoadHistorySource } from './historySource';
import { PredictiveSettings } from './predictiveSettings';
import { Replay, scheduleEffect } from './scheduleEffect';
import { ScheduleTarget, scheduleTargetIn } from './scheduleTarget';

/** A schedule fitted to the forecast, or why none could be, with what was known by then. */
type Proposal =
  | {
      entityRef: string;
      unavailable: string;
      target?: ScheduleTarget;
      leadTimeSeconds?: number;
    }
  | {
      entityRef: string;
      target: ScheduleTarget;
      leadTimeSeconds: number;
      forecast: LoadForecast;
      schedule: PredictiveSchedule;
    };
import { AppliedSchedule, PredictiveScheduleStore } from './types';

/** The scheduler task that sets the steps; writes are audited as `task:<id>`. */
export const PREDICTIVE_TASK_ID = 'scaling-predictive-schedules';

/** Four weeks: the weekly season's two, and two more to fit its weights on. */
const HISTORY_DAYS = 28;
const DAY_MS = 86_400_000;

/** Forecasts of a service's load and the schedules of HPA minimums fitted to them. */
export interface PredictiveScalingService {
  getForecast(
    entityRef: CompoundEntityRef,
    region: string,
    credentials: BackstageCredentials,
  ): Promise<EntityLoadForecast>;
  getSchedule(
    entityRef: CompoundEntityRef,
    region: string,
    credentials: BackstageCredentials,
  ): Promise<PredictiveScheduleView>;
  /** Stores the proposed schedule and sets the step in force at once. */
  applySchedule(
    entityRef: CompoundEntityRef,
    region: string,
    caller: WriteCaller,
  ): Promise<PredictiveScheduleView>;
  /** Forgets the schedule and gives the HPA back the minimum it had before. */
  removeSchedule(
    entityRef: CompoundEntityRef,
    region: string,
    caller: WriteCaller,
  ): Promise<void>;
  /** Sets every applied schedule's step in force, and ends the schedules past their end. */
  runDueSteps(credentials: BackstageCredentials): Promise<void>;
}

const iso = (ms: number) => new Date(ms).toISOString();
/** What a schedule's history entry records of it. */
const scheduleRecord = (schedule: AppliedSchedule) => ({
  steps: schedule.steps.length,
  until: iso(schedule.until),
});
const stepView = (step: ReplicaFloorStep) => ({
  from: iso(step.from),
  minReplicas: step.minReplicas,
});

function appliedView(schedule: AppliedSchedule, now: number) {
  const current = stepAt(schedule.steps, now);
  return {
    steps: schedule.steps.map(stepView),
    until: iso(schedule.until),
    baseMinReplicas: schedule.baseMinReplicas,
    appliedBy: schedule.appliedBy,
    appliedAt: schedule.appliedAt,
    ...(current && { currentStep: stepView(current) }),
  };
}

export function createPredictiveScalingService(options: {
  entityFacts: EntityScalingFactsService;
  scalingState: EntityScalingStateService;
  history: LoadHistorySource;
  store: PredictiveScheduleStore;
  pipeline: ScalingWritePipeline;
  placement: EntityPlacement;
  settings: PredictiveSettings;
  replay?: Replay;
  logger: LoggerService;
  now?: () => number;
}): PredictiveScalingService {
  const { entityFacts, scalingState, history, store, pipeline, placement } =
    options;
  const { podStartupSeconds } = options.settings;
  const now = options.now ?? Date.now;

  async function forecastOf(entityRef: string, region: string) {
    const since = new Date(now() - HISTORY_DAYS * DAY_MS);
    return forecastAgainstActual(
      await history.hourlyCpu(entityRef, region, since),
    );
  }

  /** The proposal for the region, or why there is none. */
  async function propose(
    entityRef: CompoundEntityRef,
    region: string,
    credentials: BackstageCredentials,
  ): Promise<Proposal> {
    const state = await scalingState.getScalingState(entityRef, {
      credentials,
    });
    const target = scheduleTargetIn(state, region);
    if ('unavailable' in target)
      return { ...target, entityRef: state.entityRef };
    const leadTimeSeconds = hpaLeadTimeSeconds({
      podStartupSeconds,
      scaleUpStabilizationSeconds: target.scaleUpStabilizationSeconds,
    });
    const forecast = await forecastOf(state.entityRef, region);
    if ('unavailable' in forecast) {
      return {
        ...forecast,
        entityRef: state.entityRef,
        target,
        leadTimeSeconds,
      };
    }
    const fitted = fitPredictiveSchedule({
      forecast: forecast.next.hours,
      cpuRequestMillicores: target.cpuRequestMillicores,
      targetUtilization: target.autoscaler.targetUtilization,
      minReplicas: target.autoscaler.minReplicas,
      maxReplicas: target.autoscaler.maxReplicas,
      leadTimeSeconds,
    });
    return {
      entityRef: state.entityRef,
      target,
      leadTimeSeconds,
      forecast: forecast.next,
      schedule: fromNow(fitted, now()),
    };
  }

  /** The what-if replay of the proposal; left out, and logged, when the replay refuses the HPA. */
  function effectOf(proposal: Extract<Proposal, { schedule: unknown }>) {
    if (!options.replay) return {};
    try {
      return {
        effect: scheduleEffect(options.replay, {
          forecast: proposal.forecast,
          target: proposal.target,
          steps: proposal.schedule.steps,
          podStartupSeconds,
        }),
      };
    } catch (error) {
      options.logger.warn('Could not replay a predictive schedule', {
        entityRef: proposal.entityRef,
        reason: (error as Error).message,
      });
      return {};
    }
  }

  async function view(
    entityRef: CompoundEntityRef,
    region: string,
    credentials: BackstageCredentials,
  ): Promise<PredictiveScheduleView> {
    const proposal = await propose(entityRef, region, credentials);
    const applied = await store.get(proposal.entityRef, region);
    const { target } = proposal;
    return {
      region,
      leadTimeSeconds: proposal.leadTimeSeconds ?? 0,
      ...(target && {
        cluster: target.cluster,
        workload: target.workload,
        autoscaler: target.autoscaler,
      }),
      ...('unavailable' in proposal
        ? { unavailable: proposal.unavailable }
        : {
            proposed: {
              steps: proposal.schedule.steps.map(stepView),
              until: iso(proposal.schedule.until),
            },
            ...effectOf(proposal),
          }),
      ...(applied && { applied: appliedView(applied, now()) }),
    };
  }

  /** Sets the schedule's step in force, if it is not set yet, and records it. */
  async function setStepInForce(
    write: AuthorizedWrite,
    schedule: AppliedSchedule,
  ) {
    const step = stepAt(schedule.steps, now());
    if (!step || step.from === schedule.appliedStepFrom) return;
    await setAutoscalerMinimum(write, placement, {
      cluster: schedule.cluster,
      workload: schedule.workload,
      minReplicas: step.minReplicas,
    });
    await store.markApplied(schedule.entityRef, schedule.region, step.from);
  }

  async function giveBackMinimum(
    write: AuthorizedWrite,
    schedule: AppliedSchedule,
  ) {
    await setAutoscalerMinimum(write, placement, {
      cluster: schedule.cluster,
      workload: schedule.workload,
      minReplicas: schedule.baseMinReplicas,
    });
    await store.remove(schedule.entityRef, schedule.region);
  }

  return {
    async getForecast(entityRef, region, credentials) {
      const facts = await entityFacts.getFacts(entityRef, { credentials });
      const forecast = await forecastOf(facts.entityRef, region);
      if ('unavailable' in forecast) {
        return { region, hours: [], unavailable: forecast.unavailable };
      }
      return {
        region,
        hours: forecast.hours.map(hour => ({ ...hour, at: iso(hour.at) })),
        accuracy: forecast.accuracy,
        weeklySeason: forecast.next.weeklySeason,
      };
    },

    getSchedule: view,

    async applySchedule(entityRef, region, caller) {
      await pipeline.run(
        caller,
        {
          entityRef,
          action: 'predictive-schedule.apply',
          required: [scalingReplicasUpdatePermission],
          asked: { region },
        },
        async write => {
          placement.regionsOf(write.facts, [region]);
          const proposal = await propose(entityRef, region, caller.credentials);
          if ('unavailable' in proposal) {
            throw new InputError(proposal.unavailable);
          }
          const before = await store.get(proposal.entityRef, region);
          const schedule: AppliedSchedule = {
            entityRef: proposal.entityRef,
            region,
            cluster: proposal.target.cluster,
            workload: proposal.target.workload,
            steps: proposal.schedule.steps,
            until: proposal.schedule.until,
            // A schedule replacing another keeps the minimum from before the first.
            baseMinReplicas:
              before?.baseMinReplicas ?? proposal.target.autoscaler.minReplicas,
            appliedBy: caller.credentials.principal.userEntityRef,
            appliedAt: iso(now()),
          };
          const recordBefore = before ? scheduleRecord(before) : null;
          await write.auditedChange(recordBefore, async () => {
            await store.save(schedule);
            return { result: schedule, after: scheduleRecord(schedule) };
          });
          await setStepInForce(write, schedule);
        },
      );
      return view(entityRef, region, caller.credentials);
    },

    async removeSchedule(entityRef, region, caller) {
      await pipeline.run(
        caller,
        {
          entityRef,
          action: 'predictive-schedule.remove',
          required: [scalingReplicasUpdatePermission],
          asked: { region },
        },
        async write => {
          const schedule = await store.get(write.facts.entityRef, region);
          if (!schedule) {
            throw new NotFoundError(
              `${write.facts.entityRef} has no predictive schedule in region ${region}`,
            );
          }
          await giveBackMinimum(write, schedule);
        },
      );
    },

    async runDueSteps(credentials) {
      for (const schedule of await store.list()) {
        const ended = now() >= schedule.until;
        const step = stepAt(schedule.steps, now());
        const due = ended || (step && step.from !== schedule.appliedStepFrom);
        if (!due) continue;
        try {
          await pipeline.runScheduled(
            {
              taskId: PREDICTIVE_TASK_ID,
              onBehalfOf: schedule.appliedBy,
              credentials,
            },
            {
              entityRef: parseEntityRef(schedule.entityRef),
              action: ended
                ? 'predictive-schedule.remove'
                : 'predictive-schedule.step',
              asked: { region: schedule.region },
              cluster: schedule.cluster,
            },
            write =>
              ended
                ? giveBackMinimum(write, schedule)
                : setStepInForce(write, schedule),
          );
        } catch (error) {
          options.logger.warn('Could not set a predictive schedule step', {
            entityRef: schedule.entityRef,
            region: schedule.region,
            reason: (error as Error).message,
          });
        }
      }
    },
  };
}

/** The steps from the one in force now on: earlier ones are over. */
function fromNow(schedule: PredictiveSchedule, at: number): PredictiveSchedule {
  const current = stepAt(schedule.steps, at);
  return {
    ...schedule,
    steps: schedule.steps.filter(step => step.from >= (current?.from ?? at)),
  };
}
