import {
  CostEfficiency,
  CostRecommendations,
  EntityCost,
  OrgCost,
  TeamCost,
} from '@meschain/backstage-plugin-scaling-common';

const window = { start: '2026-10-28', end: '2026-11-27' };
/** The hourly usage recommendations were worked out from. */
const usageWindow = { start: '2026-11-13', end: '2026-11-28' };
const previousWindow = { start: '2026-09-28', end: '2026-10-28' };
/** Ingested since long before every window here, so every change compares like with like. */
const dataStart = '2026-01-01';
const zero = { cpu: 0, memory: 0, storage: 0, network: 0, shared: 0, idle: 0 };

export const entityCost: EntityCost = {
  entityRef: 'component:default/order-service',
  currency: 'USD',
  window,
  total: 1520.4,
  dataStart,
  change: {
    previousWindow,
    previousTotal: 1400,
    absolute: 120.4,
    ratio: 0.086,
  },
  daily: [
    {
      date: '2026-10-28',
      total: 50,
      byResource: { ...zero, cpu: 30, memory: 20 },
    },
    {
      date: '2026-10-29',
      total: 52,
      byResource: { ...zero, cpu: 31, memory: 21 },
    },
  ],
  byRegion: [
    { key: 'us-east', total: 900.25 },
    { key: 'eu-west', total: 620.15 },
  ],
  byResource: { ...zero, cpu: 912.24, memory: 608.16 },
  incomplete: [
    {
      date: '2026-11-02',
      cluster: 'meschain-ap-southeast',
      region: 'ap-southeast',
      reason: 'allocation 3 has a negative cpuCost',
    },
  ],
};

export const costEfficiency: CostEfficiency = {
  entityRef: 'component:default/order-service',
  currency: 'USD',
  window,
  cpu: { requested: 2160, used: 540, efficiency: 0.25, idleCost: 410.5 },
  memory: { requested: 4320, used: 3456, efficiency: 0.8, idleCost: 42.1 },
};

export const costRecommendations: CostRecommendations = {
  entityRef: 'component:default/order-service',
  currency: 'USD',
  window: usageWindow,
  computedAt: '2026-11-27T09:00:00.000Z',
  recommendations: [
    {
      kind: 'right-sizing',
      entityRef: 'component:default/order-service',
      region: 'us-east',
      summary: 'CPU requests are 2 cores; p95 usage is 0.6 cores',
      monthlySavings: 84.5,
      annualSavings: 1014,
      inputs: { cpuRequestCores: 2, cpuUsageP95Cores: 0.6 },
      proposal: { cpuRequestCores: 0.75 },
    },
    {
      kind: 'spot',
      entityRef: 'component:default/order-service',
      summary: 'Stateless standard tier with 3 replicas',
      monthlySavings: 20,
      annualSavings: 240,
      inputs: { replicas: 3, monthlyComputeCost: 14.66, spotDiscount: 0.65 },
      proposal: { capacity: 'spot' },
    },
  ],
  savings: { count: 2, monthly: 104.5, annual: 1254, window: usageWindow },
};

export const teamCost: TeamCost = {
  teamRef: 'group:default/commerce-team',
  currency: 'USD',
  window,
  total: 2840.9,
  dataStart,
  change: {
    previousWindow,
    previousTotal: 3000,
    absolute: -159.1,
    ratio: -0.053,
  },
  daily: [],
  byService: [
    { key: 'component:default/order-service', total: 1520.4 },
    { key: 'component:default/product-service', total: 1320.5 },
  ],
  byRegion: [{ key: 'us-east', total: 2840.9 }],
  savings: { count: 3, monthly: 150.25, annual: 1803, window: usageWindow },
  incomplete: [],
};

export const orgCost: OrgCost = {
  currency: 'USD',
  window: { start: '2026-08-29', end: '2026-11-27' },
  total: 25400,
  dataStart,
  change: {
    previousWindow: { start: '2026-05-31', end: '2026-08-29' },
    previousTotal: 24000,
    absolute: 1400,
    ratio: 0.0583,
  },
  byTeam: [
    { key: 'group:default/commerce-team', total: 15000 },
    { key: 'group:default/platform-team', total: 9000 },
    { key: 'unallocated', total: 1400 },
  ],
  topServices: [
    { key: 'component:default/order-service', total: 8000 },
    { key: 'component:default/logging-service', total: 6000 },
  ],
  byRegion: [
    { key: 'us-east', total: 14000 },
    { key: 'eu-west', total: 11400 },
  ],
  byMonth: [
    {
      month: '2026-09',
      total: 8200,
      byTeam: [{ key: 'group:default/commerce-team', total: 8200 }],
    },
    {
      month: '2026-10',
      total: 8610,
      byTeam: [{ key: 'group:default/commerce-team', total: 8610 }],
    },
  ],
  monthOverMonth: {
    month: '2026-10',
    previousMonth: '2026-09',
    total: 8610,
    previousTotal: 8200,
    absolute: 410,
    ratio: 0.05,
  },
  savings: { count: 12, monthly: 950, annual: 11400, window: usageWindow },
  incomplete: [],
};
