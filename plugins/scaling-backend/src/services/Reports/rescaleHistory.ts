import {
  EntityScalingState,
  ReportPeriod,
  ScalingHistory,
} from '@meschain/backstage-plugin-scaling-common';
import { endOf, startOf } from './periods';

/** The HPA controller's message for a rescale, e.g. `New size: 5; reason: cpu resource utilization above target`. */
const NEW_SIZE = /New size: (\d+)/;

/**
 * Hours a service's autoscalers ran at their maximum, from the rescale
 * events of its scaling history against each autoscaler's current maximum:
 * from each event that set the size at the maximum to the next event, or to
 * the period's end. Kubernetes keeps events for about an hour, so this is a
 * lower bound, for when no metrics source keeps the autoscalers' history.
 * Undefined when no autoscaler of the service could be read.
 */
export function hoursAtMaxFromHistory(options: {
  state: EntityScalingState;
  history: ScalingHistory;
  period: ReportPeriod;
  now: Date;
}): number | undefined {
  const { state, history, period, now } = options;
  const from = startOf(period).getTime();
  const to = Math.min(endOf(period).getTime(), now.getTime());
  let ms = 0;
  let autoscalers = 0;
  for (const cluster of state.clusters) {
    for (const workload of cluster.workloads ?? []) {
      const max = workload.autoscaler?.maxReplicas;
      if (!max) continue;
      autoscalers += 1;
      const sizes = history.events
        .filter(
          e =>
            e.source === 'cluster' &&
            e.cluster === cluster.cluster &&
            e.workload?.namespace === workload.namespace &&
            e.workload?.name === workload.name,
        )
        .flatMap(e => {
          const size = NEW_SIZE.exec(e.message ?? '');
          const time = Date.parse(e.time);
          return size && time >= from && time < to
            ? [{ time, size: Number(size[1]) }]
            : [];
        })
        .sort((a, b) => a.time - b.time);
      for (let index = 0; index < sizes.length; index++) {
        if (sizes[index].size >= max) {
          ms += (sizes[index + 1]?.time ?? to) - sizes[index].time;
        }
      }
    }
  }
  return autoscalers > 0 ? Math.round((ms / 3_600_000) * 100) / 100 : undefined;
}
