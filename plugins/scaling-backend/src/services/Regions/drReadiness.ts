import {
  ComputeAmounts,
  DrCapacityCheck,
  DrCheck,
  DrDeployedCheck,
  DrReadinessSummary,
  DrSameImageCheck,
  DrScaleUpCheck,
  DrVerdict,
  RegionFacts,
  RegionServicePlacement,
  ServiceDrReadiness,
  scaleUpDurationSeconds,
} from '@meschain/backstage-plugin-scaling-common';
import { HorizontalPodAutoscalerObject } from '../ScalingState';
import { addAmounts, fitsInto } from './resourceAmounts';

const GIB = 1024 ** 3;

/** The partner region's side of one service, as the checks need it. */
export type PartnerAutoscaler = Pick<
  HorizontalPodAutoscalerObject['spec'],
  'maxReplicas' | 'behavior'
>;

export type DrInputs = {
  kubernetesId: string;
  primary: RegionFacts;
  partner: RegionFacts;
  /** The service's autoscaler in the partner region, when it has one. */
  partnerAutoscaler?: PartnerAutoscaler;
  limitMinutes: number;
};

const formatCores = (cores: number) => `${Math.round(cores * 1000) / 1000} CPU`;
const formatGiB = (bytes: number) =>
  `${Math.round((bytes / GIB) * 100) / 100} GiB`;
const formatAmounts = (amounts: ComputeAmounts) =>
  `${formatCores(amounts.cpuCores)} and ${formatGiB(amounts.memoryBytes)}`;

function placementsOf(region: RegionFacts, kubernetesId: string) {
  return region.services.filter(
    placement => placement.kubernetesId === kubernetesId,
  );
}

function distinctImages(placements: RegionServicePlacement[]): string[] {
  return [...new Set(placements.flatMap(placement => placement.images))].sort();
}

/** A check that depends on a region with a failed cluster cannot say `fail` for what it did not see. */
function unseenVerdict(region: RegionFacts): DrVerdict {
  return region.errors.length > 0 ? 'unknown' : 'fail';
}

function deployedCheck(
  partner: RegionFacts,
  partnerPlacements: RegionServicePlacement[],
): DrDeployedCheck {
  const partnerReplicas = partnerPlacements.reduce(
    (sum, placement) => sum + placement.replicas.desired,
    0,
  );
  const partnerReadyReplicas = partnerPlacements.reduce(
    (sum, placement) => sum + placement.replicas.ready,
    0,
  );
  const deployed = partnerPlacements.length > 0;
  return {
    id: 'deployed-in-partner',
    verdict: deployed ? 'pass' : unseenVerdict(partner),
    summary: deployed
      ? `Deployed in ${partner.region.id} with ${partnerReadyReplicas} of ${partnerReplicas} replicas ready`
      : `Not deployed in ${partner.region.id}${
          partner.errors.length ? ` (not every cluster answered)` : ''
        }`,
    figures: { partnerReplicas, partnerReadyReplicas },
  };
}

function sameImageCheck(
  partner: RegionFacts,
  primaryImages: string[],
  partnerImages: string[],
): DrSameImageCheck {
  const figures = { primaryImages, partnerImages };
  if (partnerImages.length === 0) {
    return {
      id: 'same-image',
      verdict: unseenVerdict(partner),
      summary: `No image to compare: not deployed in ${partner.region.id}`,
      figures,
    };
  }
  const missing = primaryImages.filter(image => !partnerImages.includes(image));
  return {
    id: 'same-image',
    verdict: missing.length === 0 ? 'pass' : 'fail',
    summary:
      missing.length === 0
        ? `${partner.region.id} runs the same image${
            primaryImages.length > 1 ? 's' : ''
          }: ${primaryImages.join(', ')}`
        : `${partner.region.id} runs ${partnerImages.join(
            ', ',
          )}, not ${missing.join(', ')}`,
    figures,
  };
}

function capacityCheck(
  partner: RegionFacts,
  needed: ComputeAmounts,
): DrCapacityCheck {
  const partnerFree = partner.capacity.free;
  const fits = fitsInto(needed, partnerFree);
  let verdict: DrVerdict = fits ? 'pass' : 'fail';
  if (partner.errors.length > 0 && !fits) {
    verdict = 'unknown';
  }
  return {
    id: 'partner-capacity',
    verdict,
    summary: `Needs ${formatAmounts(needed)}; ${
      partner.region.id
    } has ${formatAmounts(partnerFree)} free`,
    figures: { needed, partnerFree },
  };
}

