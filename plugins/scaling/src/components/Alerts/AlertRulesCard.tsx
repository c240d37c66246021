import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';
import { AlertRule } from '@meschain/backstage-plugin-scaling-common';
import { useState } from 'react';
import {
  useAlertRules,
  useAlertsActions,
  useAlertsPermissions,
  useEntityReload,
} from '../../hooks';
import { CompactColumn } from '../CompactTable';
import { ConfirmWrite } from '../ConfirmWrite';
import { AlertRuleDialog } from './AlertRuleDialog';
import { describeRule } from './describeRule';
import { OwnersListCard } from './OwnersListCard';

const kindNames: Record<AlertRule['kind'], string> = {
  threshold: 'Threshold',
  anomaly: 'Anomaly',
  composite: 'Composite',
};

function DeleteRuleDialog(props: { rule: AlertRule; onClose: () => void }) {
  const { rule, onClose } = props;
  const actions = useAlertsActions();
  const reload = useEntityReload();
  return (
    <Dialog open onClose={onClose} aria-labelledby="scaling-delete-rule-title">
      <DialogTitle id="scaling-delete-rule-title">
        {`Delete alert rule ${rule.name}?`}
      </DialogTitle>
      <ConfirmWrite
        confirmLabel="Delete"
        onConfirm={async () => {
          await actions.deleteAlertRule(rule.id);
          return `Alert rule ${rule.name} deleted`;
        }}
        onClose={onClose}
        onChanged={reload}
      >
        <Typography>
          {`Prometheus stops evaluating "${describeRule(
            rule,
          )}" and its alert no longer fires.`}
        </Typography>
      </ConfirmWrite>
    </Dialog>
  );
}

/**
 * The service's alert rules, each with its condition in words; its owners
 * create, edit and delete them here.
 */
export function AlertRulesCard(props: { regions: string[] }) {
  const rules = useAlertRules();
  const access = useAlertsPermissions().rules;
  // undefined: closed; null: a new rule; a rule: that one.
  const [editing, setEditing] = useState<AlertRule | null>();
  const [deleting, setDeleting] = useState<AlertRule>();

  const columns: CompactColumn<AlertRule>[] = [
    { title: 'Name', cell: rule => rule.name },
    { title: 'Kind', cell: rule => kindNames[rule.kind] },
    { title: 'Condition', cell: rule => describeRule(rule) },
    { title: 'Severity', cell: rule => rule.severity },
    { title: 'Region', cell: rule => rule.region ?? 'All regions' },
  ];
  if (access.allowed) {
    columns.push({
      title: 'Actions',
      cell: rule => (
        <Box display="flex" style={{ gap: 8 }}>
          <Button
            size="small"
            aria-label={`Edit ${rule.name}`}
            onClick={() => setEditing(rule)}
          >
            Edit
          </Button>
          <Button
            size="small"
            aria-label={`Delete ${rule.name}`}
            onClick={() => setDeleting(rule)}
          >
            Delete
          </Button>
        </Box>
      ),
    });
  }

  return (
    <OwnersListCard
      title="Alert rules"
      addLabel="New alert rule"
      onAdd={() => setEditing(null)}
      access={access}
      list={{ error: rules.error, value: rules.value?.rules }}
      columns={columns}
      rowKey={rule => rule.id}
      empty="No alert rules yet. The SLO's burn-rate alerts apply all the same."
    >
      {editing !== undefined && (
        <AlertRuleDialog
          rule={editing ?? undefined}
          regions={props.regions}
          onClose={() => setEditing(undefined)}
        />
      )}
      {deleting && (
        <DeleteRuleDialog
          rule={deleting}
          onClose={() => setDeleting(undefined)}
        />
      )}
    </OwnersListCard>
  );
}
