import { loadFleet } from '../../cluster/fleet';
import { startSandbox, type Sandbox } from '../../server';
import {
  startTestRealClusters,
  TARGETS_REAL_CLUSTER,
} from '../../testing/realClusters';
import type { RealClusters } from '../controlPlane';
import { KubeClient } from '../kubeClient';
import { DIFFERENTIAL_SCENARIOS } from './scenarios';

const describeOnRealCluster = TARGETS_REAL_CLUSTER ? describe : describe.skip;

jest.setTimeout(300_000);

describeOnRealCluster('the sandbox against a real control plane', () => {
  const fleet = loadFleet();
  const clusterName = fleet.clusters[0].name;
  const context = { namespace: fleet.clusters[0].namespace };
  let sandbox: Sandbox;
  let real: RealClusters;

  beforeAll(async () => {
    [sandbox, real] = await Promise.all([
      startSandbox({ port: 0, speed: 0, seed: 1, fleet }),
      startTestRealClusters({ clusters: 1, fleet }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([sandbox?.close(), real?.close()]);
  });

  const sandboxClient = () =>
    new KubeClient({
      url: sandbox.clusterUrl(clusterName),
      caPem: sandbox.caPem,
      token: sandbox.cluster(clusterName).token,
    });

  it.each(
    DIFFERENTIAL_SCENARIOS.map(scenario => [scenario.name, scenario] as const),
  )('%s: the same observations on both', async (_name, scenario) => {
    const [onSandbox, onReal] = [
      await scenario.run(sandboxClient(), context),
      await scenario.run(real.clusters[0].admin, context),
    ];
    expect(onSandbox).toEqual(onReal);
  });
});
