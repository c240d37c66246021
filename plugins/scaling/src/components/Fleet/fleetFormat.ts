import {
  FleetCell,
  FleetService,
} from '@meschain/backstage-plugin-scaling-common';
import { formatMoney } from '../../format';
import { formatReplicasReady } from '../placements';

/** The currency of the fleet's cost per hour: the cost ingestion's. */
export const FLEET_CURRENCY = 'USD';

/** A service's name on the grid: its title, else the name in its ref. */
export function serviceName(
  service: Pick<FleetService, 'entityRef' | 'title'>,
): string {
  return service.title || service.entityRef.replace(/^[^:]*:([^/]*\/)?/, '');
}

/** Replicas ready against desired, e.g. `3 of 4 ready`. */
export function formatCellReplicas(cell: FleetCell): string {
  return `${formatReplicasReady(cell.replicas)} ready`;
}

function withUnit(value: number | null, unit: string): string {
  if (value === null) {
    return '?';
  }
  const figure = Number.isInteger(value) ? value : Number(value.toFixed(1));
  return unit === '%' ? `${figure} %` : `${figure} ${unit}`;
}

/** The HPA's utilisation against its target, e.g. `HPA 45 % of 70 %, at max`. */
export function formatCellHpa(cell: FleetCell): string {
  if (!cell.hpa) {
    return 'No HPA';
  }
  const { current, target, unit, atMax } = cell.hpa;
  const utilisation =
    current === null
      ? `HPA waiting for ${unit === '%' ? 'metrics' : unit}`
      : `HPA ${withUnit(current, unit)} of ${withUnit(target, unit)}`;
  return `${utilisation}${atMax ? ', at max' : ''}`;
}

/** The cell's cost per hour, e.g. `$0.42/h`; a dash when unknown. */
export function formatCellCost(
  cell: Pick<FleetCell, 'costPerHour'>,
  currency: string,
): string {
  return cell.costPerHour === null
    ? 'Cost unknown'
    : `${formatMoney(cell.costPerHour, currency)}/h`;
}

/** A rollout in progress, e.g. `Rolling out: Progressing, step 2`. */
export function formatCellRollout(cell: FleetCell): string | undefined {
  if (!cell.rollout) {
    return undefined;
  }
  const { phase, step, steps } = cell.rollout;
  let progress = '';
  if (step !== undefined) {
    progress =
      steps === undefined ? `, step ${step}` : `, step ${step} of ${steps}`;
  }
  return `Rollout ${phase.toLocaleLowerCase('en-US')}${progress}`;
}

const drLabels: Record<FleetCell['dr'], string | undefined> = {
  ready: 'DR ready',
  'not-ready': 'DR not ready',
  'n/a': undefined,
};

/** The DR verdict in words; nothing where DR does not apply. */
export function formatCellDr(cell: FleetCell): string | undefined {
  return drLabels[cell.dr];
}
