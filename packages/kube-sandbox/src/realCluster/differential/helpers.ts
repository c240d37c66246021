import { isDeepStrictEqual } from 'node:util';
import type { KubeClient, KubeResponse } from '../kubeClient';

/**
 * A scenario runs the same requests against one cluster and returns what a client can observe,
 * with what legitimately differs between two clusters (uids, timestamps, resource versions,
 * generated names) left out, so that the sandbox's and the real cluster's observations compare
 * field by field.
 */
export interface DifferentialScenario {
  name: string;
  run(client: KubeClient, context: ScenarioContext): Promise<unknown>;
  /** Cluster time the scenario may need (waits included); the test's timeout follows from it. */
  budgetMs?: number;
}

/**
 * A scenario that does not agree yet: it stays in the suite, and the test checks that the two
 * observations still differ exactly as recorded, so that a fix (or a new difference) shows.
 */
export interface KnownDifference extends DifferentialScenario {
  /** Why the sandbox answers differently, for the README's table. */
  why: string;
  /** The paths (`a.b[2].c`) where the observations differ, as `differingPaths` lists them. */
  differingPaths: string[];
}

export interface ScenarioContext {
  namespace: string;
  /**
   * Lets `ms` of cluster time pass: a frozen sandbox's clock is advanced (its controllers run
   * once per simulated second), a real cluster is simply waited for.
   */
  elapse(ms: number): Promise<void>;
  /**
   * Holds a service's request rate at `requestsPerSecond` from now on in the cluster's load model
   * (the sandbox's, or the metrics adapter's of a real cluster); `undefined` releases it.
   */
  holdLoad(service: string, requestsPerSecond: number | undefined): void;
}

export const HPAS = (namespace: string) =>
  `/apis/autoscaling/v2/namespaces/${namespace}/horizontalpodautoscalers`;
export const DEPLOYMENTS = (namespace: string) =>
  `/apis/apps/v1/namespaces/${namespace}/deployments`;
export const REPLICA_SETS = (namespace: string) =>
  `/apis/apps/v1/namespaces/${namespace}/replicasets`;
export const ROLLOUTS = (namespace: string) =>
  `/apis/argoproj.io/v1alpha1/namespaces/${namespace}/rollouts`;
export const SERVICES = (namespace: string) =>
  `/api/v1/namespaces/${namespace}/services`;

export const MERGE_PATCH = 'application/merge-patch+json';
export const JSON_PATCH = 'application/json-patch+json';

/** A Status answer as a client reads it. */
export function statusAnswer({ status: code, body }: KubeResponse) {
  return {
    httpStatus: code,
    kind: body?.kind,
    status: body?.status,
    reason: body?.reason,
    code: body?.code,
    message: body?.message,
    details: body?.details && {
      ...body.details,
      causes: body.details.causes && [...body.details.causes].sort(byField),
    },
  };
}

function byField(
  a: { field?: string; message?: string },
  b: { field?: string; message?: string },
) {
  return `${a.field}${a.message}`.localeCompare(`${b.field}${b.message}`);
}

/** What `settle` returns when the condition did not hold, or the state kept changing, in time. */
export interface NotSettled<T> {
  notSettledWithinMs: number;
  last: T;
}

/**
 * Observes a cluster until the observation holds `until` and stays the same over `quietPolls`
 * further polls, letting `pollMs` of cluster time pass between polls. This compares settled
 * states, not how fast each cluster got there.
 */
export async function settle<T>(
  context: ScenarioContext,
  observe: () => Promise<T>,
  options: {
    until?: (observation: T) => boolean;
    timeoutMs?: number;
    pollMs?: number;
    quietPolls?: number;
  } = {},
): Promise<T | NotSettled<T>> {
  const {
    until = () => true,
    timeoutMs = 60_000,
    pollMs = 1_000,
    quietPolls = 2,
  } = options;
  let last = await observe();
  let quiet = 0;
  for (let waited = 0; waited < timeoutMs; waited += pollMs) {
    await context.elapse(pollMs);
    const next = await observe();
    quiet = until(next) && isDeepStrictEqual(next, last) ? quiet + 1 : 0;
    last = next;
    if (quiet >= quietPolls) return next;
  }
  return { notSettledWithinMs: timeoutMs, last };
}

/**
 * Observes a cluster as {@link settle} does, and answers every distinct observation on the way,
 * in order (one repeated over several polls counts once): the states a controller went through,
 * not how long each lasted.
 */
