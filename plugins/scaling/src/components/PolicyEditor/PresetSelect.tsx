import TextField from '@material-ui/core/TextField';
import { ScalingPreset } from '@meschain/backstage-plugin-scaling-common';

/** The value of {@link PresetSelect} once the policy no longer matches a preset. */
export const CUSTOM_PRESET = '';

/** The value of {@link PresetSelect} while the form shows the live HPA. */
export const LIVE_PRESET = 'live-hpa';

/**
 * Picks the starting point of the policy: the live HPA, or one of the
 * platform's presets, which is applied only when chosen here.
 */
export function PresetSelect(props: {
  presets: ScalingPreset[];
  value: string;
  /** The region whose live HPA the form shows; absent when no region has one. */
  liveRegion?: string;
  onChange: (choice: ScalingPreset | typeof LIVE_PRESET | undefined) => void;
}) {
  const { presets, value, liveRegion, onChange } = props;
  const selected = presets.find(preset => preset.name === value);
  let helperText = selected?.description ?? 'Your own targets and behavior';
  if (value === LIVE_PRESET && liveRegion) {
    helperText = `The HPA running in ${liveRegion} now; choose a preset to replace it`;
  }
  return (
    <TextField
      id="scaling-policy-preset"
      select
      label="Preset"
      value={value}
      onChange={event =>
        onChange(
          event.target.value === LIVE_PRESET
            ? LIVE_PRESET
            : presets.find(preset => preset.name === event.target.value),
        )
      }
      SelectProps={{ native: true }}
      helperText={helperText}
      InputLabelProps={{ shrink: true }}
      fullWidth
    >
      {liveRegion && (
        <option value={LIVE_PRESET}>{`Live HPA (${liveRegion})`}</option>
      )}
      <option value={CUSTOM_PRESET}>Custom</option>
      {presets.map(preset => (
        <option key={preset.name} value={preset.name}>
          {preset.name}
        </option>
      ))}
    </TextField>
  );
}
