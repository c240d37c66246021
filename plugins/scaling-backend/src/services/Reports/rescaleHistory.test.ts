import {
  EntityScalingState,
  ScalingHistory,
  ScalingHistoryEvent,
} from '@meschain/backstage-plugin-scaling-common';
import { hoursAtMaxFromHistory } from './rescaleHistory';

const workload = {
  kind: 'Deployment' as const,
  namespace: 'meschain-sync',
  name: 'order-service',
};

const state = {
  entityRef: 'component:default/order-service',
  clusters: [
    {
      cluster: 'meschain-eu-west',
      region: 'eu-west',
      workloads: [{ ...workload, autoscaler: { maxReplicas: 10 } }],
    },
  ],
} as unknown as EntityScalingState;

function rescale(time: string, size: number, cluster = 'meschain-eu-west') {
  return {
    id: `${cluster}/${time}`,
    source: 'cluster',
    time,
    cluster,
    workload,
    action: 'SuccessfulRescale',
    message: `New size: ${size}; reason: cpu resource utilization (percentage of request) above target`,
  } as ScalingHistoryEvent;
}

describe('hoursAtMaxFromHistory', () => {
  it('adds the time from each rescale to the maximum until the next rescale, or the period’s end', () => {
    const history: ScalingHistory = {
      events: [
        rescale('2026-11-29T22:00:00Z', 10),
        rescale('2026-11-29T20:30:00Z', 6),
        rescale('2026-11-29T20:00:00Z', 10),
        // Another cluster's autoscaler, and a rescale after the period.
        rescale('2026-11-29T10:00:00Z', 10, 'meschain-us-east'),
        rescale('2026-11-30T01:00:00Z', 10),
        // The suite's own writes are not the HPA's.
        { ...rescale('2026-11-29T12:00:00Z', 10), source: 'suite' },
      ],
    };
    expect(
      hoursAtMaxFromHistory({
        state,
        history,
        period: { start: '2026-11-23', end: '2026-11-30' },
        now: new Date('2026-12-03T00:00:00Z'),
      }),
    ).toBe(2.5);
  });

  it('stops at now within a period that has not ended', () => {
    expect(
      hoursAtMaxFromHistory({
        state,
        history: { events: [rescale('2026-11-29T20:00:00Z', 12)] },
        period: { start: '2026-11-23', end: '2026-11-30' },
        now: new Date('2026-11-29T21:15:00Z'),
      }),
    ).toBe(1.25);
  });

  it('is unknown, not zero, without an autoscaler to compare with', () => {
    expect(
      hoursAtMaxFromHistory({
        state: { ...state, clusters: [] },
        history: { events: [rescale('2026-11-29T20:00:00Z', 12)] },
        period: { start: '2026-11-23', end: '2026-11-30' },
        now: new Date('2026-12-03T00:00:00Z'),
      }),
    ).toBeUndefined();
  });
});
