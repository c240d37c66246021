import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import { RegionHealth } from '@meschain/backstage-plugin-scaling-common';

const statusDots: Record<RegionHealth, () => JSX.Element> = {
  healthy: () => <StatusOK />,
  degraded: () => <StatusWarning />,
  down: () => <StatusError />,
  unknown: () => <StatusPending />,
};

/** A region's health as a coloured dot and its name. */
export function RegionHealthStatus(props: { health: RegionHealth }) {
  const Dot = statusDots[props.health];
  return (
    <span>
      <Dot />
      {props.health}
    </span>
  );
}
