import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  MockPermissionApi,
  TestApiProvider,
  renderInTestApp,
} from '@backstage/test-utils';
import { ReactElement } from 'react';
import { AlertsApi, alertsApiRef, HealthApi, healthApiRef } from '../api';
import { fakeAlertsApi } from './fakeAlertsApi';
import { fakeHealthApi } from './fakeHealthApi';
import { entity } from './fixtures';

/**
 * Renders an element on an entity's page with fake health and alerts APIs
 * and permissions. usePermission caches answers per entity ref for the whole
 * test file, so a test that expects another answer needs another entity.
 */
export function renderWithHealthApis(
  element: ReactElement,
  options: {
    healthApi?: HealthApi;
    alertsApi?: AlertsApi;
    permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    entity?: Entity;
  } = {},
) {
  const permissionApi = new MockPermissionApi(
    () => options.permission ?? AuthorizeResult.ALLOW,
  );
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [healthApiRef, options.healthApi ?? fakeHealthApi()],
        [alertsApiRef, options.alertsApi ?? fakeAlertsApi()],
        [permissionApiRef, permissionApi],
      ]}
    >
      <EntityProvider entity={options.entity ?? entity}>
        {element}
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}
