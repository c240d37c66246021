import { LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { EntityRegions } from '@meschain/backstage-plugin-scaling-common';
import { RegionCatalog } from '@meschain/backstage-plugin-scaling-node';
import { ClusterDirectory, KubernetesClients } from '../Clusters';
import { combinedVerdict, summarizeReadiness } from './drReadiness';
import { partnerReadiness } from './partnerReadiness';
import { createRegionFactsReader } from './readRegionFacts';
import { kubernetesIdOf, readServiceOwnership } from './serviceOwnership';
import { RegionsService } from './types';

export function createRegionsService(options: {
  regionCatalog: RegionCatalog;
  catalog: CatalogService;
  clusters: ClusterDirectory;
  kubernetes: KubernetesClients;
  logger: LoggerService;
  clusterTimeoutMs: number;
  /** The longest a DR partner may take to scale up and still pass. */
  drScaleUpLimitMinutes: number;
}): RegionsService {
  const { regionCatalog, catalog, drScaleUpLimitMinutes } = options;
  const readRegion = createRegionFactsReader(options);

  async function readAllRegions(
    credentials: Parameters<RegionsService['getOverview']>[0]['credentials'],
  ) {
    const [regions, ownership] = await Promise.all([
      regionCatalog.listRegions(),
      readServiceOwnership(catalog, credentials),
    ]);
    const ownershipOf = (id: string) => ownership.get(id);
    const readings = await Promise.all(
      regions.map(region => readRegion(region, ownershipOf)),
    );
    return { readings, ownershipOf };
  }

  return {
    async getOverview({ credentials }) {
      const generatedAt = new Date().toISOString();
      const [{ readings, ownershipOf }, edgeLocations] = await Promise.all([
        readAllRegions(credentials),
        regionCatalog.listEdgeLocations?.() ?? [],
      ]);
      const services = partnerReadiness({
        readings,
        ownershipOf,
        limitMinutes: drScaleUpLimitMinutes,
      });
      return {
        regions: readings.map(reading => reading.facts),
        edgeLocations,
        dr: { summary: summarizeReadiness(services), services },
        generatedAt,
      };
    },

    async getRegion(regionId, { credentials }) {
      const region = (await regionCatalog.listRegions()).find(
        candidate => candidate.id === regionId,
      );
      if (!region) {
        throw new NotFoundError(`No region with id '${regionId}'`);
      }
      const ownership = await readServiceOwnership(catalog, credentials);
      const { facts } = await readRegion(region, id => ownership.get(id));
      return facts;
    },

    async getEntityRegions(entityRef, { credentials }) {
      const entity = await catalog.getEntityByRef(entityRef, { credentials });
      if (!entity) {
        throw new NotFoundError(
          `No entity named ${stringifyEntityRef(entityRef)} in the catalog`,
        );
      }
      const kubernetesId = kubernetesIdOf(entity);
      const { readings, ownershipOf } = await readAllRegions(credentials);
      const placements = readings.flatMap(reading =>
        reading.facts.services.filter(
          placement => placement.kubernetesId === kubernetesId,
        ),
      );
      const regionIds = new Set(placements.map(placement => placement.region));
      const dr = partnerReadiness({
        readings,
        ownershipOf,
        limitMinutes: drScaleUpLimitMinutes,
        kubernetesId,
      });
      const result: EntityRegions = {
        entityRef: stringifyEntityRef(entity),
        placements,
        regions: readings
          .map(reading => reading.facts.region)
          .filter(region => regionIds.has(region.id)),
        dr,
        verdict: combinedVerdict(dr.map(readiness => readiness.verdict)),
        errors: readings.flatMap(reading => reading.facts.errors),
      };
      return result;
    },
  };
}
