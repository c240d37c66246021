import {
  LoadForecast,
  ReplayInput,
  ReplayResult,
  ReplicaFloorStep,
} from '@meschain/backstage-plugin-scaling-common';
import { ScheduleTarget } from './scheduleTarget';

/** Plays a load through the HPA controller loop: the what-if replay. */
export type Replay = (input: ReplayInput) => ReplayResult;

export type ReplayFigures = {
  minutesAboveTarget: number;
  minutesAboveSlo: number;
  replicaHours: number;
};

const figuresOf = (result: ReplayResult): ReplayFigures => ({
  minutesAboveTarget: result.minutesAboveTarget,
  minutesAboveSlo: result.minutesAboveSlo,
  replicaHours: result.replicaHours,
});

/** The forecast week replayed under the HPA alone and under the HPA with the schedule's minimums. */
export function scheduleEffect(
  replay: Replay,
  options: {
    forecast: LoadForecast;
    target: ScheduleTarget;
    steps: ReplicaFloorStep[];
    podStartupSeconds: number;
  },
): { withoutSchedule: ReplayFigures; withSchedule: ReplayFigures } {
  const { forecast, target, steps, podStartupSeconds } = options;
  const input: ReplayInput = {
    load: forecast.hours.map(hour => ({
      at: hour.at,
      cpuMillicores: hour.value,
    })),
    policy: target.policy,
    workload: { cpuRequestMillicores: target.cpuRequestMillicores },
    initialReplicas: target.readyReplicas,
    podStartupSeconds,
  };
  return {
    withoutSchedule: figuresOf(replay(input)),
    withSchedule: figuresOf(replay({ ...input, floorSchedule: steps })),
  };
}
