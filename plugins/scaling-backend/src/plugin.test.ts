import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { scalingPermissions } from '@meschain/backstage-plugin-scaling-common';
import { readFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import request from 'supertest';
import { parse as parseYaml } from 'yaml';
import { scalingPlugin } from './plugin';

function cluster(
  region: string,
  role: 'primary' | 'dr',
  drRegion?: string,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: `meschain-${region}`,
      namespace: 'default',
      title: `${region} cluster`,
      annotations: {
        'meschain.io/region': region,
        'meschain.io/region-role': role,
        ...(drRegion ? { 'meschain.io/dr-region': drRegion } : {}),
      },
    },
    spec: { type: 'kubernetes-cluster', owner: 'platform-team' },
  };
}

const orderService: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'order-service',
    namespace: 'default',
    description: 'Orders, payments and fulfilment',
    labels: { tier: 'critical' },
    annotations: {
      'backstage.io/kubernetes-id': 'order-service',
      'backstage.io/kubernetes-namespace': 'meschain-sync',
      'meschain.io/regions': 'us-east,eu-west,sa-east',
      'meschain.io/scaling-policy': 'requests',
      'meschain.io/deployment-strategy': 'canary',
      'meschain.io/on-call': 'user:default/elif.kaya,user:default/john.carter',
    },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'commerce-team',
    system: 'meschain-sync',
  },
  relations: [
    { type: 'ownedBy', targetRef: 'group:default/commerce-team' },
    { type: 'partOf', targetRef: 'system:default/meschain-sync' },
  ],
};

describe('scaling backend', () => {
  async function startBackend({ treatUnsignedAsUser = true } = {}) {
    const { server } = await startTestBackend({
      features: [
        scalingPlugin,
        // The mock treats a request without a token as the default user unless told otherwise.
        ...(treatUnsignedAsUser
          ? []
          : [
              mockServices.httpAuth.factory({
                defaultCredentials: mockCredentials.none(),
              }),
            ]),
        mockServices.database.factory(),
        catalogServiceMock.factory({
          entities: [
            orderService,
            cluster('us-east', 'primary', 'us-west'),
            cluster('eu-west', 'primary', 'eu-central'),
            cluster('us-west', 'dr'),
          ],
        }),
      ],
    });
    return server;
  }

  it('serves the OpenAPI spec it validates requests against, with the policy body described', async () => {
    const server = await startBackend();
    const specFile = resolvePath(__dirname, 'schema/openapi.yaml');
    const written = parseYaml(readFileSync(specFile, 'utf8'));

    const response = await request(server).get('/api/scaling/openapi.json');

    expect(response.status).toBe(200);
    expect(response.body.components).toEqual(written.components);
    expect(Object.keys(response.body.paths)).toEqual(
      Object.keys(written.paths).map(path => `/api/scaling${path}`),
    );
    const applyBody =
      response.body.components.schemas.PolicyApplyRequest.properties.policy;
    expect(applyBody).toEqual({ $ref: '#/components/schemas/ScalingPolicy' });
    expect(response.body.components.schemas.ScalingPolicy.required).toEqual([
      'minReplicas',
      'maxReplicas',
      'targets',
    ]);
  });

  it('returns the scaling facts of a service with the clusters of its regions', async () => {
    const server = await startBackend();

    const response = await request(server)
      .get('/api/scaling/entities/component/default/order-service/facts')
      .set(
        'Authorization',
        mockCredentials.user.header('user:default/elif.kaya'),
      );

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      entityRef: 'component:default/order-service',
      name: 'order-service',
      description: 'Orders, payments and fulfilment',
      owner: 'group:default/commerce-team',
      system: 'system:default/meschain-sync',
      lifecycle: 'production',
      tier: 'critical',
      onCall: ['user:default/elif.kaya', 'user:default/john.carter'],
      scalingPolicy: 'requests',
      deploymentStrategy: 'canary',
      workload: { kubernetesId: 'order-service', namespace: 'meschain-sync' },
      regions: ['us-east', 'eu-west', 'sa-east'],
      clusters: [
        {
          name: 'meschain-us-east',
          entityRef: 'resource:default/meschain-us-east',
          title: 'us-east cluster',
          region: 'us-east',
          role: 'primary',
          drRegion: 'us-west',
        },
        {
          name: 'meschain-eu-west',
          entityRef: 'resource:default/meschain-eu-west',
          title: 'eu-west cluster',
          region: 'eu-west',
          role: 'primary',
          drRegion: 'eu-central',
        },
      ],
      regionsWithoutCluster: ['sa-east'],
      problems: [],
      annotations: orderService.metadata.annotations,
    });
  });

  it('answers 404 with a clear message for an entity the catalog lacks', async () => {
    const server = await startBackend();

    const response = await request(server)
      .get('/api/scaling/entities/component/default/billing-service/facts')
      .set('Authorization', mockCredentials.user.header());

    expect(response.status).toBe(404);
    expect(response.body.error).toMatchObject({
      name: 'NotFoundError',
      message:
        'No entity named component:default/billing-service in the catalog',
    });
  });

  it('lists its permissions in the permission metadata, for policy editors', async () => {
    const server = await startBackend();
    const response = await request(server)
      .get('/api/scaling/.well-known/backstage/permissions/metadata')
      .set('Authorization', mockCredentials.service.header());
    expect(response.status).toBe(200);
    const names = response.body.permissions.map(
      (permission: { name: string }) => permission.name,
    );
    expect(names.sort()).toEqual(
      [
        ...scalingPermissions.map(permission => permission.name),
        'scaling.cost.backfill',
        'scaling.admin',
        'scaling.service.create',
      ].sort(),
    );
    expect(response.body.permissions).toContainEqual({
      type: 'resource',
      name: 'scaling.replicas.update',
      attributes: { action: 'update' },
      resourceType: 'catalog-entity',
    });
  });

  it('rejects a request without credentials with 401', async () => {
    const server = await startBackend({ treatUnsignedAsUser: false });

    const response = await request(server).get(
      '/api/scaling/entities/component/default/order-service/facts',
    );

    expect(response.status).toBe(401);
  });

  it('rejects a malformed entity name with 400 before reading the catalog', async () => {
    const server = await startBackend();

    const response = await request(server)
      .get('/api/scaling/entities/component/default/order%20service!/facts')
      .set('Authorization', mockCredentials.user.header());

    expect(response.status).toBe(400);
    expect(response.body.error.name).toBe('InputError');
    expect(response.body.error.message).toMatch(/name/);
  });
});
