import {
  Content,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import { useMemo, useState } from 'react';
import { EntityScalingState } from '@meschain/backstage-plugin-scaling-common';
import {
  ScalingControlAccess,
  useEntityReload,
  useEntityScalingState,
  useScalingOptions,
  useScalingPermissions,
} from '../../hooks';
import { livePoliciesOf, PolicyEditorDialog } from '../PolicyEditor';
import { PredictiveScalingSection } from '../PredictiveScheduleCard';
import { ScaleDialog, ScaleTarget } from '../ScaleDialog';
import { EntityScalingHistory } from '../ScalingHistoryTimeline';
import { ScalingStateTable } from '../ScalingStateTable';
import { EntityFactsSection } from './EntityFactsSection';
import { ScalingToolbar } from './ScalingToolbar';

/** The table once the state is read; a refresh keeps the last answer on screen. */
function ScalingState(props: {
  state?: EntityScalingState;
  error?: Error;
  access: ScalingControlAccess;
  onScale: (target: ScaleTarget) => void;
}) {
  const { state, error, access, onScale } = props;
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!state) {
    return <Progress />;
  }
  return <ScalingStateTable state={state} access={access} onScale={onScale} />;
}

/**
 * @public
 * The "Scaling" tab of a service's entity page: replicas and HPAs per region,
 * scaling, the policy editor and the history, above the service's facts.
 */
export function EntityScalingContent() {
  const scaling = useEntityScalingState();
  const options = useScalingOptions();
  const access = useScalingPermissions();
  const [scaleTarget, setScaleTarget] = useState<ScaleTarget>();
  const [editingPolicy, setEditingPolicy] = useState(false);

  const refresh = useEntityReload();

  const regions = [
    ...new Set(scaling.value?.clusters.map(cluster => cluster.region) ?? []),
  ];
  const live = useMemo(
    () => (scaling.value ? livePoliciesOf(scaling.value) : []),
    [scaling.value],
  );
  let editorUnavailable: string | undefined;
  if (options.error) {
    editorUnavailable = `The scaling options could not be read: ${options.error.message}`;
  } else if (!options.value) {
    editorUnavailable = 'Loading the presets and guard-rails…';
  }

  return (
    <Content noPadding>
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <ScalingToolbar
            replicas={access.replicas}
            policy={access.policy}
            editorUnavailable={editorUnavailable}
            readAt={scaling.readAt}
            onEditPolicy={() => setEditingPolicy(true)}
          />
          <ScalingState
            state={scaling.value}
            error={scaling.error}
            access={access.replicas}
            onScale={setScaleTarget}
          />
        </Grid>
        <Grid item xs={12}>
          <PredictiveScalingSection
            regions={regions}
            access={access.replicas}
            onChanged={refresh}
          />
        </Grid>
        <Grid item xs={12}>
          <EntityScalingHistory />
        </Grid>
        <Grid item xs={12}>
          <EntityFactsSection />
        </Grid>
      </Grid>
      <ScaleDialog
        key={scaleTarget?.workload.resourceVersion}
        target={scaleTarget}
        guardRails={options.value?.guardRails}
        onClose={() => setScaleTarget(undefined)}
        onChanged={refresh}
      />
      {options.value && editingPolicy && (
        <PolicyEditorDialog
          open
          options={options.value}
          regions={regions}
          live={live}
          deniedReason={access.policy.reason}
          onClose={() => setEditingPolicy(false)}
          onChanged={refresh}
        />
      )}
    </Content>
  );
}
