import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import { ContainerImage } from '@meschain/backstage-plugin-scaling-common';
import { useCallback, useState } from 'react';
import { useRolloutAction } from '../../hooks';
import { RolloutActionDialog } from '../RolloutActionDialog';
import { describeRolloutAction } from './describeRolloutAction';
import { rolloutActionLabels } from './rolloutLabels';
import { PendingRolloutAction } from './RolloutTarget';
import { imageChangeProblem, SetImageFields } from './SetImageFields';

/** Asks to confirm the chosen action, saying what it will do, then sends it. */
export function RolloutActionConfirmation(props: {
  pending: PendingRolloutAction;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { pending, onClose, onChanged } = props;
  const { target, action, revision } = pending;
  const { workload } = target;
  const runAction = useRolloutAction();
  const alertApi = useApi(alertApiRef);
  const containers = workload.canaryImages ?? workload.stableImages;
  const [image, setImage] = useState<ContainerImage>(containers[0]);
  const imageProblem =
    action === 'set-image' && Boolean(imageChangeProblem(containers, image));

  const label = rolloutActionLabels[action];
  const object = revision ? ` to revision ${revision.revision}` : '';
  const onConfirm = useCallback(async () => {
    const result = await runAction({
      cluster: target.cluster,
      workload: {
        kind: workload.kind,
        namespace: workload.namespace,
        name: workload.name,
      },
      action,
      ...(revision && { revision: revision.revision }),
      ...(action === 'set-image' && {
        image: { container: image.container, image: image.image.trim() },
      }),
    });
    alertApi.post({
      message: `${label}${object} accepted for ${workload.name} in ${result.region}; its progress shows live`,
      severity: 'success',
      display: 'transient',
    });
  }, [
    runAction,
    target,
    workload,
    action,
    revision,
    image,
    alertApi,
    label,
    object,
  ]);

  return (
    <RolloutActionDialog
      title={`${label} ${workload.name} in ${target.region}${object}?`}
      confirmLabel={`${label}${object}`}
      confirmDisabled={imageProblem}
      onConfirm={onConfirm}
      onClose={onClose}
      onChanged={onChanged}
    >
      <Typography paragraph>
        {workload.kind} <strong>{workload.name}</strong> in {workload.namespace}
        , cluster {target.cluster}
      </Typography>
      <Typography paragraph>{describeRolloutAction(pending)}</Typography>
      {action === 'set-image' && image && (
        <SetImageFields
          containers={containers}
          value={image}
          onChange={setImage}
        />
      )}
    </RolloutActionDialog>
  );
}
