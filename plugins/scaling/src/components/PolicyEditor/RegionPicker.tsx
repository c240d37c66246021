import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import { ALL_REGIONS } from '@meschain/backstage-plugin-scaling-common';

/** Chooses the regions a policy goes to: one, several, or all of the entity's. */
export function RegionPicker(props: {
  regions: string[];
  /** Regions the guard-rails allow; every region when empty. */
  allowedRegions: string[];
  value: string[];
  onChange: (regions: string[]) => void;
}) {
  const { regions, allowedRegions, value, onChange } = props;
  const all = value.includes(ALL_REGIONS);
  const isAllowed = (region: string) =>
    allowedRegions.length === 0 || allowedRegions.includes(region);
  const toggle = (region: string, checked: boolean) =>
    onChange(
      checked ? [...value, region] : value.filter(item => item !== region),
    );
  return (
    <FormControl component="fieldset" error={value.length === 0}>
      <FormLabel component="legend">Regions</FormLabel>
      <FormGroup row>
        <FormControlLabel
          control={
            <Checkbox
              checked={all}
              onChange={event =>
                onChange(event.target.checked ? [ALL_REGIONS] : [])
              }
            />
          }
          label="All regions"
        />
        {regions.map(region => (
          <FormControlLabel
            key={region}
            control={
              <Checkbox
                checked={all || value.includes(region)}
                disabled={all || !isAllowed(region)}
                onChange={event => toggle(region, event.target.checked)}
              />
            }
            label={region}
          />
        ))}
      </FormGroup>
      <FormHelperText>
        {value.length === 0
          ? 'Choose at least one region'
          : regions.filter(region => !isAllowed(region)).length > 0 &&
            `The guard-rails allow only ${allowedRegions.join(', ')}`}
      </FormHelperText>
    </FormControl>
  );
}
