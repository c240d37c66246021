import TextField from '@material-ui/core/TextField';
import { ScalingPreset } from '@meschain/backstage-plugin-scaling-common';

/** The value of {@link PresetSelect} once the policy no longer matches a preset. */
export const CUSTOM_PRESET = '';

/** Picks one of the platform's presets as the starting point of the policy. */
export function PresetSelect(props: {
  presets: ScalingPreset[];
  value: string;
  onChange: (preset: ScalingPreset | undefined) => void;
}) {
  const { presets, value, onChange } = props;
  const selected = presets.find(preset => preset.name === value);
  return (
    <TextField
      id="scaling-policy-preset"
      select
      label="Preset"
      value={value}
      onChange={event =>
        onChange(presets.find(preset => preset.name === event.target.value))
      }
      SelectProps={{ native: true }}
      helperText={selected?.description ?? 'Your own targets and behavior'}
      InputLabelProps={{ shrink: true }}
      fullWidth
    >
      <option value={CUSTOM_PRESET}>Custom</option>
      {presets.map(preset => (
        <option key={preset.name} value={preset.name}>
          {preset.name}
        </option>
      ))}
    </TextField>
  );
}
