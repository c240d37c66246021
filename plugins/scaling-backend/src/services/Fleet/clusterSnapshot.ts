import { LoggerService } from '@backstage/backend-plugin-api';
import { NotFoundError, toError } from '@backstage/errors';
import { ScalingCluster } from '@meschain/backstage-plugin-scaling-node';
import { Agent } from 'undici';
import {
  KubernetesClient,
  KubernetesObject,
  KubernetesResourceType,
  resourcePath,
} from '../Clusters';
import {
  HorizontalPodAutoscalerObject,
  ScalableWorkloadObject,
  WorkloadQuery,
  matchesWorkloadQuery,
} from '../ScalingState';
import { ReplicaSetObject } from '../Rollouts/rolloutObjects';
import { createWatchAgent, streamWatch, WatchEvent } from './watchStream';
import { selectorIndexKey } from './selectorIndex';

export type WatchedKind =
  | 'Deployment'
  | 'Rollout'
  | 'HorizontalPodAutoscaler'
  | 'ReplicaSet';

const WATCHED: ReadonlyArray<KubernetesResourceType & { kind: WatchedKind }> = [
  { kind: 'Deployment', apiVersion: 'apps/v1', plural: 'deployments' },
  {
    kind: 'Rollout',
    apiVersion: 'argoproj.io/v1alpha1',
    plural: 'rollouts',
  },
  {
    kind: 'HorizontalPodAutoscaler',
    apiVersion: 'autoscaling/v2',
    plural: 'horizontalpodautoscalers',
  },
  { kind: 'ReplicaSet', apiVersion: 'apps/v1', plural: 'replicasets' },
];

/** A Deployment or Rollout of the snapshot. */
export type SnapshotWorkload = {
  kind: 'Deployment' | 'Rollout';
  object: ScalableWorkloadObject;
};

/** An object that changed: the new one, or the last one seen for a deletion. */
export type SnapshotChange = { kind: WatchedKind; object: KubernetesObject };

export type ClusterSnapshotOptions = {
  cluster: ScalingCluster;
  client: KubernetesClient;
  logger: LoggerService;
  /** How long a list or the start of a watch may take. */
  timeoutMs: number;
  /** How often the cluster is asked whether it still answers; an open watch says nothing when a cluster goes away. */
  probeIntervalMs: number;
  /** How long a watch runs before it is resumed from its resourceVersion. */
  watchSeconds: number;
  onChange(changes: SnapshotChange[]): void;
};

const objectKey = (object: KubernetesObject) =>
  `${object.metadata.namespace ?? ''}/${object.metadata.name}`;

/** Waits `ms`, or less when one of the signals aborts. */
const sleep = (ms: number, ...signals: AbortSignal[]) =>
  new Promise<void>(resolve => {
    let timer: NodeJS.Timeout | undefined = undefined;
    const done = () => {
      clearTimeout(timer);
      signals.forEach(signal => signal.removeEventListener('abort', done));
      resolve();
    };
    timer = setTimeout(done, ms);
    signals.forEach(signal => signal.addEventListener('abort', done));
  });

/**
 * One cluster's Deployments, Rollouts, HPAs and ReplicaSets, listed once and
 * then kept current with a watch per kind that resumes from its last
 * resourceVersion and lists again when the server says it is gone (410).
 * Lookups are indexed by label, so a fleet read does not scan the cluster per
 * service.
 */
export class ClusterSnapshot {
  private readonly objects = new Map<WatchedKind, Map<string, any>>(
    WATCHED.map(({ kind }) => [kind, new Map()]),
  );
  /**
   * HPA keys by the workload they scale (`namespace/kind/name`), and
   * ReplicaSet keys by their controller's uid.
   */
  private readonly byTarget = new Map<string, Set<string>>();
  /** Workload keys (`kind|namespace/name`) by each of their `key=value` labels. */
  private readonly byLabel = new Map<string, Set<string>>();
  private readonly listed = new Set<WatchedKind>();
  private readonly errors = new Map<string, string>();
  private readonly controller = new AbortController();
  /** Aborted when the cluster answers again, to cut the watches' back-off short. */
  private wake = new AbortController();
  private agent?: Agent;
  private loops: Promise<void>[] = [];
  private answeredAt?: string;

  constructor(private readonly options: ClusterSnapshotOptions) {}

  get clusterName(): string {
    return this.options.cluster.name;
  }

  /** Every kind has been listed once. */
  get ready(): boolean {
    return this.listed.size === WATCHED.length;
  }

  /** Why the cluster cannot be read now, when it cannot. */
  get error(): string | undefined {
    if (this.errors.size > 0) return [...this.errors.values()][0];
    return this.ready ? undefined : 'not listed yet';
  }

  /** When the cluster last answered: a list, a watch event or a probe. */
  get observedAt(): string | undefined {
    return this.answeredAt;
  }

  private answered() {
    this.answeredAt = new Date().toISOString();
  }

