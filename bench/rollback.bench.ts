/**
 * Rollback benchmark: the time from a rollback click until the earlier revision is fully
 * available again on the kube-sandbox running in real time, for a released Deployment
 * (`rollout undo`), and for a canary Rollout (`kubectl argo rollouts undo`) rolled back both
 * mid-update and after a release (within its rollbackWindow, so the steps are skipped). The baseline, measured in the same run on the same workloads, sends the very same
 * patch straight to the cluster, as kubectl does: the difference is what the backend's
 * authorize, validate, audit, patch and audit path costs.
 *
 * Run with `yarn bench:rollback`. Aim (the brief): rolled back in about 30 s.
 */
import { startSandbox, type Sandbox } from '@meschain/kube-sandbox';
import { performance } from 'node:perf_hooks';
import { startRollbackBackend } from './lib/rollbackBackend';

const REGION = 'eu-west';
const NAMESPACE = 'meschain-sync';
/** At most 4: the Rollout keeps 10 old ReplicaSets (revisionHistoryLimit), and each round makes two. */
const ROUNDS = Math.min(4, Number(process.env.ROUNDS ?? 3));
const POLL_MS = 100;
const TIMEOUT_MS = 120_000;
const TARGET_MS = 30_000;

type Template = {
  metadata?: { labels?: Record<string, string> };
  spec: { containers: Array<{ name: string; image: string }> };
};
type Workload = {
  metadata: { generation?: number; annotations?: Record<string, string> };
  spec: { replicas?: number; template: Template };
  status?: {
    observedGeneration?: number | string;
    replicas?: number;
    updatedReplicas?: number;
    availableReplicas?: number;
    currentPodHash?: string;
    stableRS?: string;
    pauseConditions?: unknown[];
  };
};
type ReplicaSet = {
  metadata: { annotations?: Record<string, string> };
  spec: { template: Template };
};

interface Subject {
  name: string;
  kind: 'Deployment' | 'Rollout';
  path: string;
  revisionAnnotation: string;
  /** Whether the workload runs `image` on every desired replica and nothing else. */
  settledOn(workload: Workload, image: string): boolean;
}

const deploymentSubject: Subject = {
  name: 'logging-service',
  kind: 'Deployment',
  path: `/apis/apps/v1/namespaces/${NAMESPACE}/deployments/logging-service`,
  revisionAnnotation: 'deployment.kubernetes.io/revision',
  settledOn(workload, image) {
    const desired = workload.spec.replicas ?? 1;
    const status = workload.status ?? {};
    return (
      workload.spec.template.spec.containers[0].image === image &&
      Number(status.observedGeneration) >=
        (workload.metadata.generation ?? 0) &&
      status.updatedReplicas === desired &&
      status.availableReplicas === desired &&
      status.replicas === desired
    );
  },
};

const canarySubject: Subject = {
  name: 'monitoring-service',
  kind: 'Rollout',
  path: `/apis/argoproj.io/v1alpha1/namespaces/${NAMESPACE}/rollouts/monitoring-service`,
  revisionAnnotation: 'rollout.argoproj.io/revision',
  settledOn(workload, image) {
    const desired = workload.spec.replicas ?? 1;
    const status = workload.status ?? {};
    return (
      workload.spec.template.spec.containers[0].image === image &&
      Number(status.observedGeneration) >=
        (workload.metadata.generation ?? 0) &&
      !!status.stableRS &&
      status.currentPodHash === status.stableRS &&
      status.availableReplicas === desired &&
      status.replicas === desired
    );
  },
};

/** Rolled back while a canary waits at its first pause, or after an update was fully released. */
interface Scenario {
  subject: Subject;
  when: 'mid-update' | 'after-release';
}

function clusterClient(sandbox: Sandbox) {
  const base = sandbox.clusterUrl(REGION, 'http');
  const headers = { authorization: `Bearer ${sandbox.cluster(REGION).token}` };
  return {
    async get<T>(path: string): Promise<T> {
      const response = await fetch(`${base}${path}`, { headers });
      if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
      return (await response.json()) as T;
    },
    async patch(path: string, body: unknown, type: string): Promise<void> {
      const response = await fetch(`${base}${path}`, {
        method: 'PATCH',
        headers: { ...headers, 'content-type': type },
        body: JSON.stringify(body),
      });
      if (!response.ok) {
        throw new Error(
          `PATCH ${path}: ${response.status} ${await response.text()}`,
        );
      }
    },
  };
}

