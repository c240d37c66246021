import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Divider from '@material-ui/core/Divider';
import Alert from '@material-ui/lab/Alert';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_SCALING_POLICY,
  describePolicyMapping,
  PolicyProblem,
  ScalingOptions,
  ScalingPolicy,
  ScalingPreset,
  validateScalingPolicy,
} from '@meschain/backstage-plugin-scaling-common';
import { useMemo, useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { useScalingActions } from '../../hooks';
import { policyProblemsOf } from '../responseErrors';
import { WriteErrorAlert } from '../WriteErrorAlert';
import { BehaviorFields } from './BehaviorFields';
import { PolicyApplyResults } from './PolicyApplyResults';
import { PolicyDeleteSection } from './PolicyDeleteSection';
import { PolicyPreview } from './PolicyPreview';
import {
  LiveRegionPolicy,
  liveDifferencesOf,
  liveStartOf,
  selectedRegionsOf,
} from './livePolicies';
import { LiveDifferencesNotice } from './LiveDifferencesNotice';
import { CUSTOM_PRESET, LIVE_PRESET, PresetSelect } from './PresetSelect';
import { problemAt } from './policyProblems';
import { RegionPicker } from './RegionPicker';
import { ReplicaBoundsFields } from './ReplicaBoundsFields';
import { TargetList } from './TargetList';
import { WhatIfSection } from './WhatIfSection';

/** The props of {@link PolicyEditorDialog}. */
export interface PolicyEditorDialogProps {
  open: boolean;
  options: ScalingOptions;
  /** The entity's regions, in order. */
  regions: string[];
  /** What runs in each region now: the form starts from it. */
  live: LiveRegionPolicy[];
  /** Whether the user may apply; the reason is shown when not. */
  deniedReason?: string;
  onClose: () => void;
  /** Called after an apply, so the views read the clusters again. */
  onChanged: () => void;
}

const fallbackPolicy: ScalingPolicy = {
  minReplicas: 2,
  maxReplicas: 10,
  targets: [{ kind: 'cpu', averageUtilization: 70 }],
};

/** Whether two policies say the same; the live one is read again every 30 s. */
function samePolicy(a: ScalingPolicy, b: ScalingPolicy): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Builds an autoscaling policy from the live HPA, a preset or by hand, checks
 * it as it is typed, replays the service's past load under it (what-if),
 * previews the HPA per region with a server-side dry run, and applies it.
 *
 * Until the user edits the form or chooses a preset, the form shows the live
 * HPA of the first selected region (of the first region that has one while
 * none is selected), and says where the selected regions' HPAs differ.
 */
export function PolicyEditorDialog(props: PolicyEditorDialogProps) {
  const { open, options, regions, live, deniedReason, onClose, onChanged } =
    props;
  const { presets, guardRails } = options;
  const actions = useScalingActions();
  const { entity } = useEntity();
  // Without any live HPA, start from the preset the entity's annotation names, else the first one.
  const annotated = entity.metadata.annotations?.[ANNOTATION_SCALING_POLICY];
  const initialPreset =
    presets.find(preset => preset.name === annotated) ?? presets[0];
  // What the user chose or typed; while unset, the form follows the live HPA.
  const [draft, setDraft] = useState<{
    presetName: string;
    policy: ScalingPolicy;
  }>();
  const [selectedRegions, setSelectedRegions] = useState<string[]>([]);
  const targetRegions = useMemo(
    () => selectedRegionsOf(regions, selectedRegions),
    [regions, selectedRegions],
  );
  const liveStart = useMemo(
    () => liveStartOf(live, targetRegions),
    [live, targetRegions],
  );
  const differences = useMemo(
    () => liveDifferencesOf(live, targetRegions),
    [live, targetRegions],
  );
  let presetName = initialPreset?.name ?? CUSTOM_PRESET;
  let policy = initialPreset?.policy ?? fallbackPolicy;
  if (draft) {
    ({ presetName, policy } = draft);
  } else if (liveStart) {
    presetName = LIVE_PRESET;
    policy = liveStart.policy;
  }
  // What the last request sent, so that its answer is hidden once the form changes.
  const [requested, setRequested] = useState<{
    policy: ScalingPolicy;
    regions: string[];
  }>();

  const validation = useMemo(
    () =>
      validateScalingPolicy(policy, {
        maxReplicas: guardRails.maxReplicas,
        tier: guardRails.tier,
        allowZero: guardRails.scaleToZeroAllowed,
      }),
    [policy, guardRails],
  );
  const notes = useMemo(
    () => (validation.valid ? describePolicyMapping(validation.policy) : []),
    [validation],
  );

  const [request, send] = useAsyncFn(
    async (checked: ScalingPolicy, dryRun: boolean) => {
      setRequested({ policy, regions: selectedRegions });
      const result = await actions.applyPolicy({
        regions: selectedRegions,
        policy: checked,
        dryRun,
      });
      if (!dryRun) {
        onChanged();
      }
      return result;
    },
    [actions, selectedRegions, policy, onChanged],
  );

  // The answer, and the problems the server found, hold until the form changes.
  const current =
    requested !== undefined &&
    samePolicy(requested.policy, policy) &&
    requested.regions === selectedRegions;
  const serverProblems =
    request.error && current ? policyProblemsOf(request.error) : [];
  const problems: PolicyProblem[] = [
    ...(validation.valid ? [] : validation.problems),
    ...serverProblems,
  ];

  const edit = (next: ScalingPolicy) =>
    setDraft({ presetName: CUSTOM_PRESET, policy: next });
  const choosePreset = (
    choice: ScalingPreset | typeof LIVE_PRESET | undefined,
  ) => {
    if (choice === LIVE_PRESET) {
      setDraft(undefined);
    } else {
      setDraft({
        presetName: choice?.name ?? CUSTOM_PRESET,
        policy: choice?.policy ?? policy,
      });
    }
  };

  const blocked =
    Boolean(deniedReason) ||
    !validation.valid ||
    selectedRegions.length === 0 ||
    request.loading;
  const policyProblem = problemAt(problems, '');
  const result = current && !request.error ? request.value : undefined;

  return (
    <Dialog
      open={open}
      onClose={onClose}
      aria-labelledby="scaling-policy-editor-title"
      fullWidth
      maxWidth="md"
    >
      <DialogTitle id="scaling-policy-editor-title">
        Autoscaling policy
      </DialogTitle>
      <DialogContent>
        {deniedReason && (
          <Alert severity="warning" style={{ marginBottom: 16 }}>
            {deniedReason}
          </Alert>
        )}
        <Box mb={2}>
          <PresetSelect
            presets={presets}
            value={presetName}
            liveRegion={liveStart?.region}
            onChange={choosePreset}
          />
        </Box>
        <ReplicaBoundsFields
          minReplicas={policy.minReplicas}
          maxReplicas={policy.maxReplicas}
          guardRails={guardRails}
          problems={problems}
          onChange={bounds => edit({ ...policy, ...bounds })}
        />
        <Box my={2}>
          <TargetList
            targets={policy.targets}
            problems={problems}
            notes={notes}
            onChange={targets => edit({ ...policy, targets })}
          />
        </Box>
        <Box my={2}>
          <BehaviorFields
            behavior={policy.behavior}
            problems={problems}
            notes={notes}
            onChange={behavior => {
              const { behavior: _dropped, ...rest } = policy;
              edit(behavior ? { ...rest, behavior } : rest);
            }}
          />
        </Box>
        {policyProblem && <Alert severity="error">{policyProblem}</Alert>}
        <Box my={2}>
          <RegionPicker
            regions={regions}
            allowedRegions={guardRails.allowedRegions}
            value={selectedRegions}
            onChange={setSelectedRegions}
          />
          <LiveDifferencesNotice differences={differences} />
          <PolicyDeleteSection
            regions={selectedRegions}
            disabled={Boolean(deniedReason)}
            onChanged={onChanged}
          />
        </Box>
        <Divider />
        <Box my={2}>
          <WhatIfSection
            policy={validation.valid ? validation.policy : undefined}
            regions={[...new Set([...selectedRegions, ...regions])]}
          />
        </Box>
        {request.error && current && (
          <WriteErrorAlert error={request.error} onReload={onChanged} />
        )}
        {result && (
          <>
            <Divider />
            {result.dryRun ? (
              <PolicyPreview result={result} />
            ) : (
              <PolicyApplyResults result={result} />
            )}
          </>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
        <Button
          variant="outlined"
          color="primary"
          disabled={blocked}
          onClick={() => validation.valid && send(validation.policy, true)}
        >
          Preview
        </Button>
        <Button
          variant="contained"
          color="primary"
          disabled={blocked}
          onClick={() => validation.valid && send(validation.policy, false)}
        >
          Apply
        </Button>
      </DialogActions>
    </Dialog>
  );
}