export async function recordChanges<T>(
  context: ScenarioContext,
  observe: () => Promise<T>,
  options: {
    until: (observation: T) => boolean;
    timeoutMs: number;
    pollMs: number;
    quietPolls: number;
  },
): Promise<T[] | NotSettled<T[]>> {
  const seen = [await observe()];
  let quiet = 0;
  for (let waited = 0; waited < options.timeoutMs; waited += options.pollMs) {
    await context.elapse(options.pollMs);
    const next = await observe();
    const last = seen[seen.length - 1];
    const unchanged = isDeepStrictEqual(next, last);
    if (!unchanged) seen.push(next);
    quiet = options.until(next) && unchanged ? quiet + 1 : 0;
    if (quiet >= options.quietPolls) return seen;
  }
  return { notSettledWithinMs: options.timeoutMs, last: seen };
}

/** Sends a request and answers what a client learns from it: the code, and a failure's reason and message. */
export async function send(
  client: KubeClient,
  method: string,
  path: string,
  body?: unknown,
  contentType?: string,
): Promise<{ httpStatus: number; reason?: string; message?: string }> {
  const response = await client.request(method, path, body, contentType);
  return response.status >= 200 && response.status < 300
    ? { httpStatus: response.status }
    : {
        httpStatus: response.status,
        reason: response.body?.reason,
        message: response.body?.message,
      };
}

/** A condition as compared: what it says, not when. */
export function conditionSummary(conditions: any[] | undefined) {
  return (conditions ?? [])
    .map(({ type, status: conditionStatus, reason, message }) => ({
      type,
      status: conditionStatus,
      reason,
      message,
    }))
    .sort((a, b) => a.type.localeCompare(b.type));
}

/** The ReplicaSets a workload controls, oldest revision first. */
export async function ownedReplicaSets(
  client: KubeClient,
  namespace: string,
  owner: { metadata: { uid: string; name: string } },
  revisionAnnotation: string,
): Promise<any[]> {
  const list = await client.expect(
    'GET',
    `${REPLICA_SETS(namespace)}?labelSelector=${encodeURIComponent(
      `app.kubernetes.io/name=${owner.metadata.name}`,
    )}`,
  );
  return (list.items as any[])
    .filter(rs =>
      rs.metadata.ownerReferences?.some(
        (ref: any) => ref.controller && ref.uid === owner.metadata.uid,
      ),
    )
    .sort(
      (a, b) =>
        Number(a.metadata.annotations?.[revisionAnnotation] ?? 0) -
        Number(b.metadata.annotations?.[revisionAnnotation] ?? 0),
    );
}

export function imageOf(template: any): string | undefined {
  return template?.spec?.containers?.[0]?.image;
}

/**
 * Pod-template hashes are FNV hashes of the Go structs, which the sandbox does not reproduce (it
 * hashes the template's JSON), so a hash is compared by what it stands for: the image of the
 * ReplicaSet it names. `aliases` maps each ReplicaSet's hash to `{<image>}`; `anonymize` then
 * replaces hashes wherever they occur (names, selectors, messages, status fields).
 */
export function hashAliases(
  replicaSets: readonly any[],
  hashLabel: string,
): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const rs of replicaSets) {
    const hash = rs.metadata.labels?.[hashLabel];
    if (hash) aliases.set(hash, `{${imageOf(rs.spec.template)}}`);
  }
  return aliases;
}

export function anonymize<T>(value: T, aliases: Map<string, string>): T {
  if (typeof value === 'string') {
    let text: string = value;
    for (const [hash, alias] of aliases) text = text.split(hash).join(alias);
    return text as T;
  }
  if (Array.isArray(value))
    return value.map(item => anonymize(item, aliases)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        anonymize(key, aliases),
        anonymize(item, aliases),
      ]),
    ) as T;
  }
  return value;
}

/** Only the keys of `record` that start with one of `prefixes`. */
export function pick(
  record: Record<string, string> | undefined,
  prefixes: readonly string[],
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record ?? {})
      .filter(([key]) => prefixes.some(prefix => key.startsWith(prefix)))
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/**
 * Takes a workload out of its HPA's hands and gives it a fixed size, then waits until it runs
 * that size, so that what follows does not depend on either cluster's load or HPA timing.
 */
export async function fixReplicas(
  client: KubeClient,
  context: ScenarioContext,
  workload: { collection: string; name: string; replicas: number },
  ready: (object: any) => boolean,
): Promise<void> {
  const { namespace } = context;
  await client.request('DELETE', `${HPAS(namespace)}/${workload.name}`);
  await client.expect(
    'PATCH',
    `${workload.collection}/${workload.name}`,
    { spec: { replicas: workload.replicas } },
    MERGE_PATCH,
  );
  const observed = await settle(
    context,
    async () => {
      const object = await client.expect(
        'GET',
        `${workload.collection}/${workload.name}`,
      );
      return ready(object);
    },
    { until: done => done, timeoutMs: 120_000 },
  );
  if (observed !== true)
    throw new Error(`${workload.name} did not settle at ${workload.replicas}`);
}

