import {
  EntityHealth,
  EntityHealthChecks,
} from '@meschain/backstage-plugin-scaling-common';

const start = Date.parse('2026-12-05T22:00:00Z') / 1000;

/** A series of one sample a minute from the fixtures' start. */
export function minutely(values: number[]): number[][] {
  return values.map((value, index) => [start + index * 60, value]);
}

export const entityHealth: EntityHealth = {
  entityRef: 'component:default/order-service',
  window: '1h',
  generatedAt: '2026-12-05T23:00:00Z',
  regions: [
    {
      region: 'eu-west',
      cluster: 'meschain-eu-west',
      signals: {
        requestRate: 42.5,
        errorRatio: 0.0004,
        latencyP50: 0.031,
        latencyP95: 0.182,
        latencyP99: 0.41,
        cpuSaturation: 0.55,
        memorySaturation: 0.62,
      },
      series: {
        requestRate: minutely([40, 41, 44, 43, 42.5]),
        errorRatio: minutely([0, 0.001, 0.0004]),
        latencyP95: minutely([0.17, 0.19, 0.182]),
      },
      hpaAtMax: false,
    },
    {
      region: 'us-east',
      cluster: 'meschain-us-east',
      signals: {
        requestRate: null,
        errorRatio: null,
        latencyP50: null,
        latencyP95: null,
        latencyP99: null,
        cpuSaturation: null,
        memorySaturation: null,
      },
      series: {},
      hpaAtMax: null,
      error: 'Prometheus at http://prometheus.us-east.test answered 503',
    },
  ],
  slo: {
    availability: 99.9,
    latencyP95Ms: 500,
    windowDays: 30,
    errorBudgetRemaining: 0.625,
    burnRates: [
      { window: '5m', rate: 16.2 },
      { window: '1h', rate: 14.9 },
      { window: '6h', rate: 2.1 },
      { window: '3d', rate: 0.4 },
    ],
    firing: [
      { severity: 'page', longWindow: '1h', shortWindow: '5m', factor: 14.4 },
    ],
  },
};

export const healthChecks: EntityHealthChecks = {
  entityRef: 'component:default/order-service',
  generatedAt: '2026-12-05T23:00:02Z',
  checks: [
    {
      id: 'pods-ready',
      title: 'Pods ready',
      status: 'pass',
      summary: '3 of 3 pods are ready',
      figures: { ready: 3, desired: 3, workloads: 1 },
      region: 'eu-west',
      checkedAt: '2026-12-05T23:00:00Z',
    },
    {
      id: 'hpa-conditions',
      title: 'HPA conditions',
      status: 'warn',
      summary: 'ScalingLimited: the HPA is at its maximum',
      figures: {
        autoscalers: 1,
        'order-service-hpa.currentReplicas': 10,
        'order-service-hpa.maxReplicas': 10,
        'order-service-hpa.ScalingLimited': 'TooManyReplicas',
      },
      region: 'eu-west',
      checkedAt: '2026-12-05T23:00:00Z',
    },
    {
      id: 'golden-signals',
      title: 'Errors against the SLO',
      status: 'fail',
      summary: 'Errors at 2.5 % burn the 99.9 % objective 25× too fast',
      figures: { errorRatio: 0.025, burnRate: 25, latencyP95Ms: 182.4 },
      region: 'us-east',
      checkedAt: '2026-12-05T23:00:01Z',
    },
    {
      id: 'dependency:order-db',
      title: 'order-db connection pool',
      status: 'pass',
      summary: '12 of 100 connections in use',
      figures: { connectionsInUse: 12, connectionsMax: 100, poolUse: 0.12 },
      checkedAt: '2026-12-05T23:00:02Z',
    },
  ],
  links: [
    {
      title: 'Grafana',
      url: 'https://grafana.example.com/d/order-service',
      type: 'grafana',
    },
    {
      title: 'Jaeger',
      url: 'https://jaeger.example.com/search?service=order-service',
      type: 'jaeger',
    },
    {
      title: 'Kibana',
      url: 'https://kibana.example.com/app/discover#order-service',
      type: 'kibana',
    },
  ],
};
