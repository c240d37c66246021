import { statusErrors } from '../status';
import { apiVersionOf, type ResourceDefinition } from '../store/resources';
import type { KubeObject, ObjectStore } from '../store/types';
import { toServedVersion } from './conversion';
import { acceptsJson, type AcceptEntry } from './http';
import { toTable } from './tables';

const COMMA = Buffer.from(',');
const TAIL = Buffer.from(']}');

/** The response format a GET asked for. */
export type ReadFormat =
  | { type: 'json' }
  | { type: 'table'; apiVersion: string };

const TABLE_VERSIONS = ['v1', 'v1beta1'];

/** Picks the first entry of the Accept header the sandbox can produce: a Table or JSON. */
export function negotiateRead(
  accept: readonly AcceptEntry[],
  tablesAllowed: boolean,
): ReadFormat {
  for (const entry of accept) {
    if (entry.params.as === 'Table') {
      if (
        tablesAllowed &&
        entry.params.g === 'meta.k8s.io' &&
        TABLE_VERSIONS.includes(entry.params.v) &&
        acceptsJson(entry)
      ) {
        return { type: 'table', apiVersion: `meta.k8s.io/${entry.params.v}` };
      }
      continue;
    }
    if (entry.params.as) continue;
    if (acceptsJson(entry)) return { type: 'json' };
  }
  throw statusErrors.notAcceptable(
    'only the following media types are accepted: application/json, application/json;as=Table;v=v1;g=meta.k8s.io',
  );
}

/** Serialises objects of one resource in the version the client addressed, reusing cached JSON. */
export class ObjectEncoder {
  constructor(
    private readonly store: ObjectStore,
    private readonly def: ResourceDefinition,
    private readonly version: string,
  ) {}

  get apiVersion(): string {
    return apiVersionOf(this.def.group, this.version);
  }

  served(object: KubeObject): KubeObject {
    return toServedVersion(this.def, this.version, object);
  }

  json(object: KubeObject): Buffer {
    return this.version === this.def.version
      ? this.store.encoded(object)
      : Buffer.from(JSON.stringify(this.served(object)), 'utf8');
  }

  /**
   * A List as UTF-8 JSON chunks: each object's cached bytes between the list's head and tail,
   * to be written as they are rather than concatenated (tens of MB for a large list).
   */
  listJson(items: readonly KubeObject[], resourceVersion: string): Buffer[] {
    const head = Buffer.from(
      `{"kind":"${this.def.kind}List","apiVersion":"${this.apiVersion}","metadata":{"resourceVersion":"${resourceVersion}"},"items":[`,
    );
    const parts: Buffer[] = [head];
    for (let i = 0; i < items.length; i++) {
      if (i > 0) parts.push(COMMA);
      parts.push(this.json(items[i]));
    }
    parts.push(TAIL);
    return parts;
  }

  table(
    items: readonly KubeObject[],
    format: { apiVersion: string },
    options: { includeObject?: string; now: number; resourceVersion?: string },
  ): unknown {
    return toTable(
      this.def.key,
      items,
      {
        apiVersion: format.apiVersion,
        includeObject: options.includeObject ?? 'Metadata',
        now: options.now,
        resourceVersion: options.resourceVersion,
      },
      o => this.served(o),
    );
  }
}
