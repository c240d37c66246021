import { describeHealthFigures } from './describeHealthFigures';

describe('describeHealthFigures', () => {
  it('shows ratios as percentages and units from the figure’s name', () => {
    expect(
      describeHealthFigures({
        errorRatio: 0.025,
        burnRate: 25,
        latencyP95Ms: 182.4,
        poolUse: 0.12,
        cacheHitRatio: 0.93,
        replicationLagSeconds: 1.5,
        queueMessages: 1200,
      }),
    ).toBe(
      'error ratio: 2.5 %; burn rate: 25; latency p95: 182 ms; pool use: 12.0 %; cache hit ratio: 93.0 %; replication lag: 1.5 s; queue messages: 1,200',
    );
  });

  it('keeps an autoscaler’s name and condition types as they are', () => {
    expect(
      describeHealthFigures({
        'order-service-hpa.currentReplicas': 10,
        'order-service-hpa.ScalingLimited': 'TooManyReplicas',
        latestObject: 'Pod/order-service-7d9f',
      }),
    ).toBe(
      'order-service-hpa current replicas: 10; order-service-hpa ScalingLimited: TooManyReplicas; latest object: Pod/order-service-7d9f',
    );
  });
});
