import Grid from '@material-ui/core/Grid';
import { useId } from 'react';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  PolicyMappingNote,
  PolicyProblem,
  ScalingBehaviorOverride,
  ScalingRulesOverride,
} from '@meschain/backstage-plugin-scaling-common';
import { NumberField, OptionalNumberField } from './NumberField';
import { problemAt } from './policyProblems';

type Direction = keyof ScalingBehaviorOverride;

const directionTitles: Record<Direction, string> = {
  scaleUp: 'Scale up',
  scaleDown: 'Scale down',
};

const DEFAULT_PERIOD_SECONDS = 60;

/** Drops unset fields, and the whole direction when nothing is left. */
function compact(
  rules: ScalingRulesOverride,
): ScalingRulesOverride | undefined {
  const entries = Object.entries(rules).filter(
    ([, value]) => value !== undefined,
  );
  return entries.length > 0
    ? (Object.fromEntries(entries) as ScalingRulesOverride)
    : undefined;
}

function DirectionFields(props: {
  direction: Direction;
  rules: ScalingRulesOverride;
  problems: PolicyProblem[];
  note?: PolicyMappingNote;
  onChange: (rules: ScalingRulesOverride | undefined) => void;
}) {
  const { direction, rules, problems, note, onChange } = props;
  const path = `behavior.${direction}`;
  const title = directionTitles[direction];
  const rate = rules.policies?.[0];
  const id = useId();
  const setRate = (
    change: Partial<{
      type: 'Pods' | 'Percent';
      value: number | undefined;
      periodSeconds: number;
    }>,
  ) => {
    const value = 'value' in change ? change.value : rate?.value;
    onChange(
      compact({
        ...rules,
        policies:
          value === undefined
            ? undefined
            : [
                {
                  type: change.type ?? rate?.type ?? 'Pods',
                  value,
                  periodSeconds:
                    change.periodSeconds ??
                    rate?.periodSeconds ??
                    DEFAULT_PERIOD_SECONDS,
                },
              ],
      }),
    );
  };
  return (
    <fieldset aria-label={title} style={{ border: 0, padding: 0, margin: 0 }}>
      <Typography variant="subtitle2" component="legend">
        {title}
      </Typography>
      <Grid container spacing={2}>
        <Grid item xs={12} sm={6}>
          <OptionalNumberField
            label={`${title} stabilization window`}
            unit="s"
            value={rules.stabilizationWindowSeconds}
            onChange={stabilizationWindowSeconds =>
              onChange(compact({ ...rules, stabilizationWindowSeconds }))
            }
            problem={problemAt(problems, `${path}.stabilizationWindowSeconds`)}
            hint="Default when empty"
          />
        </Grid>
        <Grid item xs={12} sm={6}>
          <TextField
            id={`${id}-select-policy`}
            select
            label={`${title} select policy`}
            value={rules.selectPolicy ?? ''}
            onChange={event =>
              onChange(
                compact({
                  ...rules,
                  selectPolicy:
                    event.target.value === ''
                      ? undefined
                      : (event.target
                          .value as ScalingRulesOverride['selectPolicy']),
                }),
              )
            }
            SelectProps={{ native: true }}
            InputLabelProps={{ shrink: true }}
            error={Boolean(problemAt(problems, `${path}.selectPolicy`))}
            helperText={problemAt(problems, `${path}.selectPolicy`)}
            margin="dense"
            fullWidth
          >
            <option value="">Default</option>
            <option value="Max">Max</option>
            <option value="Min">Min</option>
            <option value="Disabled">Disabled</option>
          </TextField>
        </Grid>
        <Grid item xs={6} sm={4}>
          <OptionalNumberField
            label={`${title} rate`}
            value={rate?.value}
            onChange={value => setRate({ value })}
            problem={problemAt(problems, `${path}.policies[0].value`)}
            hint="No limit when empty"
          />
        </Grid>
        <Grid item xs={6} sm={4}>
          <TextField
            id={`${id}-rate-unit`}
            select
            label={`${title} rate unit`}
            value={rate?.type ?? 'Pods'}
            onChange={event =>
              setRate({ type: event.target.value as 'Pods' | 'Percent' })
            }
            SelectProps={{ native: true }}
            disabled={!rate}
            margin="dense"
            fullWidth
          >
            <option value="Pods">pods</option>
            <option value="Percent">%</option>
          </TextField>
        </Grid>
        <Grid item xs={12} sm={4}>
          <NumberField
            label={`${title} rate period`}
            unit="s"
            value={rate?.periodSeconds ?? DEFAULT_PERIOD_SECONDS}
            onChange={periodSeconds => setRate({ periodSeconds })}
            problem={problemAt(problems, `${path}.policies[0].periodSeconds`)}
          />
        </Grid>
      </Grid>
      {note && (
        <Typography variant="caption" color="textSecondary" component="p">
          {note.text}
        </Typography>
      )}
    </fieldset>
  );
}

/** Explicit HPA behavior per direction, which wins over what the targets derive. */
export function BehaviorFields(props: {
  behavior: ScalingBehaviorOverride | undefined;
  problems: PolicyProblem[];
  notes: PolicyMappingNote[];
  onChange: (behavior: ScalingBehaviorOverride | undefined) => void;
}) {
  const { behavior = {}, problems, notes, onChange } = props;
  const setDirection = (
    direction: Direction,
    rules: ScalingRulesOverride | undefined,
  ) => {
    const next = { ...behavior, [direction]: rules };
    if (!rules) {
      delete next[direction];
    }
    onChange(Object.keys(next).length > 0 ? next : undefined);
  };
  return (
    <>
      <Typography variant="h6" component="h3">
        Behavior
      </Typography>
      {(['scaleUp', 'scaleDown'] as const).map(direction => (
        <DirectionFields
          key={direction}
          direction={direction}
          rules={behavior[direction] ?? {}}
          problems={problems}
          note={notes.find(note => note.field === `behavior.${direction}`)}
          onChange={rules => setDirection(direction, rules)}
        />
      ))}
    </>
  );
}
