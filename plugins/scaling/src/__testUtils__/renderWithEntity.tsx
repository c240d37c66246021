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
import {
  PredictiveApi,
  RolloutsApi,
  ScalingApi,
  predictiveApiRef,
  rolloutsApiRef,
  scalingApiRef,
} from '../api';
import { fakePredictiveApi } from './fakePredictiveApi';
import { fakeRolloutsApi } from './fakeRolloutsApi';
import { entity } from './fixtures';

/** Renders an element on the fixture entity's page, with a fake ScalingApi and permissions. */
export function renderWithEntity(
  element: ReactElement,
  options: {
    scalingApi: ScalingApi;
    rolloutsApi?: RolloutsApi;
    predictiveApi?: PredictiveApi;
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
        [predictiveApiRef, options.predictiveApi ?? fakePredictiveApi()],
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