/** {@link fixReplicas} for a Rollout: settled once it is Healthy with all `replicas` available. */
export function fixRolloutReplicas(
  client: KubeClient,
  context: ScenarioContext,
  name: string,
  replicas: number,
): Promise<void> {
  return fixReplicas(
    client,
    context,
    { collection: ROLLOUTS(context.namespace), name, replicas },
    ro =>
      ro.status?.phase === 'Healthy' &&
      ro.status?.availableReplicas === replicas &&
      ro.status?.replicas === replicas,
  );
}

/** Clears `spec.paused`, as `kubectl argo rollouts promote` does for a paused Rollout. */
function unpauseRollout(client: KubeClient, namespace: string, name: string) {
  return send(
    client,
    'PATCH',
    `${ROLLOUTS(namespace)}/${name}`,
    { spec: { paused: false } },
    MERGE_PATCH,
  );
}

/**
 * The JSON patch `kubectl rollout undo` and `kubectl argo rollouts undo` send: the old
 * ReplicaSet's pod template, without its hash label, replaces the workload's.
 */
export function templatePatch(replicaSet: any, hashLabel: string) {
  const template = structuredClone(replicaSet.spec.template);
  delete template.metadata?.labels?.[hashLabel];
  return { op: 'replace', path: '/spec/template', value: template };
}

/** The paths at which two observations differ, for recording a known difference. */
export function differingPaths(a: unknown, b: unknown): string[] {
  // As `toEqual` compares: an undefined property is an absent one.
  const plain = (value: unknown) =>
    value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  return pathsBetween(plain(a), plain(b), '');
}

function pathsBetween(a: unknown, b: unknown, path: string): string[] {
  if (isDeepStrictEqual(a, b)) return [];
  const bothObjects = a && b && typeof a === 'object' && typeof b === 'object';
  if (!bothObjects || Array.isArray(a) !== Array.isArray(b)) return [path];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  const pathOf = (key: string) => {
    if (Array.isArray(a)) return `${path}[${key}]`;
    return path ? `${path}.${key}` : key;
  };
  return [...keys]
    .sort()
    .flatMap(key =>
      pathsBetween(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        pathOf(key),
      ),
    );
}

export const ROLLOUT_HASH_LABEL = 'rollouts-pod-template-hash';
const ROLLOUT_REVISION = 'rollout.argoproj.io/revision';
/** Argo's annotation key really has no prefix. */
const SCALE_DOWN_DEADLINE = 'scale-down-deadline';

/**
 * A Rollout as `kubectl argo rollouts get` shows it: phase, step, pause conditions, weights,
 * conditions, and its ReplicaSets and Services, with hashes named by image.
 */
export async function observeRollout(
  client: KubeClient,
  namespace: string,
  name: string,
  serviceNames: readonly string[],
) {
  const rollout = await client.expect('GET', `${ROLLOUTS(namespace)}/${name}`);
  const replicaSets = await ownedReplicaSets(
    client,
    namespace,
    rollout,
    ROLLOUT_REVISION,
  );
  const services = await Promise.all(
    serviceNames.map(service =>
      client.expect('GET', `${SERVICES(namespace)}/${service}`),
    ),
  );
  const { status = {}, spec, metadata } = rollout;
  return anonymize(
    {
      revision: metadata.annotations?.[ROLLOUT_REVISION],
      image: imageOf(spec.template),
      paused: spec.paused ?? false,
      observedCurrentGeneration:
        status.observedGeneration === String(metadata.generation),
      phase: status.phase,
      message: status.message,
      currentStepIndex: status.currentStepIndex,
      currentStepHash: status.currentStepHash,
      pauseConditions: status.pauseConditions?.map((c: any) => c.reason),
      controllerPause: status.controllerPause,
      abort: status.abort,
      aborted: status.abortedAt !== undefined,
      promoteFull: status.promoteFull,
      stableRS: status.stableRS,
      currentPodHash: status.currentPodHash,
      canary: status.canary,
      blueGreen: status.blueGreen,
      selector: status.selector,
      counts: {
        replicas: status.replicas,
        updatedReplicas: status.updatedReplicas,
        readyReplicas: status.readyReplicas,
        availableReplicas: status.availableReplicas,
        HPAReplicas: status.HPAReplicas,
      },
      conditions: conditionSummary(status.conditions),
      replicaSets: replicaSets.map(rs => {
        const annotations = pick(rs.metadata.annotations, [
          'rollout.argoproj.io/',
          'argo-rollouts.argoproj.io/',
          SCALE_DOWN_DEADLINE,
        ]);
        // A deadline is a time; whether one is set is what compares.
        if (annotations[SCALE_DOWN_DEADLINE])
          annotations[SCALE_DOWN_DEADLINE] = '<set>';
        return {
          name: rs.metadata.name,
          image: imageOf(rs.spec.template),
          annotations,
          replicas: rs.spec.replicas,
          availableReplicas: rs.status?.availableReplicas ?? 0,
        };
      }),
      services: Object.fromEntries(
        services.map(service => [
          service.metadata.name,
          {
            selector: service.spec.selector,
            managedBy:
              service.metadata.annotations?.[
                'argo-rollouts.argoproj.io/managed-by-rollouts'
              ],
          },
        ]),
      ),
    },
    hashAliases(replicaSets, ROLLOUT_HASH_LABEL),
  );
}

