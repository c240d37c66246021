import {
  AutoscalerState,
  ClusterScalingState,
  WorkloadScalingState,
} from '@meschain/backstage-plugin-scaling-common';
import { autoscalerCheck, podsReadyCheck } from './clusterChecks';

const NOW = '2026-12-05T12:00:00.000Z';
const OBSERVED = '2026-12-05T11:59:58.000Z';

function workload(
  replicas: { desired: number; ready: number },
  autoscaler?: Partial<AutoscalerState>,
): WorkloadScalingState {
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    name: 'web',
    namespace: 'shop',
    resourceVersion: '1',
    replicas: {
      ...replicas,
      current: replicas.desired,
      available: replicas.ready,
      updated: replicas.desired,
    },
    pods: {
      pods: replicas.desired,
      requests: { cpuMillicores: 100, memoryBytes: 1 },
    },
    ...(autoscaler && {
      autoscaler: {
        name: 'web',
        minReplicas: 2,
        maxReplicas: 10,
        currentReplicas: replicas.desired,
        desiredReplicas: replicas.desired,
        metrics: [],
        conditions: [],
        ...autoscaler,
      },
    }),
  };
}

function cluster(workloads: WorkloadScalingState[]): ClusterScalingState {
  return {
    cluster: 'meschain-eu-west',
    region: 'eu-west',
    observedAt: OBSERVED,
    workloads,
  };
}

describe('podsReadyCheck', () => {
  it('passes with every pod ready, at the time the cluster answered', () => {
    expect(
      podsReadyCheck(cluster([workload({ desired: 3, ready: 3 })]), NOW),
    ).toEqual({
      id: 'pods-ready',
      title: 'Pods ready',
      region: 'eu-west',
      status: 'pass',
      summary: '3 of 3 pods ready in meschain-eu-west',
      figures: { ready: 3, desired: 3, workloads: 1 },
      checkedAt: OBSERVED,
    });
  });

  it('warns with some pods not ready and fails with none', () => {
    expect(
      podsReadyCheck(cluster([workload({ desired: 3, ready: 1 })]), NOW).status,
    ).toBe('warn');
    expect(
      podsReadyCheck(cluster([workload({ desired: 3, ready: 0 })]), NOW),
    ).toMatchObject({
      status: 'fail',
      summary: '0 of 3 pods ready in meschain-eu-west',
    });
  });

  it('warns, naming why, when the cluster could not be read', () => {
    expect(
      podsReadyCheck(
        {
          cluster: 'meschain-eu-west',
          region: 'eu-west',
          error: {
            name: 'ServiceUnavailableError',
            message: 'Cluster meschain-eu-west did not answer within 5000 ms',
          },
        },
        NOW,
      ),
    ).toMatchObject({
      status: 'warn',
      summary:
        'Could not be checked: Cluster meschain-eu-west did not answer within 5000 ms',
      checkedAt: NOW,
    });
  });
});

describe('autoscalerCheck', () => {
  it('passes an autoscaler that can scale', () => {
    const check = autoscalerCheck(
      cluster([
        workload(
          { desired: 4, ready: 4 },
          {
            conditions: [
              {
                type: 'AbleToScale',
                status: 'True',
                reason: 'ReadyForNewScale',
              },
              {
                type: 'ScalingActive',
                status: 'True',
                reason: 'ValidMetricFound',
              },
              {
                type: 'ScalingLimited',
                status: 'False',
                reason: 'DesiredWithinRange',
              },
            ],
          },
        ),
      ]),
      NOW,
    );
    expect(check).toMatchObject({ status: 'pass', summary: 'web can scale' });
    expect(check.figures).toEqual({
      autoscalers: 1,
      'web.currentReplicas': 4,
      'web.maxReplicas': 10,
    });
  });

  it('warns when the autoscaler is held at its maximum', () => {
    expect(
      autoscalerCheck(
        cluster([
          workload(
            { desired: 10, ready: 10 },
            {
              conditions: [
                {
                  type: 'ScalingLimited',
                  status: 'True',
                  reason: 'TooManyReplicas',
                },
              ],
            },
          ),
        ]),
        NOW,
      ),
    ).toMatchObject({
      status: 'warn',
      summary:
        'web runs at its maximum of 10 replicas (ScalingLimited: TooManyReplicas)',
      figures: { 'web.ScalingLimited': 'TooManyReplicas' },
    });
  });

  it('fails when the autoscaler cannot fetch its metrics', () => {
    expect(
      autoscalerCheck(
        cluster([
          workload(
            { desired: 2, ready: 2 },
            {
              conditions: [
                {
                  type: 'ScalingActive',
                  status: 'False',
                  reason: 'FailedGetResourceMetric',
                  message: 'unable to get metrics for resource cpu',
                },
              ],
            },
          ),
        ]),
        NOW,
      ),
    ).toMatchObject({
      status: 'fail',
      summary:
        'web ScalingActive is False (FailedGetResourceMetric): unable to get metrics for resource cpu',
    });
  });

  it('passes a service scaled by hand', () => {
    expect(
      autoscalerCheck(cluster([workload({ desired: 2, ready: 2 })]), NOW),
    ).toMatchObject({
      status: 'pass',
      summary: 'No HorizontalPodAutoscaler: replicas are set by hand',
    });
  });
});
