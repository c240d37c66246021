import { ApiClient } from './apiClient';
import { changedObjects, snapshotClusters } from './clusterSnapshot';
import { fuzzOperation, FuzzFailure } from './fuzzWrites';
import {
  CALLER_KINDS,
  MatrixCell,
  runPermissionMatrix,
} from './permissionMatrix';
import { findLeaks, Leak } from './secretLeaks';
import { WriteOperation } from './spec';
import { ReliabilityTarget } from './target';

/** Seeded and bounded, so that a run is repeatable and takes about a minute on two cores. */
export const FUZZ_SEED = 17;
export const RUNS_PER_ENDPOINT = 60;

export interface FuzzOutcome {
  endpoints: number;
  tried: number;
  failures: FuzzFailure[];
  /** Cluster objects that changed during the run: none may. */
  changed: string[];
}

export async function fuzzEveryWrite(
  target: ReliabilityTarget,
  client: ApiClient,
  operations: WriteOperation[],
): Promise<FuzzOutcome> {
  const before = await snapshotClusters(target);
  const failures: FuzzFailure[] = [];
  for (const operation of operations) {
    failures.push(
      ...(await fuzzOperation(operation, {
        target,
        client,
        seed: FUZZ_SEED,
        runs: RUNS_PER_ENDPOINT,
      })),
    );
  }
  const changed = changedObjects(before, await snapshotClusters(target));
  return {
    endpoints: operations.length,
    tried: operations.length * RUNS_PER_ENDPOINT,
    failures,
    changed,
  };
}

export interface MatrixOutcome {
  cells: MatrixCell[];
  /** Cluster objects changed by the refused callers (everyone but the owner): none may be. */
  changedByRefused: string[];
}

/** The refused callers first, between two snapshots of the clusters; then the owner. */
export async function checkPermissionMatrix(
  target: ReliabilityTarget,
  client: ApiClient,
  operations: WriteOperation[],
): Promise<MatrixOutcome> {
  const refused = CALLER_KINDS.filter(kind => kind !== 'owner');
  const before = await snapshotClusters(target);
  const cells = await runPermissionMatrix(operations, refused, {
    target,
    client,
  });
  const changedByRefused = changedObjects(
    before,
    await snapshotClusters(target),
  );
  cells.push(
    ...(await runPermissionMatrix(operations, ['owner'], { target, client })),
  );
  return { cells, changedByRefused };
}

const FAULTS = ['forbidden', 'error500', 'down'] as const;

async function setClusterFault(
  target: ReliabilityTarget,
  region: string,
  mode: string,
) {
  const response = await fetch(
    `${target.sandbox.url}/_sandbox/clusters/${region}/fault`,
    {
      method: 'POST',
      headers: {
        authorization: `Bearer ${target.sandbox.adminToken}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ mode }),
    },
  );
  if (!response.ok) {
    throw new Error(
      `The sandbox refused the fault ${mode}: ${response.status}`,
    );
  }
}

/**
 * Reads and writes while a cluster refuses, fails or is down: the paths on which a cluster's
 * error, and whatever the request to it carried, could reach an answer or a log line.
 */
export async function exerciseClusterFaults(
  target: ReliabilityTarget,
  client: ApiClient,
) {
  const owner = target.callers.owner;
  const { service, workloadNamespace, region, cluster } = owner.context;
  const entity = `/entities/component/default/${service}`;
  for (const mode of FAULTS) {
    await setClusterFault(target, region, mode);
    try {
      await client.send({ method: 'get', path: `${entity}/scaling` }, owner);
      await client.send({ method: 'get', path: `${entity}/rollouts` }, owner);
      await client.send(
        {
          method: 'post',
          path: `${entity}/scale`,
          body: {
            cluster,
            workload: {
              kind: 'Deployment',
              namespace: workloadNamespace,
              name: service,
            },
            replicas: 3,
            resourceVersion: '1',
          },
        },
        owner,
      );
    } finally {
      await setClusterFault(target, region, 'none');
    }
  }
}

/** Every answer the client received and every line the backend logged, searched for the target's secrets. */
export async function findSecretLeaks(
  target: ReliabilityTarget,
  client: ApiClient,
): Promise<{ answers: number; logLines: number; leaks: Leak[] }> {
  const lines = await target.logLines();
  const texts = [
    ...client.answers.map((text, i) => ({ where: `answer ${i + 1}`, text })),
    ...lines.map((text, i) => ({ where: `log line ${i + 1}`, text })),
  ];
  return {
    answers: client.answers.length,
    logLines: lines.length,
    leaks: findLeaks(texts, await target.secrets()),
  };
}
