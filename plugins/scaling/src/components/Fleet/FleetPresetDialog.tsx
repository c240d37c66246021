import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { PolicyApplyResult } from '@meschain/backstage-plugin-scaling-common';
import { useState } from 'react';
import {
  useScalingActions,
  useScalingOptions,
  useScalingPermissions,
} from '../../hooks';
import { ConfirmWrite } from '../ConfirmWrite';

/** What an apply did, region by region, in one sentence. */
export function describePresetApply(
  preset: string,
  serviceName: string,
  result: PolicyApplyResult,
): string {
  const outcomes = result.results.map(region =>
    region.outcome === 'failed'
      ? `failed in ${region.region}${
          region.error ? ` (${region.error.message})` : ''
        }`
      : `${region.outcome} in ${region.region}`,
  );
  return `Applied preset ${preset} to ${serviceName}: ${
    outcomes.join(', ') || 'no region'
  }`;
}

/**
 * Applies one of the platform's presets to every region of the page's
 * entity, through the policy editor's write: owners only, audited.
 */
export function FleetPresetDialog(props: {
  serviceName: string;
  regions: string[];
  onClose: () => void;
  onChanged: () => void;
}) {
  const { serviceName, regions, onClose, onChanged } = props;
  const options = useScalingOptions();
  const { policy: access } = useScalingPermissions();
  const actions = useScalingActions();
  const [presetName, setPresetName] = useState('');
  const preset = options.value?.presets.find(
    candidate => candidate.name === presetName,
  );

  const apply = async () => {
    if (!preset) {
      throw new Error('Choose a preset');
    }
    const result = await actions.applyPolicy({
      regions: ['*'],
      policy: preset.policy,
    });
    return describePresetApply(preset.name, serviceName, result);
  };

  let body;
  if (options.error) {
    body = (
      <DialogContent>
        <ResponseErrorPanel error={options.error} />
      </DialogContent>
    );
  } else if (!options.value) {
    body = (
      <DialogContent>
        <Progress />
      </DialogContent>
    );
  } else {
    body = (
      <ConfirmWrite
        confirmLabel="Apply"
        confirmDisabled={!preset || !access.allowed}
        onConfirm={apply}
        onClose={onClose}
        onChanged={onChanged}
      >
        {access.reason && (
          <Alert severity="warning" style={{ marginBottom: 16 }}>
            {access.reason}
          </Alert>
        )}
        <TextField
          id="fleet-preset"
          select
          label="Preset"
          value={presetName}
          onChange={event => setPresetName(event.target.value)}
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
          helperText={preset?.description ?? 'The policy to apply'}
          fullWidth
        >
          <option value="">Choose a preset</option>
          {options.value.presets.map(candidate => (
            <option key={candidate.name} value={candidate.name}>
              {candidate.name}
            </option>
          ))}
        </TextField>
        <Typography paragraph style={{ marginTop: 16 }}>
          {`Replaces the autoscaling policy of ${serviceName} in every region it runs in: ${regions.join(
            ', ',
          )}.`}
        </Typography>
      </ConfirmWrite>
    );
  }
  return (
    <Dialog
      open
      onClose={onClose}
      aria-labelledby="fleet-preset-title"
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle id="fleet-preset-title">{`Apply a preset to ${serviceName}`}</DialogTitle>
      {body}
    </Dialog>
  );
}
