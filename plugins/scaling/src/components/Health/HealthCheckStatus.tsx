import {
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import { HealthCheck } from '@meschain/backstage-plugin-scaling-common';

type Status = HealthCheck['status'];

const statusDots: Record<Status, () => JSX.Element> = {
  pass: () => <StatusOK />,
  warn: () => <StatusWarning />,
  fail: () => <StatusError />,
};

/** The word for each outcome, so that it never rests on colour alone. */
export const healthStatusLabels: Record<Status, string> = {
  pass: 'Pass',
  warn: 'Warn',
  fail: 'Fail',
};

/**
 * A check's outcome as a coloured dot and its word. The word sits beside the
 * status rather than inside it, where Backstage hides it from screen readers.
 */
export function HealthCheckStatus(props: { status: Status }) {
  const Dot = statusDots[props.status];
  return (
    <span style={{ display: 'inline-flex', alignItems: 'baseline' }}>
      <Dot />
      <span>{healthStatusLabels[props.status]}</span>
    </span>
  );
}
