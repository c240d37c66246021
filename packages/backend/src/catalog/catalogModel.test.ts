import fs from 'fs';
import path from 'path';
import yaml from 'js-yaml';
import {
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  DefaultNamespaceEntityPolicy,
  domainEntityV1alpha1Validator,
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  groupEntityV1alpha1Validator,
  KindValidator,
  locationEntityV1alpha1Validator,
  NoForeignRootFieldsEntityPolicy,
  parseEntityRef,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
  stringifyEntityRef,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import { templateEntityV1beta3Validator } from '@backstage/plugin-scaffolder-common';

const ROOT_FILE = path.resolve(__dirname, '../../../../catalog-info.yaml');

const REGIONS = ['us-east', 'eu-west', 'ap-southeast', 'tr-central'];
const SCALING_POLICIES = ['cpu', 'memory', 'requests', 'custom'];
const DEPLOYMENT_STRATEGIES = ['rolling', 'blue-green', 'canary', 'ab'];
const TIERS = ['critical', 'high', 'standard'];
const SERVICES = [
  'user-service',
  'product-service',
  'order-service',
  'marketplace-service',
  'analytics-service',
  'notification-service',
  'logging-service',
  'monitoring-service',
];

const kindValidators: KindValidator[] = [
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
  groupEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  resourceEntityV1alpha1Validator,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
  templateEntityV1beta3Validator,
];

/** The scaffolder's templates have their own apiVersion; every other kind is the catalog's. */
const expectedApiVersion = (entity: Entity) =>
  entity.kind === 'Template'
    ? 'scaffolder.backstage.io/v1beta3'
    : 'backstage.io/v1alpha1';

const policy = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);

type Sourced = { entity: Entity; file: string };

function readEntities(file: string): Entity[] {
  return yaml
    .loadAll(fs.readFileSync(file, 'utf8'))
    .filter(doc => doc !== null && doc !== undefined) as Entity[];
}

function loadCatalog(): Sourced[] {
  const loaded: Sourced[] = [];
  const rootEntities = readEntities(ROOT_FILE);
  for (const entity of rootEntities) {
    loaded.push({ entity, file: 'catalog-info.yaml' });
    if (entity.kind === 'Location') {
      const spec = entity.spec as { target?: string; targets?: string[] };
      const targets = [
        ...(spec.target ? [spec.target] : []),
        ...(spec.targets ?? []),
      ];
      for (const target of targets) {
        const file = path.resolve(path.dirname(ROOT_FILE), target);
        for (const included of readEntities(file)) {
          loaded.push({ entity: included, file: target });
        }
      }
    }
  }
  return loaded;
}

const catalog = loadCatalog();
const entities = catalog.map(({ entity }) => entity);
const byRef = new Map(entities.map(e => [stringifyEntityRef(e), e]));

const ofKind = (kind: string) => entities.filter(e => e.kind === kind);
const annotation = (entity: Entity, name: string) =>
  entity.metadata.annotations?.[name];

const services = ofKind('Component').filter(
  e => (e.spec as { type?: string }).type === 'service',
);
const clusters = ofKind('Resource').filter(
  e => (e.spec as { type?: string }).type === 'kubernetes-cluster',
);

type RefField = { field: string; defaultKind: string; many: boolean };

const REF_FIELDS: Record<string, RefField[]> = {
  Component: [
    { field: 'owner', defaultKind: 'Group', many: false },
    { field: 'system', defaultKind: 'System', many: false },
    { field: 'subcomponentOf', defaultKind: 'Component', many: false },
    { field: 'providesApis', defaultKind: 'API', many: true },
    { field: 'consumesApis', defaultKind: 'API', many: true },
    { field: 'dependsOn', defaultKind: 'Component', many: true },
  ],
  API: [
    { field: 'owner', defaultKind: 'Group', many: false },
    { field: 'system', defaultKind: 'System', many: false },
  ],
  Resource: [
    { field: 'owner', defaultKind: 'Group', many: false },
    { field: 'system', defaultKind: 'System', many: false },
    { field: 'dependsOn', defaultKind: 'Component', many: true },
  ],
  System: [
    { field: 'owner', defaultKind: 'Group', many: false },
    { field: 'domain', defaultKind: 'Domain', many: false },
  ],
  Domain: [{ field: 'owner', defaultKind: 'Group', many: false }],
  Group: [
    { field: 'parent', defaultKind: 'Group', many: false },
    { field: 'children', defaultKind: 'Group', many: true },
    { field: 'members', defaultKind: 'User', many: true },
  ],
  User: [{ field: 'memberOf', defaultKind: 'Group', many: true }],
};

function relationTargets(entity: Entity): { field: string; ref: string }[] {
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const targets: { field: string; ref: string }[] = [];
  for (const { field, defaultKind, many } of REF_FIELDS[entity.kind] ?? []) {
    const value = spec[field];
    if (value === undefined) {
      continue;
    }
    const refs = many ? (value as string[]) : [value as string];
    for (const raw of refs) {
      const ref = stringifyEntityRef(
        parseEntityRef(raw, {
          defaultKind,
          defaultNamespace: entity.metadata.namespace ?? 'default',
        }),
      );
      targets.push({ field, ref });
    }
  }
  return targets;
}

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map(item => item.trim())
    .filter(Boolean);
}

