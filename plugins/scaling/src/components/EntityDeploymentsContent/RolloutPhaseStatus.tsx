import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
} from '@backstage/core-components';
import { WorkloadRolloutState } from '@meschain/backstage-plugin-scaling-common';

/** The rollout's phase, coloured, with the controller's message. */
export function RolloutPhaseStatus(props: { workload: WorkloadRolloutState }) {
  const { phase, message } = props.workload;
  const text = message ? `${phase}: ${message}` : phase;
  switch (phase) {
    case 'Healthy':
      return <StatusOK>{text}</StatusOK>;
    case 'Degraded':
      return <StatusError>{text}</StatusError>;
    case 'Paused':
      return <StatusPending>{text}</StatusPending>;
    default:
      return <StatusRunning>{text}</StatusRunning>;
  }
}
