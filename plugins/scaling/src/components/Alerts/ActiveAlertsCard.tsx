import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  StatusError,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import { ReactNode } from 'react';
import { ActiveAlert } from '@meschain/backstage-plugin-scaling-common';
import { useActiveAlerts } from '../../hooks';
import { CompactTable } from '../CompactTable';

function AlertState(props: { alert: ActiveAlert }) {
  const { alert } = props;
  let dot = <StatusError />;
  let text = 'Firing';
  if (alert.state === 'suppressed') {
    dot = <StatusPending />;
    text =
      alert.silencedBy.length > 0
        ? 'Silenced by a maintenance window'
        : 'Inhibited by a more severe alert';
  } else if (alert.severity !== 'critical') {
    dot = <StatusWarning />;
  }
  return (
    <span style={{ display: 'inline-flex', alignItems: 'baseline' }}>
      {dot}
      <span>{text}</span>
    </span>
  );
}

/** The service's alerts that Alertmanager holds now, firing or silenced. */
export function ActiveAlertsCard() {
  const alerts = useActiveAlerts();
  let body: ReactNode;
  if (alerts.error) {
    body = <ResponseErrorPanel error={alerts.error} />;
  } else if (!alerts.value) {
    body = <Progress />;
  } else {
    body = (
      <CompactTable
        label="Active alerts"
        columns={[
          { title: 'State', cell: alert => <AlertState alert={alert} /> },
          { title: 'Alert', cell: alert => alert.alertname },
          { title: 'Severity', cell: alert => alert.severity },
          { title: 'Region', cell: alert => alert.region ?? 'All regions' },
          {
            title: 'Since',
            cell: alert => new Date(alert.startsAt).toLocaleString(),
          },
          { title: 'Summary', cell: alert => alert.summary ?? '' },
        ]}
        rows={alerts.value.alerts}
        rowKey={alert => alert.fingerprint}
        empty="No alert is firing."
      />
    );
  }
  return <InfoCard title="Active alerts">{body}</InfoCard>;
}
