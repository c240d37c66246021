import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { ReactElement } from 'react';
import { CostApi, costApiRef } from '../api';

/** Renders an element with a fake CostApi, on an entity's page when one is given. */
export function renderWithCostApi(
  element: ReactElement,
  options: { costApi: CostApi; entity?: Entity },
) {
  return renderInTestApp(
    <TestApiProvider apis={[[costApiRef, options.costApi]]}>
      {options.entity ? (
        <EntityProvider entity={options.entity}>{element}</EntityProvider>
      ) : (
        element
      )}
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}
