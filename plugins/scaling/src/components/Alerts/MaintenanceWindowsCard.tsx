import {
  StatusOK,
  StatusPending,
  StatusRunning,
} from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';
import { MaintenanceWindow } from '@meschain/backstage-plugin-scaling-common';
import { useState } from 'react';
import {
  useAlertsActions,
  useAlertsPermissions,
  useEntityReload,
  useMaintenanceWindows,
} from '../../hooks';
import { CompactColumn } from '../CompactTable';
import { ConfirmWrite } from '../ConfirmWrite';
import { MaintenanceWindowDialog } from './MaintenanceWindowDialog';
import { OwnersListCard } from './OwnersListCard';

const statusViews: Record<
  MaintenanceWindow['status'],
  { dot: () => JSX.Element; text: string }
> = {
  active: { dot: () => <StatusRunning />, text: 'Active' },
  pending: { dot: () => <StatusPending />, text: 'Pending' },
  expired: { dot: () => <StatusOK />, text: 'Expired' },
};

function WindowStatus(props: { status: MaintenanceWindow['status'] }) {
  const { dot: Dot, text } = statusViews[props.status];
  return (
    <span style={{ display: 'inline-flex', alignItems: 'baseline' }}>
      <Dot />
      <span>{text}</span>
    </span>
  );
}

function ExpireWindowDialog(props: {
  window: MaintenanceWindow;
  onClose: () => void;
}) {
  const { window, onClose } = props;
  const actions = useAlertsActions();
  const reload = useEntityReload();
  return (
    <Dialog
      open
      onClose={onClose}
      aria-labelledby="scaling-expire-window-title"
    >
      <DialogTitle id="scaling-expire-window-title">
        Expire the maintenance window?
      </DialogTitle>
      <ConfirmWrite
        confirmLabel="Expire"
        onConfirm={async () => {
          await actions.expireMaintenanceWindow(window.id);
          return 'Maintenance window expired';
        }}
        onClose={onClose}
        onChanged={reload}
      >
        <Typography>
          {`"${window.comment}" ends now, and the service's alerts notify its owners again.`}
        </Typography>
      </ConfirmWrite>
    </Dialog>
  );
}

const when = (iso: string) => new Date(iso).toLocaleString();

/**
 * The service's maintenance windows, the Alertmanager silences of its
 * alerts; its owners open them and expire them early here.
 */
export function MaintenanceWindowsCard(props: { regions: string[] }) {
  const windows = useMaintenanceWindows();
  const access = useAlertsPermissions().maintenanceWindows;
  const [creating, setCreating] = useState(false);
  const [expiring, setExpiring] = useState<MaintenanceWindow>();

  const columns: CompactColumn<MaintenanceWindow>[] = [
    { title: 'Status', cell: w => <WindowStatus status={w.status} /> },
    { title: 'Start', cell: w => when(w.startsAt) },
    { title: 'End', cell: w => when(w.endsAt) },
    { title: 'Comment', cell: w => w.comment },
    { title: 'Region', cell: w => w.region ?? 'All regions' },
    { title: 'Opened by', cell: w => w.createdBy },
  ];
  if (access.allowed) {
    columns.push({
      title: 'Actions',
      cell: w =>
        w.status !== 'expired' && (
          <Button
            size="small"
            aria-label={`Expire ${w.comment}`}
            onClick={() => setExpiring(w)}
          >
            Expire
          </Button>
        ),
    });
  }

  return (
    <OwnersListCard
      title="Maintenance windows"
      addLabel="New maintenance window"
      onAdd={() => setCreating(true)}
      access={access}
      list={{ error: windows.error, value: windows.value?.windows }}
      columns={columns}
      rowKey={w => w.id}
      empty="No maintenance window."
    >
      {creating && (
        <MaintenanceWindowDialog
          regions={props.regions}
          onClose={() => setCreating(false)}
        />
      )}
      {expiring && (
        <ExpireWindowDialog
          window={expiring}
          onClose={() => setExpiring(undefined)}
        />
      )}
    </OwnersListCard>
  );
}