export type RolloutObservation = Awaited<ReturnType<typeof observeRollout>>;

/** `kubectl argo rollouts set image`: read, change the container's image, update. */
export async function setRolloutImage(
  client: KubeClient,
  namespace: string,
  name: string,
  image: string,
) {
  const rollout = await client.expect('GET', `${ROLLOUTS(namespace)}/${name}`);
  for (const container of rollout.spec.template.spec.containers)
    if (container.name === name) container.image = image;
  return send(client, 'PUT', `${ROLLOUTS(namespace)}/${name}`, rollout);
}

/** A merge patch of the Rollout's status subresource, as the plugin's promote, abort and retry send. */
export function patchRolloutStatus(
  client: KubeClient,
  namespace: string,
  name: string,
  status: Record<string, unknown>,
) {
  return send(
    client,
    'PATCH',
    `${ROLLOUTS(namespace)}/${name}/status`,
    { status },
    MERGE_PATCH,
  );
}

/**
 * `kubectl argo rollouts promote` (without flags): unpauses the spec if paused, and clears the
 * pause conditions, or, with none, skips the current canary step.
 */
export async function promoteRollout(
  client: KubeClient,
  namespace: string,
  name: string,
) {
  const rollout = await client.expect('GET', `${ROLLOUTS(namespace)}/${name}`);
  const answers = [];
  if (rollout.status?.pauseConditions?.length) {
    answers.push(
      await patchRolloutStatus(client, namespace, name, {
        pauseConditions: null,
      }),
    );
  } else if (rollout.spec.strategy.canary) {
    const steps = rollout.spec.strategy.canary.steps?.length ?? 0;
    if (steps) {
      const index = rollout.status?.currentStepIndex ?? 0;
      answers.push(
        await patchRolloutStatus(client, namespace, name, {
          pauseConditions: null,
          currentStepIndex: Math.min(index + 1, steps),
        }),
      );
    }
  }
  if (rollout.spec.paused) {
    answers.push(await unpauseRollout(client, namespace, name));
  }
  return answers;
}

/** `kubectl argo rollouts promote --full`. */
export async function promoteRolloutFully(
  client: KubeClient,
  namespace: string,
  name: string,
) {
  const rollout = await client.expect('GET', `${ROLLOUTS(namespace)}/${name}`);
  const answers = [];
  if (rollout.status?.currentPodHash !== rollout.status?.stableRS)
    answers.push(
      await patchRolloutStatus(client, namespace, name, { promoteFull: true }),
    );
  if (rollout.spec.paused)
    answers.push(await unpauseRollout(client, namespace, name));
  return answers;
}

/** `kubectl argo rollouts undo [--to-revision N]`: the previous (or given) revision's template. */
export async function undoRollout(
  client: KubeClient,
  namespace: string,
  name: string,
  toRevision?: string,
) {
  const rollout = await client.expect('GET', `${ROLLOUTS(namespace)}/${name}`);
  const replicaSets = await ownedReplicaSets(
    client,
    namespace,
    rollout,
    ROLLOUT_REVISION,
  );
  const target = toRevision
    ? replicaSets.find(
        rs => rs.metadata.annotations?.[ROLLOUT_REVISION] === toRevision,
      )
    : replicaSets[replicaSets.length - 2];
  return send(
    client,
    'PATCH',
    `${ROLLOUTS(namespace)}/${name}`,
    [templatePatch(target, ROLLOUT_HASH_LABEL)],
    JSON_PATCH,
  );
}

/** Whether a Rollout has finished: healthy, on its stable ReplicaSet. */
export function rolloutHealthy(image: string) {
  return (observed: RolloutObservation) =>
    observed.phase === 'Healthy' &&
    observed.image === image &&
    observed.observedCurrentGeneration &&
    observed.stableRS === observed.currentPodHash;
}
