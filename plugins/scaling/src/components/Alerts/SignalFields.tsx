import TextField from '@material-ui/core/TextField';
import {
  AlertComparison,
  GOLDEN_SIGNALS,
  GoldenSignal,
  SignalCondition,
} from '@meschain/backstage-plugin-scaling-common';
import { useId } from 'react';
import { signalLabels } from '../Health/signalFormat';
import { readNumberField, showNumberField } from '../readNumberField';

/** The unit a signal's value is typed in, and its factor from the API's unit. */
const inputUnits: Record<GoldenSignal, { unit: string; scale: number }> = {
  requestRate: { unit: 'req/s', scale: 1 },
  errorRatio: { unit: '%', scale: 100 },
  latencyP50: { unit: 'ms', scale: 1000 },
  latencyP95: { unit: 'ms', scale: 1000 },
  latencyP99: { unit: 'ms', scale: 1000 },
  cpuSaturation: { unit: '% of requests', scale: 100 },
  memorySaturation: { unit: '% of requests', scale: 100 },
};

/** A field of the rule dialog: its label, value, and the problem found at its path. */
export interface FieldProps<T> {
  label: string;
  value: T;
  problem?: string;
  hint?: string;
  onChange: (value: T) => void;
}

export function TextInput(props: FieldProps<string> & { multiline?: boolean }) {
  const { label, value, problem, hint, onChange, multiline } = props;
  const id = useId();
  return (
    <TextField
      id={id}
      label={label}
      value={value}
      onChange={event => onChange(event.target.value)}
      error={Boolean(problem)}
      helperText={problem ?? hint}
      multiline={multiline}
      margin="dense"
      fullWidth
    />
  );
}

export function SelectInput<T extends string>(
  props: FieldProps<T> & {
    options: ReadonlyArray<{ value: T; label: string }>;
  },
) {
  const { label, value, problem, hint, onChange, options } = props;
  const id = useId();
  return (
    <TextField
      id={id}
      select
      label={label}
      value={value}
      onChange={event => onChange(event.target.value as T)}
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
      error={Boolean(problem)}
      helperText={problem ?? hint}
      margin="dense"
      fullWidth
    >
      {options.map(option => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </TextField>
  );
}

const signalOptions = GOLDEN_SIGNALS.map(signal => ({
  value: signal,
  label: signalLabels[signal],
}));

const comparisonOptions: ReadonlyArray<{
  value: AlertComparison;
  label: string;
}> = [
  { value: 'above', label: 'above' },
  { value: 'below', label: 'below' },
];

export function SignalSelect(props: FieldProps<GoldenSignal>) {
  return <SelectInput {...props} options={signalOptions} />;
}

export function ComparisonSelect(props: FieldProps<AlertComparison>) {
  return <SelectInput {...props} options={comparisonOptions} />;
}

/** A signal's value typed in its unit (%, ms, req/s), held in the API's (0..1, seconds). */
export function SignalValueField(
  props: FieldProps<number> & { signal: GoldenSignal },
) {
  const { label, value, problem, hint, onChange, signal } = props;
  const { unit, scale } = inputUnits[signal];
  const id = useId();
  // Rounded, so that 0.07 shows as 7 rather than 7.000000000000001.
  const shown = Number.isNaN(value)
    ? NaN
    : Number((value * scale).toPrecision(12));
  return (
    <TextField
      id={id}
      label={`${label} (${unit})`}
      type="number"
      value={showNumberField(shown)}
      onChange={event => onChange(readNumberField(event.target.value) / scale)}
      error={Boolean(problem)}
      helperText={problem ?? hint}
      margin="dense"
      fullWidth
    />
  );
}

/** The problems of a condition's fields, under `path` (e.g. `conditions[1]`). */
export type ProblemAt = (field: string) => string | undefined;

/** A signal over or under a value: signal, comparison, value and its optional rate window. */
export function ConditionFields(props: {
  condition: SignalCondition;
  /** The condition's path in the rule, e.g. `threshold` or `conditions[0]`. */
  path: string;
  problemAt: ProblemAt;
  onChange: (condition: SignalCondition) => void;
}) {
  const { condition, path, problemAt, onChange } = props;
  return (
    <>
      <SignalSelect
        label="Signal"
        value={condition.signal}
        problem={problemAt(`${path}.signal`)}
        onChange={signal => onChange({ ...condition, signal })}
      />
      <ComparisonSelect
        label="Comparison"
        value={condition.comparison}
        problem={problemAt(`${path}.comparison`)}
        onChange={comparison => onChange({ ...condition, comparison })}
      />
      <SignalValueField
        label="Value"
        signal={condition.signal}
        value={condition.value}
        problem={problemAt(`${path}.value`)}
        onChange={value => onChange({ ...condition, value })}
      />
      <TextInput
        label="Rate window"
        value={condition.window ?? ''}
        problem={problemAt(`${path}.window`)}
        hint="Optional, e.g. 5m"
        onChange={window => onChange({ ...condition, window })}
      />
    </>
  );
}
