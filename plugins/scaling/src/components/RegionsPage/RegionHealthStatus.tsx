import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import { RegionHealth } from '@meschain/backstage-plugin-scaling-common';

/** A region's health as a coloured status. */
export function RegionHealthStatus(props: { health: RegionHealth }) {
  switch (props.health) {
    case 'healthy':
      return <StatusOK>healthy</StatusOK>;
    case 'degraded':
      return <StatusWarning>degraded</StatusWarning>;
    case 'down':
      return <StatusError>down</StatusError>;
    default:
      return <StatusPending>unknown</StatusPending>;
  }
}
