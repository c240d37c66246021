import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'A canary-deployed service in two regions, scaling on CPU between 3 and 12 replicas at 65 %',
    example: stringify({
      steps: [
        {
          id: 'render',
          action: 'meschain:scaling:render',
          name: 'Render the manifests',
          input: {
            name: 'orders',
            owner: 'group:default/commerce-team',
            system: 'meschain-sync',
            tier: 'high',
            regions: ['eu-west', 'eu-central'],
            onCall: ['user:default/guest'],
            image: 'ghcr.io/meschain/orders:1.0.0',
            resources: { requests: { cpu: '250m', memory: '256Mi' } },
            strategy: 'canary-10-25-50-100',
            scaling: {
              preset: 'cpu',
              minReplicas: 3,
              maxReplicas: 12,
              target: 65,
            },
          },
        },
      ],
    }),
  },
];
