import { SimClock } from '../clock';
import { createRandom } from '../random';
import { StatusError } from '../status';
import { MemoryObjectStore } from './MemoryObjectStore';
import type { KubeObject, StoreEvent } from './types';

function deployment(
  name: string,
  labels: Record<string, string> = {},
  replicas = 1,
): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'shop', labels },
    spec: { replicas, selector: { matchLabels: { app: name } } },
  };
}

function newStore() {
  const clock = new SimClock();
  return {
    clock,
    store: new MemoryObjectStore({ clock, random: createRandom(1) }),
  };
}

describe('MemoryObjectStore', () => {
  it('fills uid, creationTimestamp, generation and a cluster-wide resourceVersion', () => {
    const { store, clock } = newStore();
    const a = store.create('deployments.apps', deployment('a'));
    const b = store.create('pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'shop' },
    });
    expect(a.metadata.uid).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(a.metadata.creationTimestamp).toBe(clock.timestamp());
    expect(a.metadata.generation).toBe(1);
    expect(b.metadata.generation).toBeUndefined();
    expect(Number(b.metadata.resourceVersion)).toBe(
      Number(a.metadata.resourceVersion) + 1,
    );
    expect(store.resourceVersion()).toBe(2);
    expect(Object.isFrozen(a.spec)).toBe(true);
  });

  it("keeps a mirrored object's uid, creationTimestamp and generation, with its own resourceVersion", () => {
    const { store } = newStore();
    const upstream = {
      ...deployment('web'),
      metadata: {
        ...deployment('web').metadata,
        uid: 'c0ffee00-0000-4000-8000-000000000001',
        creationTimestamp: '2024-05-01T10:00:00Z',
        generation: 7,
      },
    };
    const created = store.create('deployments.apps', upstream, {
      mirror: true,
    });
    expect(created.metadata).toMatchObject({
      uid: 'c0ffee00-0000-4000-8000-000000000001',
      creationTimestamp: '2024-05-01T10:00:00Z',
      generation: 7,
      resourceVersion: '1',
    });

    const recreated = {
      ...upstream,
      metadata: {
        ...upstream.metadata,
        uid: 'c0ffee00-0000-4000-8000-000000000002',
        creationTimestamp: '2024-05-02T10:00:00Z',
        generation: 1,
      },
      spec: { replicas: 5 },
    };
    const updated = store.update('deployments.apps', recreated, {
      mirror: true,
    });
    expect(updated.metadata).toMatchObject({
      uid: 'c0ffee00-0000-4000-8000-000000000002',
      creationTimestamp: '2024-05-02T10:00:00Z',
      generation: 1,
      resourceVersion: '2',
    });

    const own = store.update('deployments.apps', {
      ...recreated,
      metadata: { ...recreated.metadata, uid: 'ignored', generation: 99 },
      spec: { replicas: 6 },
    });
    expect(own.metadata).toMatchObject({
      uid: 'c0ffee00-0000-4000-8000-000000000002',
      generation: 2,
    });
  });

  it('refuses a stale resourceVersion with the upstream Conflict Status', () => {
    const { store } = newStore();
    const created = store.create('deployments.apps', deployment('web'));
    store.update('deployments.apps', {
      ...structuredClone(created),
      spec: { replicas: 2 },
    });
    let error: StatusError | undefined;
    try {
      store.update('deployments.apps', {
        ...structuredClone(created),
        spec: { replicas: 3 },
      });
    } catch (e) {
      error = e as StatusError;
    }
    expect(error?.status).toMatchObject({
      code: 409,
      reason: 'Conflict',
      message:
        'Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again',
      details: { name: 'web', group: 'apps', kind: 'deployments' },
    });
    expect(
      (
        store.get('deployments.apps', 'shop', 'web')!.spec as {
          replicas: number;
        }
      ).replicas,
    ).toBe(2);
  });

  it('bumps generation on spec changes only', () => {
    const { store } = newStore();
    const created = store.create('deployments.apps', deployment('web'));
    const relabelled = store.modify('deployments.apps', 'shop', 'web', d => {
      d.metadata.labels = { tier: 'front' };
    });
    expect(relabelled.metadata.generation).toBe(1);
    const withStatus = store.modify(
      'deployments.apps',
      'shop',
      'web',
      d => {
        d.status = { replicas: 1 };
      },
      { subresource: 'status' },
    );
    expect(withStatus.metadata.generation).toBe(1);
    const scaled = store.modify('deployments.apps', 'shop', 'web', d => {
      (d.spec as { replicas: number }).replicas = 5;
    });
    expect(scaled.metadata.generation).toBe(2);
    expect(scaled.metadata.uid).toBe(created.metadata.uid);
    expect(scaled.status).toEqual({ replicas: 1 });
  });

  it('updateStatus keeps spec and metadata', () => {
    const { store } = newStore();
    const created = store.create('deployments.apps', deployment('web', {}, 2));
    const updated = store.updateStatus('deployments.apps', {
      ...structuredClone(created),
      spec: { replicas: 99 },
      status: { readyReplicas: 2 },
    });
    expect(updated.spec).toEqual(created.spec);
    expect(updated.status).toEqual({ readyReplicas: 2 });
  });

  it('does nothing on a dry run', () => {
    const { store } = newStore();
    const events: StoreEvent[] = [];
    store.watch(e => events.push(e));
    const result = store.create('deployments.apps', deployment('web'), {
      dryRun: true,
    });
    expect(result.metadata.name).toBe('web');
    expect(store.get('deployments.apps', 'shop', 'web')).toBeUndefined();
    expect(events).toHaveLength(0);
    expect(store.resourceVersion()).toBe(0);
  });

  it('lists by namespace, label selector (set-based too) and field selector, in name order', () => {
    const { store } = newStore();
    store.create(
      'deployments.apps',
      deployment('c', { tier: 'back', team: 'x' }),
    );
    store.create(
      'deployments.apps',
      deployment('a', { tier: 'front', team: 'x' }),
    );
    store.create('deployments.apps', deployment('b', { tier: 'front' }));
    store.create('deployments.apps', {
      ...deployment('z', { tier: 'front' }),
      metadata: { name: 'z', namespace: 'other', labels: { tier: 'front' } },
    });
    const names = (options: Parameters<typeof store.list>[1]) =>
      store.list('deployments.apps', options).items.map(i => i.metadata.name);
    // Namespace first, then name, as etcd keys sort.
    expect(names({})).toEqual(['z', 'a', 'b', 'c']);
    expect(names({ namespace: 'shop' })).toEqual(['a', 'b', 'c']);
    expect(names({ namespace: 'shop', labelSelector: 'tier=front' })).toEqual([
      'a',
      'b',
    ]);
    expect(names({ labelSelector: 'tier in (front,back),team' })).toEqual([
      'a',
      'c',
    ]);
    expect(names({ labelSelector: 'tier notin (front)' })).toEqual(['c']);
    expect(names({ labelSelector: '!team' })).toEqual(['z', 'b']);
    expect(names({ labelSelector: 'tier!=front,team=x' })).toEqual(['c']);
    expect(names({ fieldSelector: 'metadata.name=b' })).toEqual(['b']);
    expect(names({ fieldSelector: 'metadata.namespace!=shop' })).toEqual(['z']);
  });

  it('keeps the label index right when labels change or objects go', () => {
    const { store } = newStore();
    store.create('deployments.apps', deployment('a', { tier: 'front' }));
    store.modify('deployments.apps', 'shop', 'a', d => {
      d.metadata.labels = { tier: 'back' };
    });
    expect(
      store.list('deployments.apps', { labelSelector: 'tier=front' }).items,
    ).toHaveLength(0);
    expect(
      store.list('deployments.apps', { labelSelector: 'tier=back' }).items,
    ).toHaveLength(1);
    store.delete('deployments.apps', 'shop', 'a');
    expect(
      store.list('deployments.apps', { labelSelector: 'tier=back' }).items,
    ).toHaveLength(0);
  });

  it('raises watch events for every write and replays from a resourceVersion', () => {
    const { store } = newStore();
    const live: string[] = [];
    store.watch(
      e =>
        live.push(`${e.type} ${e.object.metadata.name} ${e.resourceVersion}`),
      { resource: 'deployments.apps' },
    );
    store.create('deployments.apps', deployment('a'));
    const b = store.create('deployments.apps', deployment('b'));
    store.modify('deployments.apps', 'shop', 'a', d => {
      d.spec = { replicas: 3 };
    });
    store.delete('deployments.apps', 'shop', 'a');
    expect(live).toEqual([
      'ADDED a 1',
      'ADDED b 2',
      'MODIFIED a 3',
      'DELETED a 4',
    ]);

    const replayed: string[] = [];
    store.watch(e => replayed.push(`${e.type} ${e.object.metadata.name}`), {
      sinceResourceVersion: Number(b.metadata.resourceVersion),
    });
    expect(replayed).toEqual(['MODIFIED a', 'DELETED a']);
  });

  it('cascades deletion to owned objects unless orphaned', () => {
    const { store } = newStore();
    const owner = store.create('deployments.apps', deployment('web'));
    const ownerRef = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: 'web',
      uid: owner.metadata.uid!,
      controller: true,
    };
    const rs = store.create('replicasets.apps', {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: 'web-1',
        namespace: 'shop',
        ownerReferences: [ownerRef],
      },
    });
    store.create('pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'web-1-x',
        namespace: 'shop',
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'ReplicaSet',
            name: 'web-1',
            uid: rs.metadata.uid!,
          },
        ],
      },
    });
    store.delete('deployments.apps', 'shop', 'web');
    expect(store.list('replicasets.apps').items).toHaveLength(0);
    expect(store.list('pods').items).toHaveLength(0);
  });

  it('answers NotFound and AlreadyExists with upstream messages', () => {
    const { store } = newStore();
    store.create('deployments.apps', deployment('web'));
    expect(() => store.create('deployments.apps', deployment('web'))).toThrow(
      'deployments.apps "web" already exists',
    );
    expect(() => store.mustGet('pods', 'shop', 'nope')).toThrow(
      'pods "nope" not found',
    );
  });

  it('names objects from generateName', () => {
    const { store } = newStore();
    const pod = store.create('pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: '', generateName: 'web-', namespace: 'shop' },
    });
    expect(pod.metadata.name).toMatch(/^web-[a-z0-9]{5}$/);
  });
});
