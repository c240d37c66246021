import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import type { Region } from '@meschain/backstage-plugin-scaling-common';
import useAsync from 'react-use/esm/useAsync';
import { regionsApiRef } from '../../api';

/** "primary, DR partner EU Central" or "DR for Türkiye Central": a region's role and partner. */
function roleOf(region: Region, byId: Map<string, Region>): string {
  const partner = region.drRegion && byId.get(region.drRegion);
  if (region.role === 'dr') {
    return partner ? `DR for ${partner.displayName}` : 'DR';
  }
  return partner ? `primary, DR partner ${partner.displayName}` : 'primary';
}

/** The chosen primaries whose DR partner is not chosen, for a reminder: they could not fail over. */
function withoutPartner(chosen: string[], byId: Map<string, Region>) {
  return chosen
    .map(id => byId.get(id))
    .filter(
      (region): region is Region =>
        region?.role === 'primary' &&
        region.drRegion !== undefined &&
        !chosen.includes(region.drRegion),
    );
}

/**
 * The template's regions field: every region of `scaling.regions` with its
 * role and DR partner, from the scaling backend's regions API.
 */
export function RegionPickerField(
  props: FieldExtensionComponentProps<string[]>,
) {
  const { formData, onChange, schema, required, rawErrors, uiSchema } = props;
  const regionsApi = useApi(regionsApiRef);
  const { value, loading, error } = useAsync(
    () => regionsApi.getRegionsOverview(),
    [regionsApi],
  );
  const chosen = formData ?? [];
  const regions = value?.regions.map(facts => facts.region) ?? [];
  const byId = new Map(regions.map(region => [region.id, region]));
  const title = uiSchema?.['ui:title'] ?? schema.title ?? 'Regions';

  if (loading) {
    return <Progress />;
  }

  function toggle(id: string, checked: boolean) {
    const next = checked
      ? [...chosen, id]
      : chosen.filter(region => region !== id);
    // Kept in the order of scaling.regions, whatever the order of the clicks.
    onChange(regions.map(region => region.id).filter(r => next.includes(r)));
  }

  const unpaired = withoutPartner(chosen, byId);
  return (
    <FormControl
      component="fieldset"
      required={required}
      error={Boolean(error) || (rawErrors?.length ?? 0) > 0}
    >
      <FormLabel component="legend">{title}</FormLabel>
      {error ? (
        <FormHelperText>
          The regions could not be read: {error.message}
        </FormHelperText>
      ) : (
        <FormGroup>
          {regions.map(region => (
            <FormControlLabel
              key={region.id}
              control={
                <Checkbox
                  checked={chosen.includes(region.id)}
                  onChange={(_, checked) => toggle(region.id, checked)}
                  name={region.id}
                />
              }
              label={`${region.displayName} (${region.id}) — ${roleOf(
                region,
                byId,
              )}`}
            />
          ))}
        </FormGroup>
      )}
      {schema.description && (
        <FormHelperText>{schema.description}</FormHelperText>
      )}
      {unpaired.map(region => (
        <FormHelperText key={region.id}>
          {region.displayName} could not fail over: its DR partner{' '}
          {byId.get(region.drRegion!)?.displayName ?? region.drRegion} is not
          chosen.
        </FormHelperText>
      ))}
    </FormControl>
  );
}
