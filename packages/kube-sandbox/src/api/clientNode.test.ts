import * as k8s from '@kubernetes/client-node';
import type { Sandbox } from '../server';
import { inertSimulation, startTestSandbox } from '../testing/sandbox';

// Starting a sandbox and running its simulation takes seconds when the whole
// suite shares two cores.
jest.setTimeout(60_000);

/** `@kubernetes/client-node` 1.4 against the sandbox, over HTTPS with the kubeconfig's CA. */
describe('@kubernetes/client-node against the sandbox', () => {
  let sandbox: Sandbox;
  let kc: k8s.KubeConfig;

  beforeAll(async () => {
    sandbox = await startTestSandbox({ attach: inertSimulation });
    kc = new k8s.KubeConfig();
    kc.loadFromString(sandbox.kubeconfig('eu-west'));
  });

  afterAll(() => sandbox.close());

  const apps = () => kc.makeApiClient(k8s.AppsV1Api);
  const core = () => kc.makeApiClient(k8s.CoreV1Api);

  function deployment(
    name: string,
    labels: Record<string, string>,
  ): k8s.V1Deployment {
    return {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, labels },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: name } },
        template: {
          metadata: { labels: { app: name } },
          spec: { containers: [{ name: 'app', image: 'example/app:1' }] },
        },
      },
    };
  }

  it('creates, reads, replaces, patches and deletes a Deployment', async () => {
    const created = await apps().createNamespacedDeployment({
      namespace: 'shop',
      body: deployment('api', { team: 'a' }),
    });
    expect(created.metadata?.uid).toBeTruthy();
    expect(created.spec?.strategy?.rollingUpdate?.maxSurge).toBe('25%');
    expect(created.spec?.progressDeadlineSeconds).toBe(600);

    const read = await apps().readNamespacedDeployment({
      namespace: 'shop',
      name: 'api',
    });
    read.spec!.replicas = 3;
    const replaced = await apps().replaceNamespacedDeployment({
      namespace: 'shop',
      name: 'api',
      body: read,
    });
    expect(replaced.spec?.replicas).toBe(3);
    expect(replaced.metadata?.generation).toBe(2);

    const patched = await apps().patchNamespacedDeployment(
      {
        namespace: 'shop',
        name: 'api',
        body: { metadata: { labels: { team: 'b' } } },
      },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
    );
    expect(patched.metadata?.labels).toEqual({ team: 'b' });

    const scale = await apps().readNamespacedDeploymentScale({
      namespace: 'shop',
      name: 'api',
    });
    expect(scale.spec?.replicas).toBe(3);
    expect(scale.status?.selector).toBe('app=api');

    await apps().deleteNamespacedDeployment({ namespace: 'shop', name: 'api' });
    expect(
      sandbox.cluster('eu-west').store.get('deployments.apps', 'shop', 'api'),
    ).toBeUndefined();
    await expect(
      apps().readNamespacedDeployment({ namespace: 'shop', name: 'api' }),
    ).rejects.toMatchObject({ code: 404 });
  });

  it('gets a 409 Conflict for an update with a stale resourceVersion', async () => {
    await apps().createNamespacedDeployment({
      namespace: 'shop',
      body: deployment('stale', {}),
    });
    const first = await apps().readNamespacedDeployment({
      namespace: 'shop',
      name: 'stale',
    });
    const second = await apps().readNamespacedDeployment({
      namespace: 'shop',
      name: 'stale',
    });
    first.spec!.replicas = 2;
    await apps().replaceNamespacedDeployment({
      namespace: 'shop',
      name: 'stale',
      body: first,
    });
    second.spec!.replicas = 5;
    const error = await apps()
      .replaceNamespacedDeployment({
        namespace: 'shop',
        name: 'stale',
        body: second,
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(k8s.ApiException);
    const apiError = error as k8s.ApiException<string>;
    expect(apiError.code).toBe(409);
    expect(JSON.parse(apiError.body)).toMatchObject({
      kind: 'Status',
      reason: 'Conflict',
      message:
        'Operation cannot be fulfilled on deployments.apps "stale": the object has been modified; please apply your changes to the latest version and try again',
    });
    expect(
      (
        await apps().readNamespacedDeployment({
          namespace: 'shop',
          name: 'stale',
        })
      ).spec?.replicas,
    ).toBe(2);
  });

  it('lists with equality and set-based label selectors', async () => {
    await apps().createNamespacedDeployment({
      namespace: 'shop',
      body: deployment('sel-a', { tier: 'front' }),
    });
    await apps().createNamespacedDeployment({
      namespace: 'shop',
      body: deployment('sel-b', { tier: 'back' }),
    });
    const names = async (labelSelector: string) =>
      (
        await apps().listNamespacedDeployment({
          namespace: 'shop',
          labelSelector,
        })
      ).items.map(d => d.metadata?.name);
    expect(await names('tier=front')).toEqual(['sel-a']);
    expect(await names('tier in (front,back)')).toEqual(['sel-a', 'sel-b']);
    expect(await names('tier,tier notin (front)')).toEqual(['sel-b']);
    const list = await apps().listDeploymentForAllNamespaces({
      labelSelector: 'app.kubernetes.io/name=web',
    });
    expect(list.items.map(d => d.metadata?.namespace)).toEqual(['shop']);
    expect(Number(list.metadata?.resourceVersion)).toBeGreaterThan(0);
  });

  it('receives watch events, including those written by controllers in-process', async () => {
    const events: string[] = [];
    const watch = new k8s.Watch(kc);
    const { resourceVersion } = (
      await core().listNamespacedPod({ namespace: 'shop' })
    ).metadata!;
    let done!: () => void;
    const finished = new Promise<void>(resolve => {
      done = resolve;
    });
    const request = await watch.watch(
      '/api/v1/namespaces/shop/pods',
      { resourceVersion, labelSelector: 'app=watched' },
      (type: string, pod: k8s.V1Pod) => {
        events.push(`${type} ${pod.metadata?.name}`);
        if (events.length === 3) done();
      },
      () => undefined,
    );
    const store = sandbox.cluster('eu-west').store;
    await core().createNamespacedPod({
      namespace: 'shop',
      body: {
        metadata: { name: 'w1', labels: { app: 'watched' } },
        spec: { containers: [{ name: 'c', image: 'x' }] },
      },
    });
    store.create('pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'ignored',
        namespace: 'shop',
        labels: { app: 'other' },
      },
    });
    store.modify(
      'pods',
      'shop',
      'w1',
      pod => {
        pod.status = { phase: 'Running' };
      },
      { subresource: 'status' },
    );
    await core().deleteNamespacedPod({ namespace: 'shop', name: 'w1' });
    await finished;
    request.abort();
    expect(events).toEqual(['ADDED w1', 'MODIFIED w1', 'DELETED w1']);
  });
});
