import { ServiceDrReadiness } from '@meschain/backstage-plugin-scaling-common';
import { SCALABLE_WORKLOAD_TYPES, targetsWorkload } from '../ScalingState';
import { PartnerAutoscaler, serviceDrReadiness } from './drReadiness';
import { RegionReading } from './readRegionFacts';
import { ServiceOwnership } from './servicePlacements';

/** The autoscaler of the service's first workload in the region that has one. */
function autoscalerOf(
  reading: RegionReading,
  kubernetesId: string,
): PartnerAutoscaler | undefined {
  for (const placement of reading.facts.services) {
    if (placement.kubernetesId !== kubernetesId) continue;
    const inventory = reading.inventories.find(
      ({ cluster }) => cluster === placement.cluster,
    )?.inventory;
    const type = SCALABLE_WORKLOAD_TYPES.find(
      t => t.kind === placement.workload.kind,
    )!;
    const autoscaler = inventory?.autoscalers.find(hpa =>
      targetsWorkload(hpa, {
        apiVersion: type.apiVersion,
        kind: type.kind,
        name: placement.workload.name,
        namespace: placement.namespace,
      }),
    );
    if (autoscaler) return autoscaler.spec;
  }
  return undefined;
}

/**
 * The DR readiness of every service in every primary region it runs in,
 * against that region's DR partner. Services only seen in DR regions (the
 * standbys) are not checked on their own.
 */
export function partnerReadiness(options: {
  readings: RegionReading[];
  ownershipOf(kubernetesId: string): ServiceOwnership | undefined;
  limitMinutes: number;
  /** Only this service, e.g. for its entity page. */
  kubernetesId?: string;
}): ServiceDrReadiness[] {
  const { readings, ownershipOf, limitMinutes } = options;
  const byId = new Map(
    readings.map(reading => [reading.facts.region.id, reading]),
  );
  return readings
    .filter(reading => reading.facts.region.role === 'primary')
    .flatMap(primary => {
      const ids = [
        ...new Set(primary.facts.services.map(service => service.kubernetesId)),
      ].filter(id => !options.kubernetesId || id === options.kubernetesId);
      const partnerId = primary.facts.region.drRegion;
      const partner = partnerId ? byId.get(partnerId) : undefined;
      return ids.sort().map((kubernetesId): ServiceDrReadiness => {
        const ownership = ownershipOf(kubernetesId);
        const who = {
          entityRef: ownership?.entityRef,
          owner: ownership?.owner,
          system: ownership?.system,
        };
        if (!partner) {
          return {
            kubernetesId,
            ...who,
            primaryRegion: primary.facts.region.id,
            verdict: 'fail',
            checks: [],
          };
        }
        return {
          ...serviceDrReadiness({
            kubernetesId,
            primary: primary.facts,
            partner: partner.facts,
            partnerAutoscaler: autoscalerOf(partner, kubernetesId),
            limitMinutes,
          }),
          ...who,
        };
      });
    });
}
