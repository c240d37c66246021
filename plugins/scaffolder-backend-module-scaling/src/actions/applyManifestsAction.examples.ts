import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { stringify } from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Applies what meschain:scaling:render rendered, in every chosen region',
    example: stringify({
      steps: [
        {
          id: 'apply',
          action: 'meschain:kubernetes:apply',
          name: 'Apply to the regions',
          input: {
            entityRef: '${{ steps.render.output.entityRef }}',
            owner: '${{ parameters.owner }}',
            regions: '${{ steps.render.output.regions }}',
            manifests: '${{ steps.render.output.manifests }}',
          },
        },
      ],
    }),
  },
];
