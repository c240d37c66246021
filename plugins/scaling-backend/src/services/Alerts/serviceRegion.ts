import { ScalingEntityFacts } from '@meschain/backstage-plugin-scaling-common';
import { AlertInputError } from './errors';

const shown = (value: string) =>
  value.length > 40 ? `${value.slice(0, 40)}…` : value;

/**
 * A rule or window scoped to a region the service does not run in would match no alert, so it is
 * refused like any other field problem rather than stored to sit idle.
 */
export function checkServiceRegion(
  subject: string,
  region: string | undefined,
  facts: ScalingEntityFacts,
): void {
  if (region === undefined || facts.regions.includes(region)) return;
  throw new AlertInputError(subject, [
    {
      field: 'region',
      message: `must be one of the service's regions (${facts.regions.join(
        ', ',
      )}); got "${shown(region)}"`,
    },
  ]);
}