function scaleUpCheck(
  partner: RegionFacts,
  partnerPlacements: RegionServicePlacement[],
  fromReplicas: number,
  toReplicas: number,
  autoscaler: PartnerAutoscaler | undefined,
  limitMinutes: number,
): DrScaleUpCheck {
  const maxReplicas = autoscaler?.maxReplicas;
  const base = { id: 'scale-up-time' as const };
  if (partnerPlacements.length === 0) {
    return {
      ...base,
      verdict: unseenVerdict(partner),
      summary: `Nothing to scale up: not deployed in ${partner.region.id}`,
      figures: { fromReplicas, toReplicas, maxReplicas, limitMinutes },
    };
  }
  if (maxReplicas !== undefined && toReplicas > maxReplicas) {
    return {
      ...base,
      verdict: 'fail',
      summary: `Needs ${toReplicas} replicas in ${partner.region.id}, but its autoscaler stops at ${maxReplicas}`,
      figures: { fromReplicas, toReplicas, maxReplicas, limitMinutes },
    };
  }
  const seconds = scaleUpDurationSeconds({
    // An HPA does not scale a workload at zero; it grows from its minimum of at least one pod.
    from: Math.max(fromReplicas, 1),
    to: toReplicas,
    behavior: autoscaler?.behavior as Parameters<
      typeof scaleUpDurationSeconds
    >[0]['behavior'],
  });
  if (seconds === undefined) {
    return {
      ...base,
      verdict: 'fail',
      summary: `The autoscaler in ${partner.region.id} may not scale up`,
      figures: { fromReplicas, toReplicas, maxReplicas, limitMinutes },
    };
  }
  const minutes = Math.round((seconds / 60) * 100) / 100;
  return {
    ...base,
    verdict: minutes <= limitMinutes ? 'pass' : 'fail',
    summary: `${fromReplicas} → ${toReplicas} replicas in ${minutes} min at the ${
      autoscaler ? "autoscaler's" : 'default'
    } scale-up rate (limit ${limitMinutes} min)`,
    figures: { fromReplicas, toReplicas, maxReplicas, minutes, limitMinutes },
  };
}

/** `fail` if any verdict fails, else `unknown` if any is unknown, else `pass`. */
export function combinedVerdict(verdicts: DrVerdict[]): DrVerdict {
  if (verdicts.includes('fail')) return 'fail';
  if (verdicts.includes('unknown')) return 'unknown';
  return 'pass';
}

/**
 * Whether the partner region could take over the service's load from the
 * primary: deployed there, with the same images, with free allocatable for
 * the requests of the primary's pods, and reachable in time at the partner
 * autoscaler's scale-up rate.
 */
export function serviceDrReadiness(
  inputs: DrInputs,
): Omit<ServiceDrReadiness, 'entityRef' | 'owner' | 'system'> {
  const { kubernetesId, primary, partner, partnerAutoscaler, limitMinutes } =
    inputs;
  const primaryPlacements = placementsOf(primary, kubernetesId);
  const partnerPlacements = placementsOf(partner, kubernetesId);
  const primaryReplicas = primaryPlacements.reduce(
    (sum, placement) => sum + placement.replicas.ready,
    0,
  );
  const partnerReplicas = partnerPlacements.reduce(
    (sum, placement) => sum + placement.replicas.desired,
    0,
  );
  const checks: DrCheck[] = [
    deployedCheck(partner, partnerPlacements),
    sameImageCheck(
      partner,
      distinctImages(primaryPlacements),
      distinctImages(partnerPlacements),
    ),
    capacityCheck(
      partner,
      addAmounts(...primaryPlacements.map(placement => placement.requested)),
    ),
    scaleUpCheck(
      partner,
      partnerPlacements,
      partnerReplicas,
      partnerReplicas + primaryReplicas,
      partnerAutoscaler,
      limitMinutes,
    ),
  ];
  return {
    kubernetesId,
    primaryRegion: primary.region.id,
    partnerRegion: partner.region.id,
    verdict: combinedVerdict(checks.map(check => check.verdict)),
    checks,
  };
}

export function summarizeReadiness(
  services: Array<Pick<ServiceDrReadiness, 'verdict'>>,
): DrReadinessSummary {
  const count = (verdict: DrVerdict) =>
    services.filter(service => service.verdict === verdict).length;
  return {
    verdict: combinedVerdict(services.map(service => service.verdict)),
    pass: count('pass'),
    fail: count('fail'),
    unknown: count('unknown'),
  };
}