  start(): void {
    const { signal } = this.controller;
    this.loops = [
      ...WATCHED.map(type => this.watchLoop(type, signal)),
      this.probeLoop(signal),
    ];
  }

  async stop(): Promise<void> {
    this.controller.abort();
    await Promise.all(this.loops);
    await this.agent?.close().catch(() => undefined);
  }

  /** The Deployments and Rollouts the query selects. */
  workloadsMatching(query: WorkloadQuery): SnapshotWorkload[] {
    const indexKey = selectorIndexKey(query.labelSelector);
    const keys = indexKey
      ? this.byLabel.get(indexKey) ?? new Set<string>()
      : this.allWorkloadKeys();
    const found: SnapshotWorkload[] = [];
    for (const key of keys) {
      const [kind, objectPath] = key.split('|') as [
        SnapshotWorkload['kind'],
        string,
      ];
      const object = this.objects.get(kind)!.get(objectPath);
      if (
        object &&
        matchesWorkloadQuery(query, {
          namespace: object.metadata.namespace,
          labels: object.metadata.labels,
        })
      ) {
        found.push({ kind, object });
      }
    }
    return found;
  }

  autoscalerOf(
    workload: SnapshotWorkload,
  ): HorizontalPodAutoscalerObject | undefined {
    const { namespace = '', name } = workload.object.metadata;
    const keys = this.byTarget.get(`${namespace}/${workload.kind}/${name}`);
    const key = keys?.values().next().value;
    return key && this.objects.get('HorizontalPodAutoscaler')!.get(key);
  }

  replicaSetsOf(workload: SnapshotWorkload): ReplicaSetObject[] {
    const keys = this.byTarget.get(workload.object.metadata.uid ?? '');
    const replicaSets = this.objects.get('ReplicaSet')!;
    return [...(keys ?? [])].flatMap(key => replicaSets.get(key) ?? []);
  }

  /** The workload an HPA scales or a ReplicaSet belongs to, for finding whose cell changed. */
  ownerOf(change: SnapshotChange): KubernetesObject | undefined {
    const { namespace } = change.object.metadata;
    if (change.kind === 'HorizontalPodAutoscaler') {
      const target = (change.object as HorizontalPodAutoscalerObject).spec
        ?.scaleTargetRef;
      if (target?.kind !== 'Deployment' && target?.kind !== 'Rollout') {
        return undefined;
      }
      return this.objects.get(target.kind)!.get(`${namespace}/${target.name}`);
    }
    if (change.kind === 'ReplicaSet') {
      const owner = change.object.metadata.ownerReferences?.find(
        ref => ref.controller,
      );
      if (owner?.kind !== 'Deployment' && owner?.kind !== 'Rollout') {
        return undefined;
      }
      return this.objects.get(owner.kind)!.get(`${namespace}/${owner.name}`);
    }
    return change.object;
  }

  private allWorkloadKeys(): string[] {
    return (['Deployment', 'Rollout'] as const).flatMap(kind =>
      [...this.objects.get(kind)!.keys()].map(path => `${kind}|${path}`),
    );
  }

  private indexLabels(kind: WatchedKind, object: any, add: boolean) {
    if (kind !== 'Deployment' && kind !== 'Rollout') return;
    const key = `${kind}|${objectKey(object)}`;
    for (const [name, value] of Object.entries(
      (object.metadata.labels ?? {}) as Record<string, string>,
    )) {
      const label = `${name}=${value}`;
      let keys = this.byLabel.get(label);
      if (add) {
        if (!keys) this.byLabel.set(label, (keys = new Set()));
        keys.add(key);
      } else {
        keys?.delete(key);
        if (keys?.size === 0) this.byLabel.delete(label);
      }
    }
  }

  private indexTarget(kind: WatchedKind, object: any, add: boolean) {
    let target: string | undefined;
    if (kind === 'HorizontalPodAutoscaler') {
      const ref = object.spec?.scaleTargetRef;
      target =
        ref && `${object.metadata.namespace ?? ''}/${ref.kind}/${ref.name}`;
    } else if (kind === 'ReplicaSet') {
      target = (object as ReplicaSetObject).metadata.ownerReferences?.find(
        ref => ref.controller,
      )?.uid;
    }
    if (!target) return;
    const key = objectKey(object);
    let keys = this.byTarget.get(target);
    if (add) {
      if (!keys) this.byTarget.set(target, (keys = new Set()));
      keys.add(key);
    } else {
      keys?.delete(key);
      if (keys?.size === 0) this.byTarget.delete(target);
    }
  }

  private put(kind: WatchedKind, object: KubernetesObject) {
    const objects = this.objects.get(kind)!;
    const key = objectKey(object);
    const before = objects.get(key);
    if (before) {
      this.indexLabels(kind, before, false);
      this.indexTarget(kind, before, false);
    }
    objects.set(key, object);
    this.indexLabels(kind, object, true);
    this.indexTarget(kind, object, true);
  }

