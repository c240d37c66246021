import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormLabel from '@material-ui/core/FormLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  ALERT_RULE_KINDS,
  ALERT_SEVERITIES,
  AlertRule,
  AlertRuleKind,
  AlertRuleProblem,
  AlertSeverity,
  SignalCondition,
  validateAlertRule,
} from '@meschain/backstage-plugin-scaling-common';
import { useMemo, useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { useAlertsActions, useEntityReload } from '../../hooks';
import { problemAt } from '../PolicyEditor/policyProblems';
import { policyProblemsOf } from '../responseErrors';
import { WriteErrorAlert } from '../WriteErrorAlert';
import { FormDialogActions } from './FormDialogActions';
import { draftOf, NEW_RULE, RuleDraft, specOf } from './ruleDraft';
import {
  ComparisonSelect,
  ConditionFields,
  SelectInput,
  SignalSelect,
  SignalValueField,
  TextInput,
} from './SignalFields';

const kindLabels: Record<AlertRuleKind, string> = {
  threshold: 'Threshold',
  anomaly: 'Anomaly',
  composite: 'Composite',
};

const severityOptions = ALERT_SEVERITIES.map(severity => ({
  value: severity,
  label: severity,
}));

const MAX_CONDITIONS = 5;

function AnomalyFields(props: {
  anomaly: RuleDraft['anomaly'];
  problemAt: (field: string) => string | undefined;
  onChange: (anomaly: RuleDraft['anomaly']) => void;
}) {
  const { anomaly, problemAt: at, onChange } = props;
  return (
    <>
      <SelectInput
        label="Method"
        value={anomaly.method}
        problem={at('anomaly.method')}
        options={[
          {
            value: 'zScore',
            label: 'Z-score against the same hour last week',
          },
          { value: 'predictLinear', label: 'Linear prediction of the trend' },
        ]}
        onChange={method => onChange({ ...anomaly, method })}
      />
      <SignalSelect
        label="Signal"
        value={anomaly.signal}
        problem={at('anomaly.signal')}
        onChange={signal => onChange({ ...anomaly, signal })}
      />
      <ComparisonSelect
        label="Comparison"
        value={anomaly.comparison}
        problem={at('anomaly.comparison')}
        onChange={comparison => onChange({ ...anomaly, comparison })}
      />
      {anomaly.method === 'zScore' ? (
        <TextInput
          label="Standard deviations"
          value={Number.isNaN(anomaly.zScore) ? '' : String(anomaly.zScore)}
          problem={at('anomaly.zScore')}
          hint="How far from last week's mean, e.g. 3"
          onChange={text =>
            onChange({
              ...anomaly,
              zScore: text.trim() === '' ? NaN : Number(text),
            })
          }
        />
      ) : (
        <>
          <SignalValueField
            label="Value"
            signal={anomaly.signal}
            value={anomaly.value}
            problem={at('anomaly.value')}
            onChange={value => onChange({ ...anomaly, value })}
          />
          <TextInput
            label="Horizon"
            value={anomaly.horizon}
            problem={at('anomaly.horizon')}
            hint="How far ahead, e.g. 4h"
            onChange={horizon => onChange({ ...anomaly, horizon })}
          />
          <TextInput
            label="Lookback"
            value={anomaly.lookback}
            problem={at('anomaly.lookback')}
            hint="The history the trend is fitted to, e.g. 1h"
            onChange={lookback => onChange({ ...anomaly, lookback })}
          />
        </>
      )}
    </>
  );
}

function CompositeFields(props: {
  conditions: SignalCondition[];
  problemAt: (field: string) => string | undefined;
  onChange: (conditions: SignalCondition[]) => void;
}) {
  const { conditions, problemAt: at, onChange } = props;
  const listProblem = at('conditions');
  return (
    <>
      {conditions.map((condition, index) => (
        <FormControl key={index} component="fieldset" margin="dense" fullWidth>
          <FormLabel component="legend">{`Condition ${index + 1}`}</FormLabel>
          <ConditionFields
            condition={condition}
            path={`conditions[${index}]`}
            problemAt={at}
            onChange={next =>
              onChange(conditions.map((c, i) => (i === index ? next : c)))
            }
          />
          {conditions.length > 2 && (
            <Button
              size="small"
              onClick={() => onChange(conditions.filter((_, i) => i !== index))}
            >
              {`Remove condition ${index + 1}`}
            </Button>
          )}
        </FormControl>
      ))}
      {listProblem && (
        <Typography color="error" variant="body2">
          {listProblem}
        </Typography>
      )}
      <Button
        size="small"
        disabled={conditions.length >= MAX_CONDITIONS}
        onClick={() => onChange([...conditions, { ...NEW_RULE.conditions[0] }])}
      >
        Add condition
      </Button>
    </>
  );
}

/**
 * Creates an alert rule, or edits one: its name, severity, region and how
 * long the condition must hold, then a kind and that kind's fields. The
 * rule is checked before it is sent, and the server's problems are shown on
 * their fields.
 */
export function AlertRuleDialog(props: {
  /** The rule to edit; a new rule when absent. */
  rule?: AlertRule;
  /** The entity's regions, which a rule may be narrowed to. */
  regions: string[];
  onClose: () => void;
}) {
  const { rule, regions, onClose } = props;
  const alerts = useAlertsActions();
  const reload = useEntityReload();
  const alertApi = useApi(alertApiRef);
  const [draft, setDraft] = useState<RuleDraft>(() =>
    rule ? draftOf(rule) : NEW_RULE,
  );
  // Problems found before sending show once the user has tried to save.
  const [attempted, setAttempted] = useState(false);
  const [sent, setSent] = useState<RuleDraft>();

  const spec = useMemo(() => specOf(draft), [draft]);
  const validation = useMemo(() => validateAlertRule(spec), [spec]);

  const [request, save] = useAsyncFn(async () => {
    setSent(draft);
    const saved = rule
      ? await alerts.updateAlertRule(rule.id, spec)
      : await alerts.createAlertRule(spec);
    alertApi.post({
      message: `Alert rule ${saved.name} ${rule ? 'saved' : 'created'}`,
      severity: 'success',
      display: 'transient',
    });
    onClose();
  }, [alerts, alertApi, rule, spec, draft, onClose]);

  const current = sent === draft;
  const problems: AlertRuleProblem[] = [
    ...(attempted && !validation.valid ? validation.problems : []),
    ...(request.error && current ? policyProblemsOf(request.error) : []),
  ];
  const at = (field: string) => problemAt(problems, field);
  const edit = (change: Partial<RuleDraft>) =>
    setDraft(was => ({ ...was, ...change }));

  const regionOptions = [
    { value: '', label: 'All regions' },
    ...[...new Set([...regions, ...(draft.region ? [draft.region] : [])])].map(
      region => ({ value: region, label: region }),
    ),
  ];
  const ruleProblem = at('');

  return (
    <Dialog
      open
      onClose={onClose}
      aria-labelledby="scaling-alert-rule-title"
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle id="scaling-alert-rule-title">
        {rule ? `Edit alert rule ${rule.name}` : 'New alert rule'}
      </DialogTitle>
      <DialogContent>
        <TextInput
          label="Name"
          value={draft.name}
          problem={at('name')}
          hint="Letters, digits and _, e.g. HighErrorRatio"
          onChange={name => edit({ name })}
        />
        <SelectInput<AlertSeverity>
          label="Severity"
          value={draft.severity}
          problem={at('severity')}
          options={severityOptions}
          onChange={severity => edit({ severity })}
        />
        <SelectInput
          label="Region"
          value={draft.region}
          problem={at('region')}
          options={regionOptions}
          onChange={region => edit({ region })}
        />
        <TextInput
          label="For"
          value={draft.for}
          problem={at('for')}
          hint="How long the condition must hold before the alert fires, e.g. 5m"
          onChange={duration => edit({ for: duration })}
        />
        <Box my={2}>
          <FormControl component="fieldset">
            <FormLabel component="legend">Kind</FormLabel>
            <RadioGroup
              row
              name="alert-rule-kind"
              value={draft.kind}
              onChange={event =>
                edit({ kind: event.target.value as AlertRuleKind })
              }
            >
              {ALERT_RULE_KINDS.map(kind => (
                <FormControlLabel
                  key={kind}
                  value={kind}
                  control={<Radio color="primary" />}
                  label={kindLabels[kind]}
                />
              ))}
            </RadioGroup>
          </FormControl>
        </Box>
        {draft.kind === 'threshold' && (
          <ConditionFields
            condition={draft.threshold}
            path="threshold"
            problemAt={at}
            onChange={threshold => edit({ threshold })}
          />
        )}
        {draft.kind === 'anomaly' && (
          <AnomalyFields
            anomaly={draft.anomaly}
            problemAt={at}
            onChange={anomaly => edit({ anomaly })}
          />
        )}
        {draft.kind === 'composite' && (
          <CompositeFields
            conditions={draft.conditions}
            problemAt={at}
            onChange={conditions => edit({ conditions })}
          />
        )}
        <TextInput
          label="Description"
          value={draft.description}
          problem={at('description')}
          hint="Optional: what to look at when it fires"
          multiline
          onChange={description => edit({ description })}
        />
        {ruleProblem && <Alert severity="error">{ruleProblem}</Alert>}
        {request.error && current && (
          <WriteErrorAlert error={request.error} onReload={reload} />
        )}
      </DialogContent>
      <FormDialogActions
        submitLabel={rule ? 'Save' : 'Create'}
        busy={request.loading}
        valid={validation.valid}
        onAttempt={() => setAttempted(true)}
        onSubmit={save}
        onCancel={onClose}
      />
    </Dialog>
  );
}
