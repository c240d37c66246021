import { createRouteRef } from '@backstage/core-plugin-api';

// Route refs from core-plugin-api work in both frontend systems, so the
// legacy plugin and /alpha mount their pages on the same refs.

export const rootRouteRef = createRouteRef({
  id: 'scaling',
});

export const regionsRouteRef = createRouteRef({
  id: 'scaling-regions',
});

export const costRouteRef = createRouteRef({
  id: 'scaling-cost',
});

export const fleetRouteRef = createRouteRef({
  id: 'scaling-fleet',
});

export const reportsRouteRef = createRouteRef({
  id: 'scaling-reports',
});
