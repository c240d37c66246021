import type { ClusterSpec } from '../../cluster/types';
import { startSandbox, type Sandbox } from '../../server';
import type { Pod, ReplicaSet, Rollout, Service } from '../kinds';

// Starting a sandbox and running its simulation takes seconds when the whole
// suite shares two cores.
jest.setTimeout(60_000);

/**
 * Rollouts driven the way `kubectl argo rollouts` drives them — the same merge patches on the same
 * fields — against a running sandbox, with every result read back over HTTP.
 */

const LAB: ClusterSpec = {
  name: 'lab',
  region: 'eu-west',
  role: 'primary',
  token: 'lab-token',
  prices: { cpuCoreHour: 0.04, ramGiBHour: 0.005 },
  namespace: 'shop',
  nodePools: [
    {
      name: 'general',
      instanceType: 'm6i.xlarge',
      count: 3,
      allocatable: { cpu: '4', memory: '16Gi', pods: '58' },
    },
  ],
  services: [
    {
      name: 'checkout',
      image: 'meschain/checkout:1.0.0',
      replicas: 5,
      strategy: 'canary',
      scaling: 'none',
      resources: { requests: { cpu: '100m', memory: '128Mi' } },
      rolloutStrategy: {
        canary: {
          canaryService: 'checkout-canary',
          stableService: 'checkout',
          maxSurge: '25%',
          maxUnavailable: 0,
          steps: [
            { setWeight: 20 },
            { pause: {} },
            { setWeight: 60 },
            { pause: { duration: '30s' } },
          ],
        },
      },
    },
    {
      name: 'storefront',
      image: 'meschain/storefront:1.0.0',
      replicas: 3,
      strategy: 'blue-green',
      scaling: 'none',
      resources: { requests: { cpu: '100m', memory: '128Mi' } },
      rolloutStrategy: {
        blueGreen: {
          activeService: 'storefront',
          previewService: 'storefront-preview',
          autoPromotionEnabled: false,
          scaleDownDelaySeconds: 30,
        },
      },
    },
  ],
};

