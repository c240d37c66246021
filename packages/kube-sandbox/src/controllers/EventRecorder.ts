import type { SimClock } from '../clock';
import type { KubeObject, ObjectStore } from '../store/types';
import type { EventObject } from './kinds';

/** Events older than this are deleted, as the API server's event TTL does (default one hour). */
const EVENT_TTL_MS = 60 * 60_000;

export interface EventSource {
  /** `source.component`, e.g. `deployment-controller`. */
  component: string;
}

/**
 * Writes core/v1 Events about objects, the way client-go's recorder does: one Event per
 * (object, reason, message), its `count` and `lastTimestamp` bumped when it repeats.
 */
export class EventRecorder {
  readonly #store: ObjectStore;
  readonly #clock: SimClock;
  /** Names of the events this recorder wrote, oldest first, for the TTL sweep. */
  readonly #written: {
    namespace: string;
    name: string;
    key: string;
    at: number;
  }[] = [];
  readonly #byKey = new Map<string, string>();
  #sequence = 0;

  constructor(store: ObjectStore, clock: SimClock) {
    this.#store = store;
    this.#clock = clock;
  }

  normal(
    source: EventSource,
    object: KubeObject,
    reason: string,
    message: string,
  ): void {
    this.#record(source, object, 'Normal', reason, message);
  }

  warning(
    source: EventSource,
    object: KubeObject,
    reason: string,
    message: string,
  ): void {
    this.#record(source, object, 'Warning', reason, message);
  }

  /** Deletes expired events; called from the simulation's tick. */
  sweep(now: number): void {
    while (this.#written.length && now - this.#written[0].at > EVENT_TTL_MS) {
      const { namespace, name, key } = this.#written.shift()!;
      if (this.#byKey.get(key) === name) this.#byKey.delete(key);
      if (this.#store.get('events', namespace, name))
        this.#store.delete('events', namespace, name);
    }
  }

  #record(
    source: EventSource,
    object: KubeObject,
    type: EventObject['type'],
    reason: string,
    message: string,
  ): void {
    const namespace = object.metadata.namespace ?? 'default';
    const timestamp = this.#clock.timestamp();
    const key = `${object.metadata.uid}\u0000${type}\u0000${reason}\u0000${message}`;
    const existing = this.#byKey.get(key);
    if (existing && this.#store.get('events', namespace, existing)) {
      this.#store.modify('events', namespace, existing, draft => {
        const event = draft as EventObject;
        event.count = (event.count ?? 1) + 1;
        event.lastTimestamp = timestamp;
      });
      return;
    }
    const name = `${object.metadata.name}.${(
      this.#clock.now() * 1000 +
      (this.#sequence++ % 1000)
    ).toString(16)}`;
    const event: EventObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: {
        apiVersion: object.apiVersion,
        kind: object.kind,
        name: object.metadata.name,
        namespace: object.metadata.namespace,
        uid: object.metadata.uid,
        resourceVersion: object.metadata.resourceVersion,
      },
      reason,
      message,
      type,
      source: { component: source.component },
      firstTimestamp: timestamp,
      lastTimestamp: timestamp,
      count: 1,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: '',
    };
    this.#store.create('events', event);
    this.#byKey.set(key, name);
    this.#written.push({ namespace, name, key, at: this.#clock.now() });
  }
}
