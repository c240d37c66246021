import { screen } from '@testing-library/react';
import { fakeScalingApi } from '../../__testUtils__/fakeScalingApi';
import { entity, entityRef } from '../../__testUtils__/fixtures';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { EntityScalingOverviewCard } from './EntityScalingOverviewCard';

describe('EntityScalingOverviewCard', () => {
  it('sums up replicas and autoscaling across regions, naming unreachable ones', async () => {
    const scalingApi = fakeScalingApi();
    await renderWithEntity(<EntityScalingOverviewCard />, { scalingApi });

    expect(scalingApi.getEntityScaling).toHaveBeenCalledWith(entityRef);
    expect(await screen.findByText('8 of 9 ready')).toBeInTheDocument();
    expect(screen.getByText('2 in 3 regions')).toBeInTheDocument();
    expect(
      screen.getByText('1 of 2 workloads, 2 to 20 replicas in total'),
    ).toBeInTheDocument();
    expect(screen.getByText('ap-southeast')).toBeInTheDocument();
  });

  it('shows the deployment strategy the service declares', async () => {
    await renderWithEntity(<EntityScalingOverviewCard />, {
      scalingApi: fakeScalingApi(),
      entity: {
        ...entity,
        metadata: {
          ...entity.metadata,
          annotations: { 'meschain.io/deployment-strategy': 'blue-green' },
        },
      },
    });

    expect(await screen.findByText('Blue-green')).toBeInTheDocument();
  });
});
