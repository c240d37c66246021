import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import {
  AlertRuleProblem,
  MaintenanceWindowRequest,
  validateMaintenanceWindow,
} from '@meschain/backstage-plugin-scaling-common';
import { useId, useMemo, useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { useAlertsActions, useEntityReload } from '../../hooks';
import { problemAt } from '../PolicyEditor/policyProblems';
import { policyProblemsOf } from '../responseErrors';
import { WriteErrorAlert } from '../WriteErrorAlert';
import { FormDialogActions } from './FormDialogActions';
import { SelectInput, TextInput } from './SignalFields';

const HOUR_MS = 3_600_000;

/** A date as a `datetime-local` input shows it: local time, to the minute. */
export function toLocalInput(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** A `datetime-local` input's value as an ISO instant; empty when it is not a date. */
function fromLocalInput(value: string): string {
  const time = new Date(value).getTime();
  return Number.isNaN(time) ? '' : new Date(time).toISOString();
}

interface WindowDraft {
  start: string;
  end: string;
  comment: string;
  region: string;
}

function requestOf(draft: WindowDraft): MaintenanceWindowRequest {
  return {
    startsAt: fromLocalInput(draft.start),
    endsAt: fromLocalInput(draft.end),
    comment: draft.comment,
    ...(draft.region ? { region: draft.region } : {}),
  };
}

function DateTimeInput(props: {
  label: string;
  value: string;
  problem?: string;
  onChange: (value: string) => void;
}) {
  const { label, value, problem, onChange } = props;
  const id = useId();
  return (
    <TextField
      id={id}
      type="datetime-local"
      label={label}
      value={value}
      onChange={event => onChange(event.target.value)}
      InputLabelProps={{ shrink: true }}
      error={Boolean(problem)}
      helperText={problem ?? 'Your local time'}
      margin="dense"
      fullWidth
    />
  );
}

/**
 * Opens a maintenance window: an Alertmanager silence of the service's
 * alerts, in every region or one, from its start to its end.
 */
export function MaintenanceWindowDialog(props: {
  regions: string[];
  onClose: () => void;
}) {
  const { regions, onClose } = props;
  const actions = useAlertsActions();
  const alertApi = useApi(alertApiRef);
  const reload = useEntityReload();
  const [draft, setDraft] = useState<WindowDraft>(() => {
    const now = new Date();
    return {
      start: toLocalInput(now),
      end: toLocalInput(new Date(now.getTime() + HOUR_MS)),
      comment: '',
      region: '',
    };
  });
  const [attempted, setAttempted] = useState(false);
  const [sent, setSent] = useState<WindowDraft>();
  const request = useMemo(() => requestOf(draft), [draft]);

  const [write, send] = useAsyncFn(async () => {
    setSent(draft);
    await actions.createMaintenanceWindow(request);
    alertApi.post({
      message: 'Maintenance window opened',
      severity: 'success',
      display: 'transient',
    });
    onClose();
  }, [actions, alertApi, draft, request, onClose]);

  const validation = validateMaintenanceWindow(request);
  const current = sent === draft;
  const problems: AlertRuleProblem[] = [
    ...(attempted && !validation.valid ? validation.problems : []),
    ...(write.error && current ? policyProblemsOf(write.error) : []),
  ];
  const at = (field: string) => problemAt(problems, field);
  const edit = (change: Partial<WindowDraft>) =>
    setDraft(was => ({ ...was, ...change }));

  return (
    <Dialog
      open
      onClose={onClose}
      aria-labelledby="scaling-maintenance-window-title"
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle id="scaling-maintenance-window-title">
        New maintenance window
      </DialogTitle>
      <DialogContent>
        <DialogContentText>
          The service's alerts are silenced in Alertmanager from the start to
          the end, and no notification is sent for them.
        </DialogContentText>
        <DateTimeInput
          label="Start"
          value={draft.start}
          problem={at('startsAt')}
          onChange={start => edit({ start })}
        />
        <DateTimeInput
          label="End"
          value={draft.end}
          problem={at('endsAt')}
          onChange={end => edit({ end })}
        />
        <TextInput
          label="Comment"
          value={draft.comment}
          problem={at('comment')}
          hint="Why alerts are silenced, e.g. the database upgrade"
          onChange={comment => edit({ comment })}
        />
        <SelectInput
          label="Region"
          value={draft.region}
          problem={at('region')}
          options={[
            { value: '', label: 'All regions' },
            ...regions.map(region => ({ value: region, label: region })),
          ]}
          onChange={region => edit({ region })}
        />
        {write.error && current && (
          <WriteErrorAlert error={write.error} onReload={reload} />
        )}
      </DialogContent>
      <FormDialogActions
        submitLabel="Create"
        busy={write.loading}
        valid={validation.valid}
        onAttempt={() => setAttempted(true)}
        onSubmit={send}
        onCancel={onClose}
      />
    </Dialog>
  );
}
