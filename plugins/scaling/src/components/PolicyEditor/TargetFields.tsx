import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Grid from '@material-ui/core/Grid';
import IconButton from '@material-ui/core/IconButton';
import Paper from '@material-ui/core/Paper';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import DeleteIcon from '@material-ui/icons/Delete';
import { useId } from 'react';
import {
  CUSTOM_METRIC_NAMES,
  CUSTOM_METRICS,
  CustomMetricName,
  CustomMetricSource,
  CustomMetricTarget,
  PolicyMappingNote,
  PolicyProblem,
  RequestRateTarget,
  ScalingTarget,
  UtilizationTarget,
} from '@meschain/backstage-plugin-scaling-common';
import { NumberField, OptionalNumberField } from './NumberField';
import { problemAt } from './policyProblems';
import { customTarget, targetKindLabels } from './targetDefaults';

interface FieldsProps<T extends ScalingTarget> {
  target: T;
  path: string;
  problems: PolicyProblem[];
  onChange: (target: ScalingTarget) => void;
}

function UtilizationFields(props: FieldsProps<UtilizationTarget>) {
  const { target, path, problems, onChange } = props;
  const resource = target.kind === 'cpu' ? 'CPU' : 'Memory';
  return (
    <Grid container spacing={2}>
      <Grid item xs={12} sm={6}>
        <NumberField
          label={`${resource} target`}
          unit="%"
          value={target.averageUtilization}
          onChange={averageUtilization =>
            onChange({ ...target, averageUtilization })
          }
          problem={problemAt(problems, `${path}.averageUtilization`)}
          hint="Average use as a percentage of the pods' requests"
        />
      </Grid>
      <Grid item xs={12} sm={6}>
        <OptionalNumberField
          label="Scale down below"
          unit="%"
          value={target.scaleDownBelow}
          onChange={scaleDownBelow => {
            const { scaleDownBelow: _dropped, ...rest } = target;
            onChange(
              scaleDownBelow === undefined ? rest : { ...rest, scaleDownBelow },
            );
          }}
          problem={problemAt(problems, `${path}.scaleDownBelow`)}
        />
      </Grid>
    </Grid>
  );
}

function RequestRateFields(props: FieldsProps<RequestRateTarget>) {
  const { target, path, problems, onChange } = props;
  return (
    <Grid container spacing={2}>
      <Grid item xs={12} sm={6}>
        <NumberField
          label="Requests per minute per replica"
          value={target.requestsPerMinutePerReplica}
          onChange={requestsPerMinutePerReplica =>
            onChange({ ...target, requestsPerMinutePerReplica })
          }
          problem={problemAt(problems, `${path}.requestsPerMinutePerReplica`)}
        />
      </Grid>
      <Grid item xs={12} sm={6}>
        <OptionalNumberField
          label="Response-time limit"
          unit="ms"
          value={target.responseTimeLimitMs}
          onChange={responseTimeLimitMs => {
            const { responseTimeLimitMs: _dropped, ...rest } = target;
            onChange(
              responseTimeLimitMs === undefined
                ? rest
                : { ...rest, responseTimeLimitMs },
            );
          }}
          problem={problemAt(problems, `${path}.responseTimeLimitMs`)}
        />
      </Grid>
    </Grid>
  );
}

function CustomMetricFields(props: FieldsProps<CustomMetricTarget>) {
  const { target, path, problems, onChange } = props;
  const info = CUSTOM_METRICS[target.metric];
  const id = useId();
  return (
    <Grid container spacing={2}>
      <Grid item xs={12} sm={4}>
        <TextField
          id={`${id}-metric`}
          select
          label="Metric"
          value={target.metric}
          onChange={event =>
            onChange(
              customTarget(
                event.target.value as CustomMetricName,
                target.source,
                target.value,
              ),
            )
          }
          SelectProps={{ native: true }}
          error={Boolean(problemAt(problems, `${path}.metric`))}
          helperText={problemAt(problems, `${path}.metric`)}
          margin="dense"
          fullWidth
        >
          {CUSTOM_METRIC_NAMES.map(name => (
            <option key={name} value={name}>
              {CUSTOM_METRICS[name].title}
            </option>
          ))}
        </TextField>
      </Grid>
      <Grid item xs={12} sm={4}>
        <TextField
          id={`${id}-source`}
          select
          label="Read as"
          value={target.source}
          onChange={event =>
            onChange(
              customTarget(
                target.metric,
                event.target.value as CustomMetricSource,
                target.value,
              ),
            )
          }
          SelectProps={{ native: true }}
          error={Boolean(problemAt(problems, `${path}.source`))}
          helperText={problemAt(problems, `${path}.source`)}
          margin="dense"
          fullWidth
        >
          {info.sources.map(source => (
            <option key={source} value={source}>
              {source}
            </option>
          ))}
        </TextField>
      </Grid>
      <Grid item xs={12} sm={4}>
        <NumberField
          label="Target"
          unit={info.unit}
          value={target.value}
          onChange={value => onChange({ ...target, value })}
          problem={problemAt(problems, `${path}.value`)}
        />
      </Grid>
      {target.source !== 'Pods' && (
        <Grid item xs={12}>
          <FormControlLabel
            control={
              <Checkbox
                checked={target.perPod}
                onChange={event =>
                  onChange({ ...target, perPod: event.target.checked })
                }
              />
            }
            label="Divide by the replica count (AverageValue)"
          />
        </Grid>
      )}
    </Grid>
  );
}

/** One target of the policy: its fields, their messages, and what it becomes in the HPA. */
export function TargetFields(props: {
  target: ScalingTarget;
  index: number;
  problems: PolicyProblem[];
  notes: PolicyMappingNote[];
  onChange: (target: ScalingTarget) => void;
  onRemove: () => void;
}) {
  const { target, index, problems, notes, onChange, onRemove } = props;
  const path = `targets[${index}]`;
  const title = targetKindLabels[target.kind];
  let fields;
  switch (target.kind) {
    case 'cpu':
    case 'memory':
      fields = (
        <UtilizationFields
          target={target}
          path={path}
          problems={problems}
          onChange={onChange}
        />
      );
      break;
    case 'requests':
      fields = (
        <RequestRateFields
          target={target}
          path={path}
          problems={problems}
          onChange={onChange}
        />
      );
      break;
    default:
      fields = (
        <CustomMetricFields
          target={target}
          path={path}
          problems={problems}
          onChange={onChange}
        />
      );
  }
  const ownProblem = problemAt(problems, path);
  return (
    <Paper variant="outlined" component="fieldset" aria-label={title}>
      <Box p={2}>
        <Box display="flex" alignItems="center" justifyContent="space-between">
          <Typography variant="subtitle2" component="legend">
            {title}
          </Typography>
          <IconButton
            size="small"
            aria-label={`Remove the ${title.toLocaleLowerCase('en-US')} target`}
            onClick={onRemove}
          >
            <DeleteIcon fontSize="small" />
          </IconButton>
        </Box>
        {fields}
        {ownProblem && (
          <Typography variant="caption" color="error" component="p">
            {ownProblem}
          </Typography>
        )}
        {notes
          .filter(
            note => note.field === path || note.field.startsWith(`${path}.`),
          )
          .map(note => (
            <Typography
              key={`${note.field}:${note.text}`}
              variant="caption"
              color="textSecondary"
              component="p"
            >
              {note.text}
            </Typography>
          ))}
      </Box>
    </Paper>
  );
}
