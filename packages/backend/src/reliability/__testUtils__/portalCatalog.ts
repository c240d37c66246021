import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';

const CATALOG_DIR = path.resolve(__dirname, '../../../../../catalog');

/**
 * The portal's own catalog (catalog/*.yaml) with the relations the catalog would derive from
 * owners and memberships, which permission checks and ownership queries read.
 */
export function portalCatalog(): Entity[] {
  const entities = fs
    .readdirSync(CATALOG_DIR)
    .filter(file => file.endsWith('.yaml'))
    .flatMap(file =>
      yaml.loadAll(fs.readFileSync(path.join(CATALOG_DIR, file), 'utf8')),
    )
    .filter((doc): doc is Entity => Boolean(doc && (doc as Entity).kind))
    .map(entity => ({
      ...entity,
      metadata: { namespace: 'default', ...entity.metadata },
    }));
  return entities.map(entity => ({
    ...entity,
    relations: relationsOf(entity),
  }));
}

function relationsOf(entity: Entity) {
  const spec = (entity.spec ?? {}) as { owner?: string; memberOf?: string[] };
  const group = (ref: string) =>
    stringifyEntityRef(
      parseEntityRef(ref, {
        defaultKind: 'group',
        defaultNamespace: 'default',
      }),
    );
  return [
    ...(spec.owner ? [{ type: 'ownedBy', targetRef: group(spec.owner) }] : []),
    ...(spec.memberOf ?? []).map(ref => ({
      type: 'memberOf',
      targetRef: group(ref),
    })),
  ];
}

/** What the sign-in resolver gives a catalog user: its ref and its groups'. */
export function ownershipOf(
  entities: Entity[],
  userEntityRef: string,
): string[] {
  const user = entities.find(e => stringifyEntityRef(e) === userEntityRef);
  return [
    userEntityRef,
    ...(user?.relations ?? [])
      .filter(r => r.type === 'memberOf')
      .map(r => r.targetRef),
  ];
}
