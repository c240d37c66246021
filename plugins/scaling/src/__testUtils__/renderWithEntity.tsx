import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  MockPermissionApi,
  TestApiProvider,
  renderInTestApp,
} from '@backstage/test-utils';
import { Entity } from '@backstage/catalog-model';
import { ReactElement } from 'react';
import { RolloutsApi, ScalingApi, rolloutsApiRef, scalingApiRef } from '../api';
import { fakeRolloutsApi } from './fakeRolloutsApi';
import { entity } from './fixtures';

/** Renders an element on the fixture entity's page, with a fake ScalingApi and permissions. */
export function renderWithEntity(
  element: ReactElement,
  options: {
    scalingApi: ScalingApi;
    rolloutsApi?: RolloutsApi;
    permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    /**
     * The page's entity. usePermission caches answers per entity ref for the
     * whole test file, so a test that expects another answer needs another entity.
     */
    entity?: Entity;
  },
) {
  const permissionApi = new MockPermissionApi(
    () => options.permission ?? AuthorizeResult.ALLOW,
  );
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [scalingApiRef, options.scalingApi],
        [rolloutsApiRef, options.rolloutsApi ?? fakeRolloutsApi()],
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
