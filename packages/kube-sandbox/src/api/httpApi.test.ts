import type { Sandbox } from '../server';
import { inertSimulation, startTestSandbox } from '../testing/sandbox';

// Starting a sandbox and running its simulation takes seconds when the whole
// suite shares two cores.
jest.setTimeout(60_000);

/** The API over plain HTTP with fetch: auth, Status errors, discovery, conversion, watch, faults. */
describe('sandbox HTTP API', () => {
  let sandbox: Sandbox;
  let base: string;
  const auth = { Authorization: 'Bearer token-eu-west' };

  beforeAll(async () => {
    sandbox = await startTestSandbox({ attach: inertSimulation });
    base = sandbox.clusterUrl('eu-west', 'http');
  });

  afterEach(() => sandbox.faults.clear());
  afterAll(() => sandbox.close());

  async function call(
    path: string,
    init: RequestInit & { json?: unknown } = {},
  ) {
    const { json, headers, ...rest } = init;
    const response = await fetch(`${base}${path}`, {
      ...rest,
      headers: {
        ...auth,
        ...(json !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(headers as Record<string, string>),
      },
      ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? JSON.parse(text) : undefined,
    };
  }

  const hpa = (spec: Record<string, unknown>, name = 'checkout') => ({
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name },
    spec: {
      scaleTargetRef: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: 'web',
      },
      ...spec,
    },
  });

  it('answers 401 Unauthorized without the cluster token, or with another cluster token', async () => {
    for (const headers of [
      { Authorization: '' },
      { Authorization: 'Bearer token-eu-central' },
    ]) {
      const res = await call('/api/v1/namespaces', { headers });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'Unauthorized',
        reason: 'Unauthorized',
        code: 401,
      });
    }
  });

  it('answers 404 NotFound Status objects', async () => {
    const res = await call('/apis/apps/v1/namespaces/shop/deployments/nope');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({
      reason: 'NotFound',
      message: 'deployments.apps "nope" not found',
      details: { name: 'nope', group: 'apps', kind: 'deployments' },
    });
    const ns = await call('/api/v1/namespaces/missing/pods', {
      method: 'POST',
      json: {
        metadata: { name: 'p' },
        spec: { containers: [{ name: 'c', image: 'i' }] },
      },
    });
    expect(ns.status).toBe(404);
    expect(ns.body.message).toBe('namespaces "missing" not found');
    expect((await call('/apis/apps/v1/namespaces/shop/widgets')).status).toBe(
      404,
    );
  });

  it('answers 409 AlreadyExists', async () => {
    const res = await call('/api/v1/namespaces/shop/services', {
      method: 'POST',
      json: { metadata: { name: 'web' }, spec: { ports: [{ port: 80 }] } },
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      reason: 'AlreadyExists',
      message: 'services "web" already exists',
    });
  });

  it('answers 422 Invalid with field causes', async () => {
    const res = await call(
      '/apis/autoscaling/v2/namespaces/shop/horizontalpodautoscalers',
      {
        method: 'POST',
        json: hpa(
          { minReplicas: 5, maxReplicas: 2, metrics: [{ type: 'Bogus' }] },
          'Bad_Name',
        ),
      },
    );
    expect(res.status).toBe(422);
    expect(res.body.reason).toBe('Invalid');
    expect(res.body.details.kind).toBe('HorizontalPodAutoscaler');
    expect(res.body.details.causes).toEqual([
      expect.objectContaining({
        reason: 'FieldValueInvalid',
        field: 'metadata.name',
      }),
      {
        reason: 'FieldValueInvalid',
        field: 'spec.maxReplicas',
        message:
          'Invalid value: 2: must be greater than or equal to `minReplicas`',
      },
      {
        reason: 'FieldValueNotSupported',
        field: 'spec.metrics[0].type',
        message:
          'Unsupported value: "Bogus": supported values: "ContainerResource", "External", "Object", "Pods", "Resource"',
      },
    ]);
    expect(res.body.message).toMatch(
      /^HorizontalPodAutoscaler.autoscaling "Bad_Name" is invalid: \[metadata.name: Invalid value: "Bad_Name": /,
    );

    const replicas = await call(
      '/apis/apps/v1/namespaces/shop/deployments/web/scale',
      {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/merge-patch+json' },
        body: JSON.stringify({ spec: { replicas: -1 } }),
      },
    );
    expect(replicas.status).toBe(422);
    expect(replicas.body.details.causes).toEqual([
      {
        reason: 'FieldValueInvalid',
        field: 'spec.replicas',
        message: 'Invalid value: -1: must be greater than or equal to 0',
      },
    ]);
    const missing = await call('/apis/apps/v1/namespaces/shop/deployments', {
      method: 'POST',
      json: {
        metadata: { name: 'empty' },
        spec: {
          selector: { matchLabels: { a: 'b' } },
          template: { metadata: { labels: { a: 'b' } }, spec: {} },
        },
      },
    });
    expect(missing.body.details.causes).toEqual([
      {
        reason: 'FieldValueRequired',
        field: 'spec.template.spec.containers',
        message: 'Required value',
      },
    ]);
  });

  it('defaults HPA behavior only when given, and the default CPU metric when none', async () => {
    const plain = await call(
      '/apis/autoscaling/v2/namespaces/shop/horizontalpodautoscalers?dryRun=All',
      {
        method: 'POST',
        json: hpa({ maxReplicas: 4 }),
      },
    );
    expect(plain.status).toBe(201);
    // The Go type's zero status: desiredReplicas and currentMetrics have no omitempty.
    expect(plain.body.status).toEqual({
      desiredReplicas: 0,
      currentMetrics: null,
    });
    expect(plain.body.spec).toEqual({
      scaleTargetRef: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: 'web',
      },
      minReplicas: 1,
      maxReplicas: 4,
      metrics: [
        {
          type: 'Resource',
          resource: {
            name: 'cpu',
            target: { type: 'Utilization', averageUtilization: 80 },
          },
        },
      ],
    });
    const withBehavior = await call(
      '/apis/autoscaling/v2/namespaces/shop/horizontalpodautoscalers?dryRun=All',
      {
        method: 'POST',
        json: hpa({
          maxReplicas: 4,
          behavior: {
            scaleUp: {
              policies: [{ type: 'Pods', value: 2, periodSeconds: 60 }],
            },
          },
        }),
      },
    );
    expect(withBehavior.body.spec.behavior).toEqual({
      scaleUp: {
        stabilizationWindowSeconds: 0,
        selectPolicy: 'Max',
        policies: [{ type: 'Pods', value: 2, periodSeconds: 60 }],
      },
      scaleDown: {
        selectPolicy: 'Max',
        policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
      },
    });
    expect(
      sandbox
        .cluster('eu-west')
        .store.get('horizontalpodautoscalers.autoscaling', 'shop', 'checkout'),
    ).toBeUndefined();
  });

  it('serves autoscaling/v1 HPAs converted from v2, and writes through v1 without losing v2 fields', async () => {
    const v1 = await call(
      '/apis/autoscaling/v1/namespaces/shop/horizontalpodautoscalers/web',
    );
    expect(v1.body.apiVersion).toBe('autoscaling/v1');
    expect(v1.body.spec).toEqual({
      scaleTargetRef: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: 'web',
      },
      minReplicas: 2,
      maxReplicas: 10,
      targetCPUUtilizationPercentage: 70,
    });
    v1.body.spec.maxReplicas = 12;
    const put = await call(
      '/apis/autoscaling/v1/namespaces/shop/horizontalpodautoscalers/web',
      { method: 'PUT', json: v1.body },
    );
    expect(put.status).toBe(200);
    const v2 = await call(
      '/apis/autoscaling/v2/namespaces/shop/horizontalpodautoscalers/web',
    );
    expect(v2.body.spec.maxReplicas).toBe(12);
    expect(v2.body.spec.metrics).toHaveLength(1);
    expect(v2.body.metadata.annotations ?? {}).not.toHaveProperty([
      'autoscaling.alpha.kubernetes.io/metrics',
    ]);
  });

  it('serves discovery: version, groups, resource lists with short names and subresources, aggregated v2', async () => {
    expect((await call('/version')).body.gitVersion).toMatch(/^v1\.32\./);
    const groups = await call('/apis');
    expect(groups.body.groups.map((g: { name: string }) => g.name)).toEqual([
      'apps',
      'batch',
      'networking.k8s.io',
      'policy',
      'autoscaling',
      'argoproj.io',
      'networking.istio.io',
    ]);
    // A CRD's versions, highest preferred, as for Istio's VirtualService.
    const group = (name: string) =>
      groups.body.groups.find((g: { name: string }) => g.name === name);
    expect(group('networking.istio.io')).toMatchObject({
      versions: [
        { version: 'v1' },
        { version: 'v1beta1' },
        { version: 'v1alpha3' },
      ],
      preferredVersion: { version: 'v1' },
    });
    expect(group('autoscaling')).toMatchObject({
      versions: [{ version: 'v2' }, { version: 'v1' }],
      preferredVersion: { groupVersion: 'autoscaling/v2', version: 'v2' },
    });
    const apps = await call('/apis/apps/v1');
    const byName = Object.fromEntries(
      apps.body.resources.map((r: { name: string }) => [r.name, r]),
    );
    expect(byName.deployments).toMatchObject({
      kind: 'Deployment',
      namespaced: true,
      shortNames: ['deploy'],
    });
    expect(byName['deployments/scale']).toMatchObject({
      group: 'autoscaling',
      version: 'v1',
      kind: 'Scale',
    });
    const aggregated = await call('/apis', {
      headers: {
        Accept:
          'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json',
      },
    });
    expect(aggregated.headers.get('content-type')).toBe(
      'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList',
    );
    const argo = aggregated.body.items.find(
      (i: { metadata: { name: string } }) => i.metadata.name === 'argoproj.io',
    );
    expect(argo.versions[0].resources[0]).toMatchObject({
      resource: 'rollouts',
      scope: 'Namespaced',
      shortNames: ['ro'],
      subresources: expect.arrayContaining([
        expect.objectContaining({ subresource: 'status' }),
      ]),
    });
  });

  it('serves Tables to clients that ask for them', async () => {
    const res = await call('/apis/apps/v1/namespaces/shop/deployments', {
      headers: {
        Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json',
      },
    });
    expect(res.body.kind).toBe('Table');
    expect(
      res.body.columnDefinitions.map((c: { name: string }) => c.name),
    ).toEqual([
      'Name',
      'Ready',
      'Up-to-date',
      'Available',
      'Age',
      'Containers',
      'Images',
      'Selector',
    ]);
    expect(res.body.rows[0].cells.slice(0, 1)).toEqual(['web']);
    expect(res.body.rows[0].object.kind).toBe('PartialObjectMetadata');
  });

  it('refuses strategic merge patches on custom resources with 415', async () => {
    const res = await call(
      '/apis/argoproj.io/v1alpha1/namespaces/shop/rollouts/shop',
      {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/strategic-merge-patch+json' },
        body: '{"spec":{"paused":true}}',
      },
    );
    expect(res.status).toBe(415);
    expect(res.body.reason).toBe('UnsupportedMediaType');
    const merge = await call(
      '/apis/argoproj.io/v1alpha1/namespaces/shop/rollouts/shop',
      {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/merge-patch+json' },
        body: '{"spec":{"paused":true}}',
      },
    );
    expect(merge.body.spec.paused).toBe(true);
  });

  it('streams watch events on the legacy /watch/ path until timeoutSeconds, and 410 for an expired resourceVersion', async () => {
    const store = sandbox.cluster('eu-west').store;
    const startRv = store.resourceVersion();
    const response = await fetch(
      `${base}/api/v1/watch/namespaces/shop/services?resourceVersion=${startRv}&timeoutSeconds=1`,
      { headers: auth },
    );
    store.create('services', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'watched', namespace: 'shop' },
      spec: { ports: [{ port: 80 }] },
    });
    const lines = (await response.text())
      .trim()
      .split('\n')
      .map(l => JSON.parse(l));
    expect(lines.map(l => `${l.type} ${l.object.metadata.name}`)).toEqual([
      'ADDED watched',
    ]);

    for (let i = 0; i < 5_001; i++)
      store.modify(
        'namespaces',
        undefined,
        'shop',
        ns => void (ns.metadata.annotations = { n: String(i) }),
      );
    const stale = await fetch(
      `${base}/api/v1/namespaces/shop/pods?watch=true&resourceVersion=1`,
      { headers: auth },
    );
    expect(JSON.parse((await stale.text()).trim())).toMatchObject({
      type: 'ERROR',
      object: { code: 410, reason: 'Expired' },
    });
  });

  describe('fault injection', () => {
    const admin = (name: string, body: unknown) =>
      fetch(`${sandbox.httpUrl}/_sandbox/clusters/${name}/fault`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${sandbox.adminToken}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify(body),
      });

    it('needs the admin token', async () => {
      const res = await fetch(
        `${sandbox.httpUrl}/_sandbox/clusters/eu-west/fault`,
        { method: 'POST', body: '{"mode":"down"}' },
      );
      expect(res.status).toBe(401);
    });

    it('answers 500 or 403 Status, or resets the connection, then recovers', async () => {
      expect((await admin('eu-west', { mode: 'error500' })).status).toBe(200);
      const failed = await call('/api/v1/namespaces');
      expect(failed.status).toBe(500);
      expect(failed.body.reason).toBe('InternalError');

      await admin('eu-west', { mode: 'forbidden' });
      const forbidden = await call('/api/v1/namespaces');
      expect(forbidden.status).toBe(403);
      expect(forbidden.body.reason).toBe('Forbidden');
      expect(
        (
          await fetch(
            `${sandbox.clusterUrl('eu-central', 'http')}/api/v1/namespaces`,
            { headers: { Authorization: 'Bearer token-eu-central' } },
          )
        ).status,
      ).toBe(200);

      await admin('eu-west', { mode: 'down' });
      await expect(call('/api/v1/namespaces')).rejects.toThrow();

      await admin('eu-west', { mode: 'none' });
      expect((await call('/api/v1/namespaces')).status).toBe(200);
    });

    it('delays answers when slow', async () => {
      sandbox.faults.set('eu-west', { mode: 'slow', delayMs: 300 });
      const started = Date.now();
      expect((await call('/version')).status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    });
  });
});
