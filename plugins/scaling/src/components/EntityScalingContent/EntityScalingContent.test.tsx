import { Entity } from '@backstage/catalog-model';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { NotFoundError } from '@backstage/errors';
import { ScalingEntityFacts } from '@meschain/backstage-plugin-scaling-common';
import { screen } from '@testing-library/react';
import { ScalingApi, scalingApiRef } from '../../api';
import { EntityScalingContent } from './EntityScalingContent';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'order-service', namespace: 'default' },
  spec: { type: 'service', owner: 'commerce-team', lifecycle: 'production' },
};

const facts: ScalingEntityFacts = {
  entityRef: 'component:default/order-service',
  name: 'order-service',
  description: 'Orders, payments and fulfilment',
  owner: 'group:default/commerce-team',
  system: 'system:default/meschain-sync',
  lifecycle: 'production',
  tier: 'critical',
  onCall: ['user:default/elif.kaya'],
  scalingPolicy: 'requests',
  deploymentStrategy: 'canary',
  workload: { kubernetesId: 'order-service', namespace: 'meschain-sync' },
  regions: ['us-east', 'sa-east'],
  clusters: [
    {
      name: 'meschain-us-east',
      entityRef: 'resource:default/meschain-us-east',
      region: 'us-east',
      role: 'primary',
      location: 'Virginia, US',
      drRegion: 'us-west',
    },
  ],
  regionsWithoutCluster: ['sa-east'],
  problems: [
    {
      annotation: 'meschain.io/deployment-strategy',
      message: '"big-bang" is not one of rolling, blue-green, canary, ab',
    },
  ],
  annotations: {},
};

function renderContent(scalingApi: ScalingApi) {
  return renderInTestApp(
    <TestApiProvider apis={[[scalingApiRef, scalingApi]]}>
      <EntityProvider entity={entity}>
        <EntityScalingContent />
      </EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

describe('EntityScalingContent', () => {
  it('shows the facts the backend returned for the open entity', async () => {
    const getEntityFacts = jest.fn().mockResolvedValue(facts);

    await renderContent({ getEntityFacts });

    expect(getEntityFacts).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'order-service',
    });
    expect(
      await screen.findByText('Orders, payments and fulfilment'),
    ).toBeInTheDocument();
    expect(screen.getByText('commerce-team')).toBeInTheDocument();
    expect(screen.getByText('critical')).toBeInTheDocument();
    expect(screen.getByText('Requests per replica')).toBeInTheDocument();
    expect(screen.getByText('Canary')).toBeInTheDocument();
    expect(
      screen.getByText('backstage.io/kubernetes-id=order-service'),
    ).toBeInTheDocument();
    expect(screen.getByText('meschain-us-east')).toBeInTheDocument();
    expect(screen.getByText('Virginia, US')).toBeInTheDocument();
    expect(screen.getByText('us-west')).toBeInTheDocument();
    expect(screen.getByText('No cluster in the catalog')).toBeInTheDocument();
    expect(
      screen.getByText(/Some scaling annotations are not understood/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /"big-bang" is not one of rolling, blue-green, canary, ab/,
      ),
    ).toBeInTheDocument();
  });

  it('says what went wrong when the backend refuses', async () => {
    await renderContent({
      getEntityFacts: jest
        .fn()
        .mockRejectedValue(
          new NotFoundError(
            'No entity named component:default/order-service in the catalog',
          ),
        ),
    });

    expect(
      await screen.findByText(
        'Error: No entity named component:default/order-service in the catalog',
      ),
    ).toBeInTheDocument();
  });
});
