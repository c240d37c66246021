import {
  ComputeAmounts,
  DrCheck,
} from '@meschain/backstage-plugin-scaling-common';
import { formatNumber, formatQuantity } from '../../format';

const GIB = 1024 ** 3;

function amounts(value: ComputeAmounts): string {
  return `${formatQuantity(value.cpuCores, 'cores')}, ${formatQuantity(
    value.memoryBytes / GIB,
    'gibibytes',
  )}`;
}

/** The numbers a DR check's verdict rests on, in one line. */
export function describeFigures(check: DrCheck): string {
  switch (check.id) {
    case 'deployed-in-partner':
      return `partner replicas: ${check.figures.partnerReadyReplicas} ready of ${check.figures.partnerReplicas}`;
    case 'same-image':
      return `primary: ${
        check.figures.primaryImages.join(', ') || 'none'
      }; partner: ${check.figures.partnerImages.join(', ') || 'none'}`;
    case 'partner-capacity':
      return `needed: ${amounts(check.figures.needed)}; partner free: ${amounts(
        check.figures.partnerFree,
      )}`;
    case 'scale-up-time': {
      const { fromReplicas, toReplicas, maxReplicas, minutes, limitMinutes } =
        check.figures;
      const time =
        minutes === undefined
          ? 'not reachable'
          : `${formatNumber(minutes)} min`;
      const cap = maxReplicas === undefined ? '' : `, HPA max ${maxReplicas}`;
      return `${fromReplicas} → ${toReplicas} replicas${cap}: ${time} (limit ${limitMinutes} min)`;
    }
    default:
      return '';
  }
}
