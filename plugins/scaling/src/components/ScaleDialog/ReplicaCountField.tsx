import TextField from '@material-ui/core/TextField';
import { readNumberField, showNumberField } from '../readNumberField';

/** A whole number of replicas, with what is wrong with it or else a hint below. */
export function ReplicaCountField(props: {
  id: string;
  label: string;
  /** NaN while the field is empty. */
  value: number;
  onChange: (value: number) => void;
  problem?: string;
  hint?: string;
  min: number;
  max?: number;
}) {
  const { value, onChange, problem, hint, min, max, ...field } = props;
  return (
    <TextField
      {...field}
      type="number"
      value={showNumberField(value)}
      onChange={event => onChange(readNumberField(event.target.value))}
      error={Boolean(problem)}
      helperText={problem ?? hint}
      inputProps={{ min, max, step: 1 }}
      fullWidth
    />
  );
}
