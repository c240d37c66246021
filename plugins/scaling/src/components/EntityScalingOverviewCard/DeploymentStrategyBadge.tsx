import { useEntity } from '@backstage/plugin-catalog-react';
import Chip from '@material-ui/core/Chip';
import { readScalingAnnotations } from '@meschain/backstage-plugin-scaling-common';
import { deploymentStrategyLabels } from '../labels';

/** The deployment strategy the entity declares (`meschain.io/deployment-strategy`). */
export function DeploymentStrategyBadge() {
  const { entity } = useEntity();
  const { deploymentStrategy } = readScalingAnnotations(entity);
  return deploymentStrategy ? (
    <Chip
      size="small"
      color="primary"
      label={deploymentStrategyLabels[deploymentStrategy]}
    />
  ) : (
    <>Not declared</>
  );
}
