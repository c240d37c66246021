import { Sandbox } from '@meschain/kube-sandbox';
import { ScalingCluster } from '@meschain/backstage-plugin-scaling-node';
import {
  readFromSandbox,
  sandboxScalingCluster,
  startFrozenSandbox,
} from '../../../__testUtils__/kubeSandbox';
import { resourcePath } from './apiPaths';
import {
  createKubernetesClients,
  KubernetesClients,
} from './KubernetesClients';
import { kubernetesFailureOf } from './kubernetesErrors';
import { KubernetesObject } from './types';

type Deployment = KubernetesObject & { spec: { replicas: number } };

const REQUEST_TIMEOUT_MS = 1_000;
const DEPLOYMENTS = { apiVersion: 'apps/v1', plural: 'deployments' };
const NAMESPACE = 'meschain-sync';

describe('createKubernetesClient, against the kube-sandbox', () => {
  let sandbox: Sandbox;
  let clients: KubernetesClients;

  beforeAll(async () => {
    sandbox = await startFrozenSandbox();
    clients = createKubernetesClients({ requestTimeoutMs: REQUEST_TIMEOUT_MS });
  });

  afterAll(async () => {
    await clients.close();
    await sandbox.close();
  });

  afterEach(() => sandbox.faults.clear());

  function cluster(
    name: string,
    overrides: Partial<ScalingCluster> = {},
  ): ScalingCluster {
    return sandboxScalingCluster(sandbox, name, {
      name,
      url: sandbox.clusterUrl(name, 'https'),
      ...overrides,
    });
  }

  function deploymentPath(name?: string) {
    return resourcePath(DEPLOYMENTS, { namespace: NAMESPACE, name });
  }

  it('reads over HTTPS, trusting the cluster CA, and lists by label selector', async () => {
    const client = clients.forCluster(cluster('us-east'));

    const deployment = await client.get<Deployment>(
      deploymentPath('analytics-service'),
    );
    const list = await client.list<Deployment>(deploymentPath(), {
      labelSelector: 'backstage.io/kubernetes-id=analytics-service',
    });

    expect(deployment.metadata.name).toBe('analytics-service');
    expect(list.items.map(item => item.metadata.name)).toEqual([
      'analytics-service',
    ]);
    expect(list.metadata.resourceVersion).toEqual(expect.any(String));
  });

  it('refuses a certificate it cannot verify, and accepts it when told to skip verification', async () => {
    const untrusted = clients.forCluster(
      cluster('eu-west', { caData: undefined }),
    );
    await expect(
      untrusted.get(deploymentPath('analytics-service')),
    ).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringMatching(
        /^Cluster eu-west is unreachable \(GET \/apis\/apps\/v1\/namespaces\/meschain-sync\/deployments\/analytics-service\): .*certificate/,
      ),
    });

    const skipping = clients.forCluster(
      cluster('eu-west', { caData: undefined, skipTLSVerify: true }),
    );
    await expect(
      skipping.get<Deployment>(deploymentPath('analytics-service')),
    ).resolves.toMatchObject({ metadata: { name: 'analytics-service' } });
  });

  it('answers a missing object with NotFoundError, keeping the Status', async () => {
    const client = clients.forCluster(cluster('us-east'));

    const error = await client
      .get(deploymentPath('billing-service'))
      .catch(e => e);

    expect(error).toMatchObject({
      name: 'NotFoundError',
      message: 'Cluster us-east: deployments.apps "billing-service" not found',
    });
    expect(kubernetesFailureOf(error)).toMatchObject({
      httpStatus: 404,
      status: { kind: 'Status', reason: 'NotFound' },
    });
  });

  it("answers the cluster's refusal of a wrong token with NotAllowedError naming the cluster", async () => {
    const client = clients.forCluster(
      cluster('us-east', {
        getCredential: async () => ({
          type: 'bearer token',
          token: 'not-the-token',
        }),
      }),
    );

    await expect(client.get(deploymentPath())).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringContaining(
        "Cluster us-east did not accept the scaling backend's credentials",
      ),
    });
  });

  it('changes nothing on a dry run, and refuses a stale resourceVersion with ConflictError', async () => {
    const client = clients.forCluster(cluster('tr-central'));
    const path = deploymentPath('analytics-service');
    const before = await readFromSandbox<Deployment>(
      sandbox,
      'tr-central',
      path,
    );

    const dryRun = await client.patch<Deployment>(
      path,
      { spec: { replicas: before.spec.replicas + 5 } },
      { patchType: 'application/merge-patch+json', dryRun: true },
    );
    const stale = {
      ...before,
      metadata: { ...before.metadata, resourceVersion: '1' },
    };
    const conflict = await client.put(path, stale).catch(e => e);
    const after = await readFromSandbox<Deployment>(
      sandbox,
      'tr-central',
      path,
    );

    expect(dryRun.spec.replicas).toBe(before.spec.replicas + 5);
    expect(conflict).toMatchObject({
      name: 'ConflictError',
      message: expect.stringMatching(
        /^Cluster tr-central: .*has been modified/,
      ),
    });
    expect(after.spec.replicas).toBe(before.spec.replicas);
    expect(after.metadata.resourceVersion).toBe(
      before.metadata.resourceVersion,
    );
  });

  it('answers an invalid object with InputError naming the field', async () => {
    const client = clients.forCluster(cluster('tr-central'));

    const error = await client
      .post(
        resourcePath(
          { apiVersion: 'autoscaling/v2', plural: 'horizontalpodautoscalers' },
          { namespace: NAMESPACE },
        ),
        {
          apiVersion: 'autoscaling/v2',
          kind: 'HorizontalPodAutoscaler',
          metadata: { name: 'broken' },
          spec: {
            scaleTargetRef: {
              apiVersion: 'apps/v1',
              kind: 'Deployment',
              name: 'monitoring-service',
            },
            maxReplicas: 0,
          },
        },
        { dryRun: true },
      )
      .catch(e => e);

    expect(error).toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(
        /^Cluster tr-central rejected the request: .*spec\.maxReplicas/,
      ),
    });
    expect(kubernetesFailureOf(error)?.status?.details?.causes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'spec.maxReplicas' }),
      ]),
    );
  });

  it('reports a cluster that drops connections as unreachable', async () => {
    sandbox.faults.set('us-west', { mode: 'down' });
    const client = clients.forCluster(cluster('us-west'));

    await expect(client.get(deploymentPath())).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringMatching(
        /^Cluster us-west is unreachable \(GET \/apis\/apps\/v1\/namespaces\/meschain-sync\/deployments\): /,
      ),
    });
  });

  it('gives up on a slow cluster after the request timeout', async () => {
    sandbox.faults.set('eu-central', { mode: 'slow', delayMs: 4_000 });
    const client = clients.forCluster(cluster('eu-central'));
    const started = Date.now();

    const error = await client.get(deploymentPath()).catch(e => e);

    expect(error).toMatchObject({
      name: 'ServiceUnavailableError',
      message: `Cluster eu-central did not answer GET /apis/apps/v1/namespaces/meschain-sync/deployments within ${REQUEST_TIMEOUT_MS} ms`,
    });
    expect(Date.now() - started).toBeLessThan(REQUEST_TIMEOUT_MS + 500);
  });

  it("stops when the caller's signal aborts, with the caller's reason", async () => {
    sandbox.faults.set('eu-central', { mode: 'slow', delayMs: 4_000 });
    const client = clients.forCluster(cluster('eu-central'));
    const reason = new Error('the fan-out ran out of time');

    const controller = new AbortController();

    const pending = client.get(deploymentPath(), { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 50);

    await expect(pending).rejects.toBe(reason);
  });
});
