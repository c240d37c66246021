import {
  createApiFactory,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import {
  AlertsClient,
  CostClient,
  FleetClient,
  HealthClient,
  PredictiveClient,
  RegionsClient,
  ReportsClient,
  RolloutsClient,
  ScalingClient,
  alertsApiRef,
  costApiRef,
  fleetApiRef,
  healthApiRef,
  predictiveApiRef,
  regionsApiRef,
  reportsApiRef,
  rolloutsApiRef,
  scalingApiRef,
} from './api';

// Both frontend systems register these same factories: the legacy plugin
// lists them, and the new system wraps each in an ApiBlueprint.

export const scalingApiFactory = createApiFactory({
  api: scalingApiRef,
  deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
  factory: ({ discoveryApi, fetchApi }) =>
    new ScalingClient({ discoveryApi, fetchApi }),
});

export const rolloutsApiFactory = createApiFactory({
  api: rolloutsApiRef,
  deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
  factory: ({ discoveryApi, fetchApi }) =>
    new RolloutsClient({ discoveryApi, fetchApi }),
});

export const regionsApiFactory = createApiFactory({
  api: regionsApiRef,
  deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
  factory: ({ discoveryApi, fetchApi }) =>
    new RegionsClient({ discoveryApi, fetchApi }),
});

export const costApiFactory = createApiFactory({
  api: costApiRef,
  deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
  factory: ({ discoveryApi, fetchApi }) =>
    new CostClient({ discoveryApi, fetchApi }),
});

export const healthApiFactory = createApiFactory({
  api: healthApiRef,
  deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
  factory: ({ discoveryApi, fetchApi }) =>
    new HealthClient({ discoveryApi, fetchApi }),
});

export const alertsApiFactory = createApiFactory({
  api: alertsApiRef,
  deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
  factory: ({ discoveryApi, fetchApi }) =>
    new AlertsClient({ discoveryApi, fetchApi }),
});

export const fleetApiFactory = createApiFactory({
  api: fleetApiRef,
  deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
  factory: ({ discoveryApi, fetchApi }) =>
    new FleetClient({ discoveryApi, fetchApi }),
});

export const reportsApiFactory = createApiFactory({
  api: reportsApiRef,
  deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
  factory: ({ discoveryApi, fetchApi }) =>
    new ReportsClient({ discoveryApi, fetchApi }),
});

export const predictiveApiFactory = createApiFactory({
  api: predictiveApiRef,
  deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
  factory: ({ discoveryApi, fetchApi }) =>
    new PredictiveClient({ discoveryApi, fetchApi }),
});