  private remove(kind: WatchedKind, object: KubernetesObject) {
    const objects = this.objects.get(kind)!;
    const key = objectKey(object);
    const before = objects.get(key);
    if (before) {
      this.indexLabels(kind, before, false);
      this.indexTarget(kind, before, false);
    }
    objects.delete(key);
  }

  /** Replaces a kind's objects with a fresh list; reports those that differ. */
  private replaceAll(kind: WatchedKind, items: KubernetesObject[]) {
    const objects = this.objects.get(kind)!;
    const changes: SnapshotChange[] = [];
    const seen = new Set<string>();
    for (const object of items) {
      const key = objectKey(object);
      seen.add(key);
      const before = objects.get(key);
      if (
        before?.metadata.resourceVersion !== object.metadata.resourceVersion
      ) {
        this.put(kind, object);
        if (this.listed.has(kind)) changes.push({ kind, object });
      }
    }
    for (const [key, object] of [...objects]) {
      if (!seen.has(key)) {
        this.remove(kind, object);
        changes.push({ kind, object });
      }
    }
    this.listed.add(kind);
    this.answered();
    if (changes.length > 0) this.options.onChange(changes);
  }

  private async watchAgent(): Promise<Agent> {
    if (!this.agent) this.agent = await createWatchAgent(this.options.cluster);
    return this.agent;
  }

  /**
   * Lists the kind when there is no resourceVersion to resume from, then
   * watches until the stream ends. Returns where to resume; undefined when the
   * server said the version is gone (410), so the next round lists again.
   */
  private async listAndWatch(
    type: (typeof WATCHED)[number],
    from: string | undefined,
    signal: AbortSignal,
  ): Promise<string | undefined> {
    const { client, cluster, timeoutMs } = this.options;
    const path = resourcePath(type);
    let resourceVersion = from;
    if (!resourceVersion) {
      const list = await client.list<KubernetesObject>(path, { signal });
      this.replaceAll(type.kind, list.items);
      resourceVersion = list.metadata.resourceVersion ?? '0';
      this.errors.delete(type.kind);
    }
    const watch = new AbortController();
    let gone = false;
    await streamWatch({
      cluster,
      agent: await this.watchAgent(),
      path,
      resourceVersion,
      timeoutSeconds: this.options.watchSeconds,
      connectTimeoutMs: timeoutMs,
      signal: AbortSignal.any([signal, watch.signal]),
      onOpen: () => this.errors.delete(type.kind),
      onEvent: event => {
        if (event.type === 'ERROR') {
          // 410 Gone, or any other refusal: list again rather than guess.
          gone = true;
          watch.abort();
          return;
        }
        resourceVersion =
          event.object.metadata.resourceVersion ?? resourceVersion;
        this.apply(type.kind, event);
      },
    });
    return gone ? undefined : resourceVersion;
  }

  private async watchLoop(
    type: (typeof WATCHED)[number],
    signal: AbortSignal,
  ): Promise<void> {
    const { cluster } = this.options;
    let resourceVersion: string | undefined;
    let failures = 0;
    while (!signal.aborted) {
      try {
        resourceVersion = await this.listAndWatch(
          type,
          resourceVersion,
          signal,
        );
        failures = 0;
      } catch (error) {
        if (signal.aborted) return;
        if (NotFoundError.is(error) && type.kind === 'Rollout') {
          // Argo Rollouts is not installed: nothing to watch, ask again later.
          this.listed.add(type.kind);
          await sleep(60_000, signal);
          continue;
        }
        failures += 1;
        this.errors.set(type.kind, toError(error).message);
        this.options.logger.warn('Fleet watch failed; it will resume', {
          cluster: cluster.name,
          kind: type.kind,
          error: toError(error).message,
        });
        await sleep(
          Math.min(500 * 2 ** failures, 10_000),
          signal,
          this.wake.signal,
        );
      }
    }
  }

  private apply(
    kind: WatchedKind,
    event: Exclude<WatchEvent, { type: 'ERROR' }>,
  ) {
    if (event.type === 'BOOKMARK') return;
    if (event.type === 'DELETED') this.remove(kind, event.object);
    else this.put(kind, event.object);
    this.answered();
    this.options.onChange([{ kind, object: event.object }]);
  }

  private async probeLoop(signal: AbortSignal): Promise<void> {
    const { client, probeIntervalMs } = this.options;
    const path = resourcePath(WATCHED[0]);
    let failures = 0;
    while (!signal.aborted) {
      await sleep(probeIntervalMs, signal);
      if (signal.aborted) return;
      try {
        // No shared signal: each request has its own timeout, and a listener
        // per probe on a long-lived signal would pile up.
        await client.get(path, { query: { limit: 1 } });
        failures = 0;
        this.errors.delete('probe');
        this.answered();
        if (this.errors.size > 0) {
          this.wake.abort();
          this.wake = new AbortController();
        }
      } catch (error) {
        if (signal.aborted) return;
        // One slow answer on a busy cluster is not an outage; two in a row are.
        failures += 1;
        if (failures >= 2) this.errors.set('probe', toError(error).message);
      }
    }
  }
}
