import {
  LoggerService,
  PermissionsService,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  CompoundEntityRef,
  KubernetesValidatorFunctions,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  InputError,
  NotAllowedError,
  ServiceUnavailableError,
  toError,
} from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  scalingAdminPermission,
  scalingServiceCreatePermission,
  ServiceManifestsRequest,
  ServiceManifestsResult,
} from '@meschain/backstage-plugin-scaling-common';
import { RegionCatalog } from '@meschain/backstage-plugin-scaling-node';
import { ClusterDirectory, KubernetesClients } from '../Clusters';
import { ScalingWritePipeline, WriteCaller } from '../ScalingWrites';
import { planInCluster, PlannedObject, writeInCluster } from './clusterApply';
import { checkServiceManifest, ServiceManifest } from './manifestKinds';

/** Applies a new service's manifests to its regions, as the "New MesChain service" template asks. */
export interface ServiceManifestsService {
  /**
   * Dry-runs every manifest in every cluster of every region, then, unless
   * `dryRun`, writes what would change.
   *
   * @throws InputError for a manifest the template does not render, an unknown region, or one an API server refuses
   * @throws ServiceUnavailableError when a region's cluster cannot be reached
   * @throws NotAllowedError when the caller may not create services for the owner
   */
  apply(
    request: ServiceManifestsRequest,
    caller: WriteCaller,
  ): Promise<ServiceManifestsResult>;
}

/**
 * @throws InputError naming the field when it is not an entity ref
 */
function entityRefField(
  field: 'entityRef' | 'owner',
  value: string,
  defaultKind: string,
): CompoundEntityRef {
  let ref: CompoundEntityRef;
  try {
    ref = parseEntityRef(value, { defaultKind, defaultNamespace: 'default' });
  } catch (error) {
    throw new InputError(`${field}: ${toError(error).message}`);
  }
  if (
    !KubernetesValidatorFunctions.isValidObjectName(ref.name) ||
    !KubernetesValidatorFunctions.isValidNamespace(ref.namespace)
  ) {
    throw new InputError(
      `${field}: ${JSON.stringify(value)} is not a valid entity ref`,
    );
  }
  return ref;
}

type ClusterPlan = {
  region: string;
  cluster: string;
  planned: PlannedObject[];
};

type RegionFailure = { region: string; error: Error };

/** One error naming every region that failed; a client error only when every failure is one. */
function regionsFailed(
  failures: RegionFailure[],
  what: string,
): InputError | ServiceUnavailableError {
  const message = `${what} in ${failures
    .map(({ region, error }) => `region ${region}: ${error.message}`)
    .join('; ')}`;
  return failures.every(({ error }) => error.name === 'InputError')
    ? new InputError(message)
    : new ServiceUnavailableError(message);
}

