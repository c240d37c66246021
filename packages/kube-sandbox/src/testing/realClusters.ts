import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadFleet, type Fleet } from '../cluster/fleet';
import {
  startRealClusters,
  type RealClusters,
  type RealClustersOptions,
} from '../realCluster/controlPlane';

/** Where `tools/real-cluster/build.sh` puts the control plane's programs. */
export const REAL_CLUSTER_BIN_DIR = resolve(
  require.resolve('@meschain/kube-sandbox/package.json'),
  '../../../tools/real-cluster/bin',
);

/**
 * Whether this test run targets the real control plane as well as the sandbox. The fast default
 * run does not; CI does, after building it, and then a missing build fails the tests.
 */
export const TARGETS_REAL_CLUSTER =
  process.env.SCALING_TEST_TARGET === 'real-cluster';

/** Real clusters for a test file: the first `clusters` of the fleet, in a fresh data folder. */
export function startTestRealClusters(
  options: Pick<
    RealClustersOptions,
    'clusters' | 'seed' | 'load' | 'hpaSyncPeriodMs'
  > & {
    fleet?: Fleet;
  } = {},
): Promise<RealClusters> {
  return startRealClusters({
    binDir: REAL_CLUSTER_BIN_DIR,
    dataDir: mkdtempSync(join(tmpdir(), 'real-cluster-')),
    fleet: options.fleet ?? loadFleet(),
    clusters: options.clusters ?? 1,
    seed: options.seed ?? 1,
    load: options.load,
    hpaSyncPeriodMs: options.hpaSyncPeriodMs,
  });
}
