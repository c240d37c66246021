import { createRouteRef } from '@backstage/core-plugin-api';

export const rootRouteRef = createRouteRef({
  id: 'scaling',
});

export const costRouteRef = createRouteRef({
  id: 'scaling-cost',
});
