import { createRouteRef } from '@backstage/core-plugin-api';
import { createRouteRef as createFrontendRouteRef } from '@backstage/frontend-plugin-api';

export const rootRouteRef = createRouteRef({
  id: 'scaling',
});

export const regionsRouteRef = createFrontendRouteRef();
export const costRouteRef = createFrontendRouteRef();
