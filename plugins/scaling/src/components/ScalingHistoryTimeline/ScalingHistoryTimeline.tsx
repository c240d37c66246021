import {
  ResponseErrorPanel,
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import {
  ScalingHistory,
  ScalingHistoryEvent,
} from '@meschain/backstage-plugin-scaling-common';
import { useScalingHistory } from '../../hooks';
import { formatHistoryChange } from './formatHistoryValue';
import { rolloutHistoryLabels } from '../EntityDeploymentsContent/rolloutLabels';
import { LIST_TABLE_OPTIONS } from '../listTableOptions';

const actionLabels: Record<string, string> = {
  'replicas.scale': 'Scaled replicas',
  'autoscaler.bounds': 'Changed HPA bounds',
  'policy.apply': 'Applied policy',
  'policy.delete': 'Deleted policy',
  'alert-rule.create': 'Created alert rule',
  'alert-rule.update': 'Changed alert rule',
  'alert-rule.delete': 'Deleted alert rule',
  'maintenance-window.create': 'Opened maintenance window',
  'maintenance-window.expire': 'Expired maintenance window',
  'predictive-schedule.apply': 'Applied predictive schedule',
  'predictive-schedule.remove': 'Removed predictive schedule',
  'predictive-schedule.step': 'Set scheduled HPA minimum',
  'service.create': 'Created the service from a template',
  SuccessfulRescale: 'HPA rescaled',
  ...rolloutHistoryLabels,
};

/** An event's action in words, e.g. "Scaled replicas". */
export function historyActionLabel(action: string): string {
  return actionLabels[action] ?? action;
}

/** An event's outcome as a status and its word. */
export function Outcome({ event }: { event: ScalingHistoryEvent }) {
  switch (event.outcome) {
    case 'succeeded':
      return <StatusOK>Succeeded</StatusOK>;
    case 'failed':
      return <StatusError>Failed</StatusError>;
    case 'denied':
      return <StatusWarning>Denied</StatusWarning>;
    case 'pending':
      return <StatusPending>Pending</StatusPending>;
    default:
      return event.source === 'cluster' ? <StatusOK>Done</StatusOK> : null;
  }
}

const columns: TableColumn<ScalingHistoryEvent>[] = [
  {
    title: 'When',
    render: event => new Date(event.time).toLocaleString(),
  },
  {
    title: 'Source',
    render: event => (
      <Chip
        size="small"
        variant={event.source === 'suite' ? 'default' : 'outlined'}
        label={event.source === 'suite' ? 'Backstage' : 'Cluster'}
      />
    ),
  },
  {
    title: 'Action',
    render: event => (
      <>
        <Typography variant="body2">
          {historyActionLabel(event.action)}
        </Typography>
        <Typography variant="caption" color="textSecondary">
          {[event.region, event.workload?.name].filter(Boolean).join(' · ')}
        </Typography>
      </>
    ),
  },
  {
    title: 'Actor',
    render: event =>
      event.actor ? (
        <>
          <EntityRefLink entityRef={event.actor} defaultKind="user" />
          {event.asAdmin && (
            <Typography variant="caption" color="textSecondary" component="div">
              as admin, not an owner
            </Typography>
          )}
        </>
      ) : (
        'HPA controller'
      ),
  },
  { title: 'Outcome', render: event => <Outcome event={event} /> },
  {
    title: 'Change',
    render: event => formatHistoryChange(event.before, event.after),
  },
  { title: 'Message', render: event => event.message },
];

/** Outside the component, so the table keeps its body (see ScalingStateTable). */
const noHistory = (
  <Typography style={{ padding: 16 }}>Nothing has been scaled yet.</Typography>
);

/** The entity's scaling history: our audited actions and the clusters' rescale events. */
export function ScalingHistoryTimeline(props: {
  history?: ScalingHistory;
  error?: Error;
  loading: boolean;
}) {
  const { history, error, loading } = props;
  if (error) {
    return <ResponseErrorPanel title="History" error={error} />;
  }
  return (
    <section aria-label="History">
      <Table<ScalingHistoryEvent>
        title="History"
        isLoading={loading && !history}
        options={LIST_TABLE_OPTIONS}
        columns={columns}
        data={history?.events ?? []}
        emptyContent={noHistory}
      />
    </section>
  );
}

/** The open entity's scaling history, read again after each write to it. */
export function EntityScalingHistory() {
  const history = useScalingHistory();
  return (
    <ScalingHistoryTimeline
      history={history.value}
      error={history.error}
      loading={history.loading}
    />
  );
}