export function createServiceManifestsService(options: {
  regionCatalog: RegionCatalog;
  clusters: ClusterDirectory;
  kubernetes: KubernetesClients;
  pipeline: ScalingWritePipeline;
  permissions: PermissionsService;
  userInfo: UserInfoService;
  logger: LoggerService;
}): ServiceManifestsService {
  const {
    regionCatalog,
    clusters,
    kubernetes,
    pipeline,
    permissions,
    userInfo,
    logger,
  } = options;

  async function checkOwnership(owner: string, caller: WriteCaller) {
    const { ownershipEntityRefs } = await userInfo.getUserInfo(
      caller.credentials,
    );
    if (ownershipEntityRefs.includes(owner)) {
      return;
    }
    const [decision] = await permissions.authorize(
      [{ permission: scalingAdminPermission }],
      { credentials: caller.credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You may not create a service owned by ${owner}: you are not a member of it`,
      );
    }
  }

  /** The manifests, checked, and the clusters of each region they go to. */
  async function targetsOf(request: ServiceManifestsRequest) {
    const serviceName = entityRefField(
      'entityRef',
      request.entityRef,
      'component',
    ).name;
    const manifests: ServiceManifest[] = request.manifests.map(
      (manifest, index) =>
        checkServiceManifest(manifest, { index, serviceName }),
    );
    const known = new Map(
      (await regionCatalog.listRegions()).map(region => [region.id, region]),
    );
    const regions = request.regions.map(id => {
      const region = known.get(id);
      if (!region) {
        throw new InputError(`Region ${id} is not one of scaling.regions`);
      }
      if (region.clusters.length === 0) {
        throw new InputError(`Region ${id} has no cluster to apply to`);
      }
      return { region: id, clusterNames: region.clusters };
    });
    return { manifests, regions };
  }

  /** Runs `task` for every region at once; the failures are collected by region, not thrown. */
  async function eachRegion<T>(
    regions: string[],
    task: (region: string, index: number) => Promise<T>,
  ): Promise<{ results: T[]; failures: RegionFailure[] }> {
    const settled = await Promise.allSettled(regions.map(task));
    const failures: RegionFailure[] = [];
    const results: T[] = [];
    settled.forEach((outcome, index) => {
      if (outcome.status === 'fulfilled') {
        results.push(outcome.value);
      } else {
        failures.push({
          region: regions[index],
          error: toError(outcome.reason),
        });
      }
    });
    return { results, failures };
  }

  async function clientFor(clusterName: string) {
    return kubernetes.forCluster(await clusters.getCluster(clusterName));
  }

  function resultOf(plans: ClusterPlan[][], dryRun: boolean) {
    return {
      dryRun,
      regions: plans.flat().map(({ region, cluster, planned }) => ({
        region,
        cluster,
        objects: planned.map(({ manifest, outcome }) => ({
          kind: manifest.kind,
          namespace: manifest.metadata.namespace,
          name: manifest.metadata.name,
          outcome,
        })),
      })),
    };
  }

  return {
    apply(request, caller) {
      const dryRun = request.dryRun ?? false;
      const entityRef = stringifyEntityRef(
        entityRefField('entityRef', request.entityRef, 'component'),
      );
      return pipeline.runSuiteWrite(
        caller,
        {
          action: 'service.create',
          permission: scalingServiceCreatePermission,
          // The service's history starts with its creation, once it is in the catalog.
          entityRef,
          asked: {
            entityRef: request.entityRef,
            owner: request.owner,
            regions: request.regions,
            dryRun,
          },
        },
        async authorized => {
          await checkOwnership(
            stringifyEntityRef(entityRefField('owner', request.owner, 'group')),
            caller,
          );
          const { manifests, regions: targets } = await targetsOf(request);
          const regionIds = targets.map(target => target.region);

          const planned = await eachRegion(regionIds, async (_, index) => {
            const target = targets[index];
            return Promise.all(
              target.clusterNames.map(async cluster => ({
                region: target.region,
                cluster,
                planned: await planInCluster(
                  await clientFor(cluster),
                  manifests,
                ),
              })),
            );
          });
          if (planned.failures.length > 0) {
            throw regionsFailed(
              planned.failures,
              'Nothing was applied: the dry run failed',
            );
          }
          if (dryRun) {
            return resultOf(planned.results, true);
          }

          const written = await eachRegion(regionIds, (_, index) => {
            const plans = planned.results[index];
            const changes = plans.some(plan =>
              plan.planned.some(object => object.outcome !== 'unchanged'),
            );
            if (!changes) {
              // A re-run: the region already holds the service as rendered, so nothing is written or audited.
              return Promise.resolve(plans);
            }
            return authorized.act(
              async () => {
                for (const plan of plans) {
                  await writeInCluster(
                    await clientFor(plan.cluster),
                    plan.planned,
                  );
                }
                return {
                  result: plans,
                  after: {
                    entityRef,
                    region: regionIds[index],
                    changed: plans.flatMap(plan =>
                      plan.planned
                        .filter(object => object.outcome !== 'unchanged')
                        .map(
                          ({ manifest }) =>
                            `${plan.cluster}/${manifest.kind}/${manifest.metadata.name}`,
                        ),
                    ),
                  },
                };
              },
              { cluster: plans.map(plan => plan.cluster).join(',') },
            );
          });
          if (written.failures.length > 0) {
            const failed = new Set(written.failures.map(f => f.region));
            const done = regionIds.filter(region => !failed.has(region));
            throw regionsFailed(
              written.failures,
              `The dry run passed everywhere, but ${
                done.length > 0
                  ? `only ${done.join(', ')} was written; writing failed`
                  : 'writing failed'
              }`,
            );
          }
          logger.info('Applied a new service', {
            entityRef: request.entityRef,
            regions: regionIds.join(','),
          });
          return resultOf(written.results, false);
        },
      );
    },
  };
}