describe('MesChain-Sync catalog', () => {
  it('loads every file the root Location lists', () => {
    const files = new Set(catalog.map(({ file }) => file));
    expect([...files].sort()).toEqual([
      './catalog/apis.yaml',
      './catalog/clusters.yaml',
      './catalog/org.yaml',
      './catalog/resources.yaml',
      './catalog/services.yaml',
      './catalog/system.yaml',
      './catalog/templates/new-meschain-service/template.yaml',
      'catalog-info.yaml',
    ]);
  });

  it.each(
    catalog.map(({ entity, file }) => [
      stringifyEntityRef(entity),
      file,
      entity,
    ]),
  )(
    '%s (%s) passes the catalog policies and its kind validator',
    async (_ref, _file, entity) => {
      const e = entity as Entity;
      expect(e.apiVersion).toBe(expectedApiVersion(e));
      // The policies accept it as written, only giving it the default namespace.
      await expect(policy.enforce(e)).resolves.toEqual({
        ...e,
        metadata: { namespace: 'default', ...e.metadata },
      });
      const results = await Promise.all(
        kindValidators.map(validator => validator.check(e)),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    },
  );

  it('defines each entity once', () => {
    const refs = entities.map(e => stringifyEntityRef(e));
    const duplicates = refs.filter((ref, i) => refs.indexOf(ref) !== i);
    expect(duplicates).toEqual([]);
  });

  it('resolves every relation target to a defined entity', () => {
    const dangling = entities.flatMap(entity =>
      relationTargets(entity)
        .filter(({ ref }) => !byRef.has(ref))
        .map(
          ({ field, ref }) => `${stringifyEntityRef(entity)} ${field} ${ref}`,
        ),
    );
    expect(dangling).toEqual([]);
  });

  it('resolves every on-call user', () => {
    const dangling = services.flatMap(service =>
      splitList(annotation(service, 'meschain.io/on-call'))
        .map(raw =>
          stringifyEntityRef(parseEntityRef(raw, { defaultKind: 'User' })),
        )
        .filter(ref => !byRef.has(ref) || byRef.get(ref)?.kind !== 'User'),
    );
    expect(dangling).toEqual([]);
  });

  it('models the eight services of the meschain-sync system', () => {
    expect(services.map(s => s.metadata.name).sort()).toEqual(
      [...SERVICES].sort(),
    );
    for (const service of services) {
      expect(service.spec).toMatchObject({
        type: 'service',
        lifecycle: 'production',
        system: 'meschain-sync',
      });
      const owner = byRef.get(
        stringifyEntityRef(
          parseEntityRef(service.spec?.owner as string, {
            defaultKind: 'Group',
          }),
        ),
      );
      expect(owner?.kind).toBe('Group');
      expect(service.metadata.description).toBeTruthy();
    }
  });

  it.each(SERVICES)('%s carries valid scaling annotations and a tier', name => {
    const service = services.find(s => s.metadata.name === name)!;
    expect(service).toEqual(
      expect.objectContaining({
        kind: 'Component',
        metadata: expect.objectContaining({ name }),
        spec: expect.objectContaining({
          type: 'service',
          system: 'meschain-sync',
        }),
      }),
    );
    expect(annotation(service, 'backstage.io/kubernetes-id')).toBe(name);
    expect(annotation(service, 'backstage.io/kubernetes-namespace')).toBe(
      'meschain-sync',
    );
    expect(
      splitList(annotation(service, 'meschain.io/regions')).sort(),
    ).toEqual([...REGIONS].sort());
    expect(SCALING_POLICIES).toContain(
      annotation(service, 'meschain.io/scaling-policy'),
    );
    expect(DEPLOYMENT_STRATEGIES).toContain(
      annotation(service, 'meschain.io/deployment-strategy'),
    );
    expect(
      splitList(annotation(service, 'meschain.io/on-call')).length,
    ).toBeGreaterThan(0);
    expect(TIERS).toContain(service.metadata.labels?.tier);
  });

  it('gives every service region a primary cluster', () => {
    const primaryRegions = new Set(
      clusters
        .filter(c => annotation(c, 'meschain.io/region-role') === 'primary')
        .map(c => annotation(c, 'meschain.io/region')),
    );
    const missing = services.flatMap(service =>
      splitList(annotation(service, 'meschain.io/regions'))
        .filter(region => !primaryRegions.has(region))
        .map(region => `${service.metadata.name} ${region}`),
    );
    expect(missing).toEqual([]);
  });

  it('models four primary and three disaster-recovery clusters', () => {
    expect(clusters).toHaveLength(7);
    const primaries = clusters.filter(
      c => annotation(c, 'meschain.io/region-role') === 'primary',
    );
    const drs = clusters.filter(
      c => annotation(c, 'meschain.io/region-role') === 'dr',
    );
    expect(primaries).toHaveLength(4);
    expect(drs).toHaveLength(3);

    const drRegions = new Set(
      drs.map(c => annotation(c, 'meschain.io/region')),
    );
    for (const primary of primaries) {
      expect(drRegions).toContain(annotation(primary, 'meschain.io/dr-region'));
    }
    for (const cluster of clusters) {
      expect(cluster.metadata.name).toBe(
        `meschain-${annotation(cluster, 'meschain.io/region')}`,
      );
      expect(annotation(cluster, 'meschain.io/location')).toBeTruthy();
      expect(cluster.spec).toMatchObject({
        owner: 'platform-team',
        system: 'meschain-sync',
      });
    }
  });

  it('keeps services independent of clusters', () => {
    const clusterRefs = new Set(clusters.map(c => stringifyEntityRef(c)));
    const offending = services.flatMap(service =>
      relationTargets(service)
        .filter(
          ({ field, ref }) => field === 'dependsOn' && clusterRefs.has(ref),
        )
        .map(({ ref }) => `${service.metadata.name} -> ${ref}`),
    );
    expect(offending).toEqual([]);
  });
});