describe('Argo Rollouts controller over HTTP', () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startSandbox({
      fleet: { clusters: [LAB] },
      speed: 0,
      warmUpMs: 20_000,
      seed: 7,
    });
  });

  afterAll(() => sandbox.close());

  async function request<T>(
    method: string,
    path: string,
    body?: unknown,
    contentType = 'application/merge-patch+json',
  ): Promise<T> {
    const response = await fetch(
      `${sandbox.clusterUrl('lab', 'http')}${path}`,
      {
        method,
        headers: {
          authorization: `Bearer ${LAB.token}`,
          ...(body ? { 'content-type': contentType } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      },
    );
    const json = await response.json();
    if (!response.ok)
      throw new Error(
        `${method} ${path}: ${response.status} ${JSON.stringify(json)}`,
      );
    return json as T;
  }

  const rolloutPath = (name: string) =>
    `/apis/argoproj.io/v1alpha1/namespaces/shop/rollouts/${name}`;
  const getRollout = (name: string) =>
    request<Rollout>('GET', rolloutPath(name));
  /** The plugin patches the status subresource with a merge patch (promote, abort, retry, promote --full). */
  const patchStatus = (name: string, status: object) =>
    request<Rollout>('PATCH', `${rolloutPath(name)}/status`, { status });
  const patchSpec = (name: string, spec: object) =>
    request<Rollout>('PATCH', rolloutPath(name), { spec });
  const images = async (app: string) =>
    (
      await request<{ items: Pod[] }>(
        'GET',
        `/api/v1/namespaces/shop/pods?labelSelector=app.kubernetes.io/name%3D${app}`,
      )
    ).items
      .map(pod => pod.spec.containers[0].image)
      .sort();
  const selectorHash = async (service: string) =>
    (
      await request<Service>(
        'GET',
        `/api/v1/namespaces/shop/services/${service}`,
      )
    ).spec.selector?.['rollouts-pod-template-hash'];
  const replicaSet = (name: string) =>
    request<ReplicaSet>(
      'GET',
      `/apis/apps/v1/namespaces/shop/replicasets/${name}`,
    );
  const advance = (seconds: number) => sandbox.advance(seconds * 1000);

  it('takes a canary through setWeight, pause, promote, abort, retry and promote --full', async () => {
    const initial = await getRollout('checkout');
    expect(initial.status).toMatchObject({
      phase: 'Healthy',
      currentStepIndex: 4,
      availableReplicas: 5,
    });
    const stableHash = initial.status!.stableRS!;
    expect(initial.status!.currentPodHash).toBe(stableHash);

    await patchSpec('checkout', {
      template: {
        spec: {
          containers: [{ name: 'checkout', image: 'meschain/checkout:2.0.0' }],
        },
      },
    });
    advance(10);

    // setWeight: 20 of 5 pods → one canary pod; then the indefinite pause.
    let rollout = await getRollout('checkout');
    const canaryHash = rollout.status!.currentPodHash!;
    expect(canaryHash).not.toBe(stableHash);
    expect(rollout.status).toMatchObject({
      phase: 'Paused',
      message: 'CanaryPauseStep',
      currentStepIndex: 1,
      controllerPause: true,
      stableRS: stableHash,
      pauseConditions: [{ reason: 'CanaryPauseStep' }],
    });
    expect(await images('checkout')).toEqual([
      'meschain/checkout:1.0.0',
      'meschain/checkout:1.0.0',
      'meschain/checkout:1.0.0',
      'meschain/checkout:1.0.0',
      'meschain/checkout:2.0.0',
    ]);
    expect(await selectorHash('checkout-canary')).toBe(canaryHash);
    expect(await selectorHash('checkout')).toBe(stableHash);

    // `kubectl argo rollouts promote checkout`.
    await patchStatus('checkout', { pauseConditions: null });
    advance(10);
    rollout = await getRollout('checkout');
    // setWeight: 60 → three canary pods, two stable; now in the 30 s pause.
    expect(rollout.status).toMatchObject({
      phase: 'Paused',
      currentStepIndex: 3,
      pauseConditions: [{ reason: 'CanaryPauseStep' }],
    });
    expect(
      (await images('checkout')).filter(image => image?.endsWith('2.0.0')),
    ).toHaveLength(3);

    // `kubectl argo rollouts abort checkout`: back to all-stable, Degraded.
    await patchStatus('checkout', { abort: true });
    // Without a traffic router the canary drains as the stable grows back, within maxSurge.
    advance(30);
    rollout = await getRollout('checkout');
    expect(rollout.status).toMatchObject({
      phase: 'Degraded',
      message: 'RolloutAborted: Rollout aborted update to revision 2',
      abort: true,
      currentStepIndex: 0,
      stableRS: stableHash,
    });
    expect(rollout.status!.pauseConditions).toBeUndefined();
    expect(await images('checkout')).toEqual(
      Array(5).fill('meschain/checkout:1.0.0'),
    );

    // `kubectl argo rollouts retry rollout checkout`: the steps start over.
    await patchStatus('checkout', { abort: false });
    advance(10);
    rollout = await getRollout('checkout');
    expect(rollout.status).toMatchObject({
      phase: 'Paused',
      currentStepIndex: 1,
    });
    // The controller leaves the `abort: false` retry wrote, as Argo's merge patch of its status does.
    expect(rollout.status!.abort).toBe(false);
    expect(rollout.status!.abortedAt).toBeUndefined();

    // `kubectl argo rollouts promote checkout --full`.
    await patchStatus('checkout', { promoteFull: true });
    advance(20);
    rollout = await getRollout('checkout');
    expect(rollout.status).toMatchObject({
      phase: 'Healthy',
      stableRS: canaryHash,
      currentPodHash: canaryHash,
      currentStepIndex: 4,
    });
    expect(rollout.status!.promoteFull).toBeUndefined();
    expect(await images('checkout')).toEqual(
      Array(5).fill('meschain/checkout:2.0.0'),
    );
    expect(await selectorHash('checkout')).toBe(canaryHash);
  });

  it('promotes a blue-green rollout and scales the old ReplicaSet down after scaleDownDelaySeconds', async () => {
    const initial = await getRollout('storefront');
    const blueHash = initial.status!.currentPodHash!;
    expect(initial.status).toMatchObject({
      phase: 'Healthy',
      stableRS: blueHash,
      blueGreen: { activeSelector: blueHash },
    });
    expect(await selectorHash('storefront')).toBe(blueHash);

    await patchSpec('storefront', {
      template: {
        spec: {
          containers: [
            { name: 'storefront', image: 'meschain/storefront:2.0.0' },
          ],
        },
      },
    });
    advance(10);

    let rollout = await getRollout('storefront');
    const greenHash = rollout.status!.currentPodHash!;
    expect(rollout.status).toMatchObject({
      phase: 'Paused',
      message: 'BlueGreenPause',
      pauseConditions: [{ reason: 'BlueGreenPause' }],
      blueGreen: { activeSelector: blueHash, previewSelector: greenHash },
      stableRS: blueHash,
    });
    expect(await selectorHash('storefront')).toBe(blueHash);
    expect(await selectorHash('storefront-preview')).toBe(greenHash);
    expect(await images('storefront')).toEqual([
      ...Array(3).fill('meschain/storefront:1.0.0'),
      ...Array(3).fill('meschain/storefront:2.0.0'),
    ]);

    // `kubectl argo rollouts promote storefront`.
    await patchStatus('storefront', { pauseConditions: null });
    advance(1);
    const promotedAt = sandbox.clock.now();
    rollout = await getRollout('storefront');
    expect(rollout.status).toMatchObject({
      phase: 'Healthy',
      stableRS: greenHash,
      blueGreen: { activeSelector: greenHash },
    });
    expect(rollout.status!.selector).toBe(
      `app.kubernetes.io/name=storefront,rollouts-pod-template-hash=${greenHash}`,
    );
    expect(await selectorHash('storefront')).toBe(greenHash);

    // The old stack keeps running for the 30 s scale-down delay, then goes.
    const blue = await replicaSet(`storefront-${blueHash}`);
    expect(blue.spec.replicas).toBe(3);
    expect(blue.metadata.annotations?.['scale-down-deadline']).toBe(
      new Date(promotedAt + 30_000).toISOString().replace(/\.000Z$/, 'Z'),
    );
    advance(25);
    expect((await replicaSet(`storefront-${blueHash}`)).spec.replicas).toBe(3);
    advance(10);
    expect((await replicaSet(`storefront-${blueHash}`)).spec.replicas).toBe(0);
    expect(await images('storefront')).toEqual(
      Array(3).fill('meschain/storefront:2.0.0'),
    );
  });

  it('restarts pods for spec.restartAt and returns to the previous template on undo', async () => {
    const restartAt = new Date(sandbox.clock.now())
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
    await patchSpec('checkout', { restartAt });
    advance(60);
    const restarted = await getRollout('checkout');
    expect(restarted.status).toMatchObject({
      restartedAt: restartAt,
      phase: 'Healthy',
    });
    const pods = (
      await request<{ items: Pod[] }>(
        'GET',
        '/api/v1/namespaces/shop/pods?labelSelector=app.kubernetes.io/name%3Dcheckout',
      )
    ).items;
    expect(
      pods.every(
        pod =>
          Date.parse(pod.metadata.creationTimestamp!) >= Date.parse(restartAt),
      ),
    ).toBe(true);

    // `kubectl argo rollouts undo checkout`: a JSON patch putting back the previous ReplicaSet's template.
    const sets = (
      await request<{ items: ReplicaSet[] }>(
        'GET',
        '/apis/apps/v1/namespaces/shop/replicasets?labelSelector=app.kubernetes.io/name%3Dcheckout',
      )
    ).items;
    const revision1 = sets.find(
      rs => rs.metadata.annotations?.['rollout.argoproj.io/revision'] === '1',
    )!;
    const template = structuredClone(revision1.spec.template);
    delete template.metadata!.labels!['rollouts-pod-template-hash'];
    await request(
      'PATCH',
      rolloutPath('checkout'),
      [{ op: 'replace', path: '/spec/template', value: template }],
      'application/json-patch+json',
    );
    advance(10);
    const undone = await getRollout('checkout');
    expect(undone.status!.currentPodHash).toBe(
      revision1.metadata.labels!['rollouts-pod-template-hash'],
    );
    expect(undone.metadata.annotations?.['rollout.argoproj.io/revision']).toBe(
      '3',
    );
    expect(undone.status).toMatchObject({
      phase: 'Paused',
      currentStepIndex: 1,
    });
  });

  it('skips the steps of a rollback to a revision within spec.rollbackWindow', async () => {
    // Finish the undo above, then release 3.0.0 fully: stable is 3.0.0, and 2.0.0's
    // ReplicaSet was created between 1.0.0's and it.
    await patchStatus('checkout', { promoteFull: true });
    advance(60);
    await patchSpec('checkout', { rollbackWindow: { revisions: 2 } });
    await request(
      'PATCH',
      rolloutPath('checkout'),
      [
        {
          op: 'replace',
          path: '/spec/template/spec/containers/0/image',
          value: 'meschain/checkout:3.0.0',
        },
      ],
      'application/json-patch+json',
    );
    advance(10);
    await patchStatus('checkout', { promoteFull: true });
    advance(60);
    expect(await images('checkout')).toEqual(
      Array(5).fill('meschain/checkout:3.0.0'),
    );

    await request(
      'PATCH',
      rolloutPath('checkout'),
      [
        {
          op: 'replace',
          path: '/spec/template/spec/containers/0/image',
          value: 'meschain/checkout:1.0.0',
        },
      ],
      'application/json-patch+json',
    );
    advance(30);
    const rolledBack = await getRollout('checkout');
    expect(rolledBack.status).toMatchObject({ phase: 'Healthy' });
    expect(rolledBack.status!.pauseConditions).toBeUndefined();
    expect(rolledBack.status!.stableRS).toBe(rolledBack.status!.currentPodHash);
    expect(await images('checkout')).toEqual(
      Array(5).fill('meschain/checkout:1.0.0'),
    );
  });
});
