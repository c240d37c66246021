import { ALL_REGIONS } from '@meschain/backstage-plugin-scaling-common';
import { scalingState, usEastDeployment } from '../../__testUtils__/fixtures';
import {
  liveDifferencesOf,
  LiveRegionPolicy,
  livePoliciesOf,
  liveStartOf,
  selectedRegionsOf,
} from './livePolicies';

const cpu70 = {
  minReplicas: 2,
  maxReplicas: 20,
  targets: [{ kind: 'cpu' as const, averageUtilization: 70 }],
};

describe('livePoliciesOf', () => {
  it('reads each region’s live policy, and says why one is not known', () => {
    const state = {
      ...scalingState,
      clusters: scalingState.clusters.map(cluster =>
        cluster.region === 'us-east'
          ? {
              ...cluster,
              workloads: [
                {
                  ...usEastDeployment,
                  autoscaler: {
                    ...usEastDeployment.autoscaler!,
                    policy: { policy: cpu70, unsupported: [] },
                  },
                },
              ],
            }
          : cluster,
      ),
    };

    expect(livePoliciesOf(state)).toEqual([
      { region: 'eu-west' },
      { region: 'us-east', live: { policy: cpu70, unsupported: [] } },
      {
        region: 'ap-southeast',
        unknown:
          'its cluster did not answer (meschain-ap-southeast did not answer within 5000 ms)',
      },
    ]);
  });
});

describe('liveStartOf and liveDifferencesOf', () => {
  const live: LiveRegionPolicy[] = [
    { region: 'eu-west', live: { policy: cpu70, unsupported: [] } },
    {
      region: 'us-east',
      live: {
        policy: { ...cpu70, maxReplicas: 12 },
        unsupported: [
          {
            field: 'spec.metrics[1]',
            message: 'This metric scales on the gpu resource',
          },
        ],
      },
    },
    { region: 'ap-southeast', live: { policy: cpu70, unsupported: [] } },
    { region: 'tr-central' },
  ];
  const regions = live.map(entry => entry.region);

  it('starts from the first selected region with an HPA, or the first region with one', () => {
    expect(liveStartOf(live, ['tr-central', 'us-east'])).toEqual({
      region: 'us-east',
      policy: { ...cpu70, maxReplicas: 12 },
    });
    expect(liveStartOf(live, [])?.region).toBe('eu-west');
    expect(liveStartOf(live, ['tr-central'])).toBeUndefined();
    expect(selectedRegionsOf(regions, [ALL_REGIONS])).toEqual(regions);
  });

  it('groups each differing field’s values with the regions that have them', () => {
    expect(liveDifferencesOf(live, regions)).toEqual({
      reference: 'eu-west',
      fields: [
        {
          path: 'spec.maxReplicas',
          values: [
            { value: 20, regions: ['eu-west', 'ap-southeast'] },
            { value: 12, regions: ['us-east'] },
          ],
        },
      ],
      withoutHpa: ['tr-central'],
      unknown: [],
      unsupported: [
        {
          region: 'us-east',
          problem: {
            field: 'spec.metrics[1]',
            message: 'This metric scales on the gpu resource',
          },
        },
      ],
    });
    expect(liveDifferencesOf(live, ['eu-west', 'ap-southeast']).fields).toEqual(
      [],
    );
  });
});
