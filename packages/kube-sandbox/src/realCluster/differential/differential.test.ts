import { setTimeout as sleep } from 'node:timers/promises';
import { loadFleet } from '../../cluster/fleet';
import { createSimulation, type SandboxSimulation } from '../../controllers';
import { startSandbox, type Sandbox } from '../../server';
import {
  startTestRealClusters,
  TARGETS_REAL_CLUSTER,
} from '../../testing/realClusters';
import type { RealClusters } from '../controlPlane';
import { KubeClient } from '../kubeClient';
import { DIFFERENTIAL_HPA_SYNC_PERIOD_MS } from './autoscaling';
import { differingPaths } from './helpers';
import {
  DIFFERENTIAL_SCENARIOS,
  KNOWN_DIFFERENCES,
  type DifferentialScenario,
  type ScenarioContext,
} from './scenarios';

const describeOnRealCluster = TARGETS_REAL_CLUSTER ? describe : describe.skip;

/** Request/response scenarios need no waiting; timed ones say how much cluster time they may take. */
const DEFAULT_BUDGET_MS = 60_000;

/** The real cluster's time is wall-clock time; the sandbox's costs little, plus start-up slack. */
const timeoutOf = (scenario: DifferentialScenario) =>
  (scenario.budgetMs ?? DEFAULT_BUDGET_MS) * 1.5 + 60_000;

jest.setTimeout(300_000);

describeOnRealCluster('the sandbox against a real control plane', () => {
  const fleet = loadFleet();
  const clusterName = fleet.clusters[0].name;
  const namespace = fleet.clusters[0].namespace;
  let sandbox: Sandbox;
  let real: RealClusters;

  beforeAll(async () => {
    // The sandbox's time is frozen and moved on by the scenarios (`elapse`), so that each
    // observation is taken after a known amount of simulated time. Its pods turn Ready at once,
    // as kwok's do on the real cluster. Both HPA controllers evaluate on the same, shorter period.
    [sandbox, real] = await Promise.all([
      startSandbox({
        port: 0,
        speed: 0,
        seed: 1,
        fleet,
        attach: createSimulation({
          podReadyDelayMs: 0,
          hpaSyncPeriodMs: DIFFERENTIAL_HPA_SYNC_PERIOD_MS,
        }),
      }),
      startTestRealClusters({
        clusters: 1,
        fleet,
        hpaSyncPeriodMs: DIFFERENTIAL_HPA_SYNC_PERIOD_MS,
      }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([sandbox?.close(), real?.close()]);
  });

  const onSandbox: ScenarioContext = {
    namespace,
    async elapse(ms) {
      sandbox.advance(ms);
      // Let the HTTP server answer what was queued meanwhile.
      await sleep(0);
    },
    holdLoad(service, requestsPerSecond) {
      const simulation = sandbox.simulations.get(
        clusterName,
      ) as SandboxSimulation;
      simulation.load.holdRate({
        service,
        start: sandbox.clock.now(),
        requestsPerSecond,
      });
    },
  };
  const onReal: ScenarioContext = {
    namespace,
    elapse: ms => sleep(ms),
    holdLoad(service, requestsPerSecond) {
      // The metrics adapter's load model runs on its mirror's clock, which reads the wall clock.
      const adapter = real.clusters[0].metricsAdapter;
      adapter.load.holdRate({
        service,
        start: adapter.cluster.clock.now(),
        requestsPerSecond,
      });
    },
  };

  const sandboxClient = () =>
    new KubeClient({
      url: sandbox.clusterUrl(clusterName),
      caPem: sandbox.caPem,
      token: sandbox.cluster(clusterName).token,
    });

  const observeBoth = async (scenario: DifferentialScenario) => [
    await scenario.run(sandboxClient(), onSandbox),
    await scenario.run(real.clusters[0].admin, onReal),
  ];

  for (const scenario of DIFFERENTIAL_SCENARIOS) {
    it(
      `${scenario.name}: the same observations on both`,
      async () => {
        const [sandboxSaw, realSaw] = await observeBoth(scenario);
        expect(sandboxSaw).toEqual(realSaw);
      },
      timeoutOf(scenario),
    );
  }

  for (const scenario of KNOWN_DIFFERENCES) {
    it(
      `${scenario.name}: still differs as recorded (${scenario.why})`,
      async () => {
        const [sandboxSaw, realSaw] = await observeBoth(scenario);
        expect(differingPaths(sandboxSaw, realSaw)).toEqual(
          scenario.differingPaths,
        );
      },
      timeoutOf(scenario),
    );
  }
});
