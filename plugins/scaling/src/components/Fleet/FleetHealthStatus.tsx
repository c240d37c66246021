import { StatusPending } from '@backstage/core-components';
import { FleetHealth } from '@meschain/backstage-plugin-scaling-common';
import { HealthCheckStatus } from '../Health/HealthCheckStatus';

/** A cell's health as a dot and its word: Pass, Warn, Fail or Unknown. */
export function FleetHealthStatus(props: { health: FleetHealth }) {
  if (props.health === 'unknown') {
    return (
      <span style={{ display: 'inline-flex', alignItems: 'baseline' }}>
        <StatusPending />
        <span>Unknown</span>
      </span>
    );
  }
  return <HealthCheckStatus status={props.health} />;
}
