import { StatusError, Table, TableColumn } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import { useMemo } from 'react';
import { EntityScalingState } from '@meschain/backstage-plugin-scaling-common';
import { ScalingControlAccess } from '../../hooks';
import { ScaleTarget } from '../ScaleDialog';
import { AutoscalerSummary } from './AutoscalerSummary';
import { ReplicaCounts } from './ReplicaCounts';
import { ScalingRow, toScalingRows } from './rows';
import { LIST_TABLE_OPTIONS } from '../listTableOptions';

/** The props of {@link ScalingStateTable}. */
export interface ScalingStateTableProps {
  state: EntityScalingState;
  /** Whether the user may scale, and why not. */
  access: ScalingControlAccess;
  onScale: (target: ScaleTarget) => void;
}

function ScaleButton(props: {
  row: ScalingRow;
  access: ScalingControlAccess;
  onScale: ScalingStateTableProps['onScale'];
}) {
  const { row, access, onScale } = props;
  const { workload, cluster } = row;
  if (!workload || !cluster) {
    return null;
  }
  const button = (
    <Button
      variant="outlined"
      size="small"
      color="primary"
      disabled={!access.allowed}
      aria-label={`Scale ${workload.name} in ${row.region}`}
      onClick={() => onScale({ region: row.region, cluster, workload })}
    >
      Scale
    </Button>
  );
  return access.reason ? (
    <Tooltip title={access.reason}>
      <span>{button}</span>
    </Tooltip>
  ) : (
    button
  );
}

function RegionCell({ row }: { row: ScalingRow }) {
  return (
    <>
      <Typography variant="body2">
        <strong>{row.region}</strong>
        {row.role === 'dr' ? ' (DR)' : ''}
      </Typography>
      <Typography variant="caption" color="textSecondary">
        {row.cluster ?? 'No cluster'}
      </Typography>
    </>
  );
}

function WorkloadCell({ row }: { row: ScalingRow }) {
  if (row.error) {
    return (
      <StatusError>
        {row.error.name}: {row.error.message}
      </StatusError>
    );
  }
  if (!row.workload) {
    return (
      <Typography variant="body2" color="textSecondary">
        No workloads found in this cluster
      </Typography>
    );
  }
  return (
    <>
      <Typography variant="body2">{row.workload.name}</Typography>
      <Typography variant="caption" color="textSecondary">
        {row.workload.kind} in {row.workload.namespace}
      </Typography>
    </>
  );
}

/**
 * Shown when the entity names no regions. Kept outside the component: Backstage's
 * Table makes a new body whenever `emptyContent` changes, which would replace
 * every row's buttons, and the focus on them, at each render.
 */
const noRegions = (
  <Typography style={{ padding: 16 }}>
    The entity names no regions, so there is nothing to scale.
  </Typography>
);

/**
 * The entity's workloads per region: replicas, the HPA's metrics against
 * their targets, and a scale button. A region that failed keeps its row, with
 * its error.
 */
export function ScalingStateTable(props: ScalingStateTableProps) {
  const { state, access, onScale } = props;
  const columns = useMemo(
    (): TableColumn<ScalingRow>[] => [
      { title: 'Region', render: row => <RegionCell row={row} /> },
      { title: 'Workload', render: row => <WorkloadCell row={row} /> },
      {
        title: 'Replicas',
        render: row =>
          row.workload && <ReplicaCounts replicas={row.workload.replicas} />,
      },
      {
        title: 'Autoscaling',
        render: row => {
          if (!row.workload) {
            return null;
          }
          return row.workload.autoscaler ? (
            <AutoscalerSummary autoscaler={row.workload.autoscaler} />
          ) : (
            <Typography variant="body2" color="textSecondary">
              No HPA: replicas are set by hand
            </Typography>
          );
        },
      },
      {
        title: 'Actions',
        render: row => (
          <ScaleButton row={row} access={access} onScale={onScale} />
        ),
      },
    ],
    [access, onScale],
  );
  const rows = useMemo(() => toScalingRows(state), [state]);

  return (
    <Table<ScalingRow>
      title="Replicas and autoscaling per region"
      subtitle={`Workloads matching ${state.workloadQuery.labelSelector}${
        state.workloadQuery.namespace
          ? ` in ${state.workloadQuery.namespace}`
          : ''
      }`}
      options={LIST_TABLE_OPTIONS}
      columns={columns}
      data={rows}
      emptyContent={noRegions}
    />
  );
}
