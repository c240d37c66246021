import { Table, TableColumn } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import { RolloutRevision } from '@meschain/backstage-plugin-scaling-common';
import { ScalingControlAccess } from '../../hooks';
import { describeRolloutAction } from './describeRolloutAction';
import { RolloutActionButton } from './RolloutActionButton';
import { describeImages } from './rolloutLabels';
import { RolloutTarget } from './RolloutTarget';
import { LIST_TABLE_OPTIONS } from '../listTableOptions';

function RevisionChips({ revision }: { revision: RolloutRevision }) {
  return (
    <>
      {revision.current && <Chip size="small" label="current" />}
      {revision.stable && !revision.current && (
        <Chip size="small" variant="outlined" label="stable" />
      )}
    </>
  );
}

/** The workload's revisions, newest first, each with its images and a roll-back action. */
export function RevisionHistoryTable(props: {
  target: RolloutTarget;
  access: ScalingControlAccess;
  onRollback: (revision: RolloutRevision) => void;
}) {
  const { target, access, onRollback } = props;
  const undoAvailable = target.workload.availableActions.includes('undo');
  const columns: TableColumn<RolloutRevision>[] = [
    {
      title: 'Revision',
      render: revision => (
        <>
          {revision.revision} <RevisionChips revision={revision} />
        </>
      ),
    },
    { title: 'Images', render: revision => describeImages(revision.images) },
    {
      title: 'Went live',
      render: revision => new Date(revision.createdAt).toLocaleString(),
    },
    {
      title: 'Pods',
      render: ({ replicas }) =>
        `${replicas.available} of ${replicas.desired} available`,
    },
    { title: 'ReplicaSet', field: 'replicaSet' },
    {
      title: 'Actions',
      sorting: false,
      render: revision => {
        let unavailableReason: string | undefined;
        if (revision.current) {
          unavailableReason = 'This is the current revision';
        } else if (!undoAvailable) {
          unavailableReason = `Roll back does not apply while the workload is ${target.workload.phase.toLocaleLowerCase(
            'en-US',
          )}`;
        }
        return (
          <RolloutActionButton
            target={target}
            action="undo"
            object={`to revision ${revision.revision}`}
            access={access}
            unavailableReason={unavailableReason}
            description={describeRolloutAction({
              target,
              action: 'undo',
              revision,
            })}
            onClick={() => onRollback(revision)}
          />
        );
      },
    },
  ];
  return (
    <Table<RolloutRevision>
      title={`Revisions in ${target.region}`}
      options={{ ...LIST_TABLE_OPTIONS, toolbar: true }}
      columns={columns}
      // material-table keeps each row's state by its id.
      data={target.workload.revisions.map(revision => ({
        ...revision,
        id: revision.replicaSet,
      }))}
    />
  );
}
