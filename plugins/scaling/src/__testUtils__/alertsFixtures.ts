import {
  ActiveAlert,
  AlertRule,
  MaintenanceWindow,
} from '@meschain/backstage-plugin-scaling-common';

export const errorRatioRule: AlertRule = {
  id: 'rule-1',
  entityRef: 'component:default/order-service',
  updatedBy: 'user:default/jane',
  updatedAt: '2026-12-05T22:00:00Z',
  name: 'HighErrorRatio',
  severity: 'critical',
  for: '5m',
  kind: 'threshold',
  threshold: { signal: 'errorRatio', comparison: 'above', value: 0.02 },
};

export const latencyTrendRule: AlertRule = {
  id: 'rule-2',
  entityRef: 'component:default/order-service',
  updatedBy: 'user:default/jane',
  updatedAt: '2026-12-05T22:10:00Z',
  name: 'LatencyHeadingUp',
  severity: 'warning',
  region: 'eu-west',
  for: '10m',
  kind: 'anomaly',
  anomaly: {
    method: 'predictLinear',
    signal: 'latencyP95',
    comparison: 'above',
    value: 0.5,
    horizon: '4h',
    lookback: '1h',
  },
};

export const slowAndFailingRule: AlertRule = {
  id: 'rule-3',
  entityRef: 'component:default/order-service',
  updatedBy: 'user:default/jane',
  updatedAt: '2026-12-05T22:20:00Z',
  name: 'SlowAndFailing',
  severity: 'info',
  for: '0s',
  kind: 'composite',
  conditions: [
    { signal: 'errorRatio', comparison: 'above', value: 0.01, window: '5m' },
    { signal: 'latencyP99', comparison: 'above', value: 1.2 },
  ],
};

export const activeAlerts: ActiveAlert[] = [
  {
    fingerprint: 'a1',
    alertname: 'HighErrorRatio',
    severity: 'critical',
    region: 'us-east',
    ruleId: 'rule-1',
    summary: 'Errors at 4.1 % in us-east',
    startsAt: '2026-12-05T22:55:00Z',
    state: 'active',
    silencedBy: [],
  },
  {
    fingerprint: 'a2',
    alertname: 'LatencyHeadingUp',
    severity: 'warning',
    region: 'eu-west',
    startsAt: '2026-12-05T22:50:00Z',
    state: 'suppressed',
    silencedBy: ['silence-1'],
  },
];

export const maintenanceWindows: MaintenanceWindow[] = [
  {
    id: 'silence-1',
    startsAt: '2026-12-05T22:30:00Z',
    endsAt: '2026-12-06T00:30:00Z',
    comment: 'order-db upgrade',
    region: 'eu-west',
    createdBy: 'user:default/jane',
    status: 'active',
  },
  {
    id: 'silence-0',
    startsAt: '2026-12-04T10:00:00Z',
    endsAt: '2026-12-04T11:00:00Z',
    comment: 'node pool rotation',
    createdBy: 'user:default/jane',
    status: 'expired',
  },
];