async function main() {
  const sandbox = await startSandbox({ port: 0, speed: 1, seed: 5 });
  const cluster = clusterClient(sandbox);
  const backend = await startRollbackBackend({
    sandbox,
    region: REGION,
    services: [deploymentSubject.name, canarySubject.name],
  });

  async function waitUntil(
    subject: Subject,
    done: (workload: Workload) => boolean,
  ): Promise<void> {
    const deadline = Date.now() + TIMEOUT_MS;
    for (;;) {
      if (done(await cluster.get<Workload>(subject.path))) return;
      if (Date.now() > deadline) {
        throw new Error(
          `${subject.kind} ${subject.name} did not settle in ${TIMEOUT_MS} ms`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, POLL_MS));
    }
  }

  const imageOf = async (subject: Subject) =>
    (await cluster.get<Workload>(subject.path)).spec.template.spec.containers[0]
      .image;

  async function setImage(subject: Subject, image: string) {
    await cluster.patch(
      subject.path,
      [
        {
          op: 'replace',
          path: '/spec/template/spec/containers/0/image',
          value: image,
        },
      ],
      'application/json-patch+json',
    );
  }

  /** `kubectl rollout undo` / `kubectl argo rollouts undo` to the previous revision, sent directly. */
  async function directUndo(subject: Subject) {
    const { items } = await cluster.get<{ items: ReplicaSet[] }>(
      `/apis/apps/v1/namespaces/${NAMESPACE}/replicasets?labelSelector=backstage.io%2Fkubernetes-id%3D${subject.name}`,
    );
    const revision = (rs: ReplicaSet) =>
      Number(rs.metadata.annotations?.[subject.revisionAnnotation] ?? 0);
    const previous = [...items].sort((a, b) => revision(b) - revision(a))[1];
    const template = structuredClone(previous.spec.template);
    delete template.metadata?.labels?.['pod-template-hash'];
    delete template.metadata?.labels?.['rollouts-pod-template-hash'];
    await cluster.patch(
      subject.path,
      [{ op: 'replace', path: '/spec/template', value: template }],
      'application/json-patch+json',
    );
  }

  /** Brings the workload to the point a rollback is clicked, after an update to `image`. */
  async function update(scenario: Scenario, image: string) {
    const { subject } = scenario;
    await setImage(subject, image);
    if (scenario.when === 'mid-update') {
      // A canary is rolled back while it waits at its first pause.
      await waitUntil(subject, w => !!w.status?.pauseConditions?.length);
      return;
    }
    if (subject.kind === 'Rollout') {
      await waitUntil(subject, w => !!w.status?.pauseConditions?.length);
      await cluster.patch(
        `${subject.path}/status`,
        { status: { promoteFull: true } },
        'application/merge-patch+json',
      );
    }
    await waitUntil(subject, w => subject.settledOn(w, image));
  }

  async function timeRollback(
    scenario: Scenario,
    round: number,
    via: 'direct' | 'backend',
  ): Promise<number> {
    const { subject } = scenario;
    const previous = await imageOf(subject);
    await update(
      scenario,
      `${previous.split(':')[0]}:bench-${scenario.when}-${via}-${round}`,
    );
    const started = performance.now();
    if (via === 'direct') await directUndo(subject);
    else await backend.act(subject.name, subject.kind, { action: 'undo' });
    const answered = performance.now() - started;
    await waitUntil(subject, w => subject.settledOn(w, previous));
    const total = performance.now() - started;
    process.stdout.write(
      `  ${subject.kind} ${subject.name} ${
        scenario.when
      } round ${round} ${via}: ${(total / 1000).toFixed(
        2,
      )} s (request answered in ${answered.toFixed(0)} ms)\n`,
    );
    return total;
  }

  // Every ReplicaSet created between the one rolled back to and the stable one
  // counts against the canary's rollbackWindow, as in Argo. Each round
  // releases twice, so the window is widened to cover them all: what is timed
  // is a rollback within the window, not how many rounds fit in the fleet's.
  await cluster.patch(
    canarySubject.path,
    { spec: { rollbackWindow: { revisions: 2 * ROUNDS + 1 } } },
    'application/merge-patch+json',
  );
  const scenarios: Scenario[] = [
    { subject: deploymentSubject, when: 'after-release' },
    { subject: canarySubject, when: 'after-release' },
    { subject: canarySubject, when: 'mid-update' },
  ];
  const results: Array<{
    scenario: Scenario;
    direct: number[];
    backend: number[];
  }> = [];
  try {
    for (const scenario of scenarios) {
      const direct: number[] = [];
      const viaBackend: number[] = [];
      for (let round = 1; round <= ROUNDS; round++) {
        direct.push(await timeRollback(scenario, round, 'direct'));
        viaBackend.push(await timeRollback(scenario, round, 'backend'));
      }
      results.push({ scenario, direct, backend: viaBackend });
    }
  } finally {
    await backend.stop();
    await sandbox.close();
  }

  const median = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(
    `\nRollback until the earlier revision is fully available (${ROUNDS} rounds, sandbox in real time):`,
  );
  let met = true;
  for (const { scenario, direct, backend: viaBackend } of results) {
    const { subject } = scenario;
    const worst = Math.max(...viaBackend);
    met &&= worst <= TARGET_MS;
    console.log(
      `  ${subject.kind.padEnd(10)} ${subject.name.padEnd(
        19,
      )} ${scenario.when.padEnd(13)} baseline (direct patch) median ${seconds(
        median(direct),
      )}; through the backend median ${seconds(
        median(viaBackend),
      )}, max ${seconds(worst)}; backend overhead ${(
        median(viaBackend) - median(direct)
      ).toFixed(0)} ms`,
    );
  }
  console.log(
    `  target: at most ${seconds(TARGET_MS)} through the backend: ${
      met ? 'met' : 'NOT met'
    }`,
  );
  if (!met) process.exitCode = 1;
}

// The backend's scheduler and the sandbox's keep-alive sockets would hold the process open.
main().then(
  () => process.exit(),
  error => {
    console.error(error);
    process.exit(1);
  },
);
