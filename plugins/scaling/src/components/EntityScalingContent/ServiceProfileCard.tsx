import { InfoCard, StructuredMetadataTable } from '@backstage/core-components';
import { EntityRefLink, EntityRefLinks } from '@backstage/plugin-catalog-react';
import Chip from '@material-ui/core/Chip';
import { ScalingEntityFacts } from '@meschain/backstage-plugin-scaling-common';
import { deploymentStrategyLabels, scalingPolicyLabels } from '../labels';

const notSet = 'Not set';

export function ServiceProfileCard({ facts }: { facts: ScalingEntityFacts }) {
  const metadata = {
    owner: facts.owner ? <EntityRefLink entityRef={facts.owner} /> : notSet,
    tier: facts.tier ? <Chip size="small" label={facts.tier} /> : notSet,
    lifecycle: facts.lifecycle ?? notSet,
    system: facts.system ? <EntityRefLink entityRef={facts.system} /> : notSet,
    'on-call':
      facts.onCall.length > 0 ? (
        <EntityRefLinks entityRefs={facts.onCall} defaultKind="user" />
      ) : (
        'Nobody'
      ),
    'scaling policy': facts.scalingPolicy
      ? scalingPolicyLabels[facts.scalingPolicy]
      : notSet,
    'deployment strategy': facts.deploymentStrategy
      ? deploymentStrategyLabels[facts.deploymentStrategy]
      : notSet,
  };

  return (
    <InfoCard title="Service" subheader={facts.description}>
      <StructuredMetadataTable metadata={metadata} />
    </InfoCard>
  );
}
