import { NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { ScalingEntityFacts } from '@meschain/backstage-plugin-scaling-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { entityRef, otherTeamsEntity } from '../../__testUtils__/fixtures';
import { fakeScalingApi } from '../../__testUtils__/fakeScalingApi';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { responseError } from '../../__testUtils__/responseError';
import { EntityScalingContent } from './EntityScalingContent';

const facts: ScalingEntityFacts = {
  entityRef: 'component:default/order-service',
  name: 'order-service',
  description: 'Orders, payments and fulfilment',
  owner: 'group:default/commerce-team',
  system: 'system:default/meschain-sync',
  lifecycle: 'production',
  tier: 'critical',
  onCall: ['user:default/elif.kaya'],
  scalingPolicy: 'requests',
  deploymentStrategy: 'canary',
  workload: { kubernetesId: 'order-service', namespace: 'meschain-sync' },
  regions: ['us-east', 'sa-east'],
  clusters: [
    {
      name: 'meschain-us-east',
      entityRef: 'resource:default/meschain-us-east',
      region: 'us-east',
      role: 'primary',
      location: 'Virginia, US',
      drRegion: 'us-west',
    },
  ],
  regionsWithoutCluster: ['sa-east'],
  problems: [
    {
      annotation: 'meschain.io/deployment-strategy',
      message: '"big-bang" is not one of rolling, blue-green, canary, ab',
    },
  ],
  annotations: {},
};

function rowOf(region: string): HTMLElement {
  const row = screen
    .getAllByRole('row')
    .find(candidate => within(candidate).queryByText(region));
  if (!row) {
    throw new Error(`No row for ${region}`);
  }
  return row;
}

describe('EntityScalingContent', () => {
  it('shows each region’s replicas and HPA, and a failed region’s error', async () => {
    const scalingApi = fakeScalingApi();
    await renderWithEntity(<EntityScalingContent />, { scalingApi });

    expect(scalingApi.getEntityScaling).toHaveBeenCalledWith(entityRef);
    await screen.findByText('Replicas and autoscaling per region');

    const euWest = rowOf('eu-west');
    expect(within(euWest).getByText('3')).toBeInTheDocument();
    expect(
      within(euWest).getByText('3 ready · 3 available · 3 updated'),
    ).toBeInTheDocument();
    expect(
      within(euWest).getByText('No HPA: replicas are set by hand'),
    ).toBeInTheDocument();

    const usEast = rowOf('us-east');
    expect(within(usEast).getByText('6')).toBeInTheDocument();
    expect(
      within(usEast).getByText('5 ready · 5 available · 6 updated'),
    ).toBeInTheDocument();
    expect(
      within(usEast).getByText('cpu: 45 % of 70 % target'),
    ).toBeInTheDocument();
    expect(within(usEast).getByText(/2 to\s+20 replicas/)).toBeInTheDocument();
    expect(
      within(usEast).getByText('AbleToScale: ReadyForNewScale'),
    ).toBeInTheDocument();

    expect(
      within(rowOf('ap-southeast')).getByText(
        /TimeoutError: meschain-ap-southeast did not answer within 5000 ms/,
      ),
    ).toBeInTheDocument();
    expect(
      within(rowOf('ap-southeast')).queryByRole('button', { name: /Scale/ }),
    ).not.toBeInTheDocument();
  });

  it('scales a workload after confirmation, sending its resourceVersion, then reads again', async () => {
    const scalingApi = fakeScalingApi({
      scaleWorkload: jest.fn().mockResolvedValue({
        cluster: 'meschain-eu-west',
        region: 'eu-west',
        workload: {
          kind: 'Deployment',
          namespace: 'meschain-sync',
          name: 'order-service',
        },
        before: 3,
        after: 4,
      }),
    });
    await renderWithEntity(<EntityScalingContent />, { scalingApi });

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Scale order-service in eu-west',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(/at most 30 replicas for critical services/),
    ).toBeInTheDocument();
    const replicas = within(dialog).getByLabelText('Replicas');
    await userEvent.clear(replicas);
    await userEvent.type(replicas, '4');
    expect(within(dialog).getByText(/Change:/)).toHaveTextContent(
      'Change: 3 → 4 replicas',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Confirm' }),
    );

    await waitFor(() =>
      expect(scalingApi.scaleWorkload).toHaveBeenCalledWith(entityRef, {
        cluster: 'meschain-eu-west',
        workload: {
          kind: 'Deployment',
          namespace: 'meschain-sync',
          name: 'order-service',
        },
        replicas: 4,
        resourceVersion: '41',
      }),
    );
    await waitFor(() =>
      expect(scalingApi.getEntityScaling).toHaveBeenCalledTimes(2),
    );
    expect(scalingApi.getHistory).toHaveBeenCalledTimes(2);
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });

  it('refuses a count over the guard-rail before sending anything', async () => {
    const scalingApi = fakeScalingApi();
    await renderWithEntity(<EntityScalingContent />, { scalingApi });

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Scale order-service in eu-west',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    const replicas = within(dialog).getByLabelText('Replicas');
    await userEvent.clear(replicas);
    await userEvent.type(replicas, '31');

    expect(
      within(dialog).getByText('At most 30 replicas for critical services'),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByRole('button', { name: 'Confirm' }),
    ).toBeDisabled();
  });

  it('shows a 409 clearly and offers to reload', async () => {
    const message =
      'Deployment order-service in meschain-eu-west was changed since you loaded it; reload and try again';
    const scalingApi = fakeScalingApi({
      scaleWorkload: jest
        .fn()
        .mockRejectedValue(
          await responseError(409, { name: 'ConflictError', message }),
        ),
    });
    await renderWithEntity(<EntityScalingContent />, { scalingApi });

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Scale order-service in eu-west',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(
      within(dialog).getByLabelText('Replicas'),
      '{backspace}5',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Confirm' }),
    );

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent(message);
    // A refused write may mean the view is stale: it is read again at once.
    await waitFor(() =>
      expect(scalingApi.getEntityScaling).toHaveBeenCalledTimes(2),
    );
    await userEvent.click(
      within(alert).getByRole('button', { name: 'Reload' }),
    );
    await waitFor(() =>
      expect(scalingApi.getEntityScaling).toHaveBeenCalledTimes(3),
    );
  });

  it('edits the HPA’s minimum and maximum when an HPA owns the workload', async () => {
    const scalingApi = fakeScalingApi({
      setAutoscalerBounds: jest.fn().mockResolvedValue({
        cluster: 'meschain-us-east',
        region: 'us-east',
        hpa: 'order-service-hpa',
        before: { min: 2, max: 20 },
        after: { min: 3, max: 20 },
      }),
    });
    await renderWithEntity(<EntityScalingContent />, { scalingApi });

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Scale order-service in us-east',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(
        /HorizontalPodAutoscaler order-service-hpa owns the replicas of order-service/,
      ),
    ).toBeInTheDocument();
    expect(within(dialog).queryByLabelText('Replicas')).not.toBeInTheDocument();
    const min = within(dialog).getByLabelText('Minimum replicas');
    await userEvent.clear(min);
    await userEvent.type(min, '3');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Confirm' }),
    );

    await waitFor(() =>
      expect(scalingApi.setAutoscalerBounds).toHaveBeenCalledWith(entityRef, {
        cluster: 'meschain-us-east',
        workload: {
          kind: 'Deployment',
          namespace: 'meschain-sync',
          name: 'order-service',
        },
        minReplicas: 3,
        maxReplicas: 20,
      }),
    );
    expect(scalingApi.scaleWorkload).not.toHaveBeenCalled();
  });

  it('scales with the keyboard alone and gives focus back to the Scale button', async () => {
    const scalingApi = fakeScalingApi({
      scaleWorkload: jest.fn().mockResolvedValue({
        cluster: 'meschain-eu-west',
        region: 'eu-west',
        workload: {
          kind: 'Deployment',
          namespace: 'meschain-sync',
          name: 'order-service',
        },
        before: 3,
        after: 4,
      }),
    });
    await renderWithEntity(<EntityScalingContent />, { scalingApi });
    const scale = await screen.findByRole('button', {
      name: 'Scale order-service in eu-west',
    });

    // Escape closes the dialog and puts focus back where it was.
    scale.focus();
    await userEvent.keyboard('{Enter}');
    await screen.findByRole('dialog');
    await userEvent.keyboard('{Escape}');
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    expect(scale).toHaveFocus();

    // So does a confirmed change, after the tab reads the state again.
    await userEvent.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog');
    const replicas = within(dialog).getByLabelText('Replicas');
    while (document.activeElement !== replicas) {
      await userEvent.tab();
    }
    await userEvent.keyboard('{Control>}a{/Control}4');
    while (
      document.activeElement !==
      within(dialog).getByRole('button', { name: 'Confirm' })
    ) {
      await userEvent.tab();
    }
    await userEvent.keyboard('{Enter}');
    await waitFor(() =>
      expect(scalingApi.scaleWorkload).toHaveBeenCalledWith(
        entityRef,
        expect.objectContaining({ replicas: 4 }),
      ),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    await waitFor(() =>
      expect(scalingApi.getEntityScaling).toHaveBeenCalledTimes(2),
    );
    expect(
      screen.getByRole('button', { name: 'Scale order-service in eu-west' }),
    ).toHaveFocus();
  });

  it('disables the controls and says why when the user may not change scaling', async () => {
    const scalingApi = fakeScalingApi();
    await renderWithEntity(<EntityScalingContent />, {
      scalingApi,
      entity: otherTeamsEntity,
      permission: AuthorizeResult.DENY,
    });

    expect(
      await screen.findByText(
        'Only the owners of this service may scale it (scaling.replicas.update).',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Only the owners of this service may change its autoscaling policy (scaling.policy.update).',
      ),
    ).toBeInTheDocument();
    for (const region of ['eu-west', 'us-east']) {
      expect(
        await screen.findByRole('button', {
          name: `Scale order-service in ${region}`,
        }),
      ).toBeDisabled();
    }
    expect(screen.getByRole('button', { name: 'Edit policy' })).toBeDisabled();
  });

  it('shows the history of our actions and the cluster’s', async () => {
    await renderWithEntity(<EntityScalingContent />, {
      scalingApi: fakeScalingApi(),
    });

    const history = await screen.findByRole('region', { name: 'History' });
    expect(
      await within(history).findByText('Scaled replicas'),
    ).toBeInTheDocument();
    expect(within(history).getByText('Backstage')).toBeInTheDocument();
    expect(within(history).getByText('guest')).toBeInTheDocument();
    expect(within(history).getByText('Succeeded')).toBeInTheDocument();
    expect(within(history).getByText('2 → 3')).toBeInTheDocument();
    expect(within(history).getByText('HPA rescaled')).toBeInTheDocument();
    expect(within(history).getByText('Cluster')).toBeInTheDocument();
    expect(within(history).getByText('HPA controller')).toBeInTheDocument();
    expect(
      within(history).getByText(
        'New size: 6; reason: cpu resource utilization above target',
      ),
    ).toBeInTheDocument();
  });

  it('keeps showing the service’s facts', async () => {
    const getEntityFacts = jest.fn().mockResolvedValue(facts);
    await renderWithEntity(<EntityScalingContent />, {
      scalingApi: fakeScalingApi({ getEntityFacts }),
    });

    expect(getEntityFacts).toHaveBeenCalledWith(entityRef);
    expect(
      await screen.findByText('Orders, payments and fulfilment'),
    ).toBeInTheDocument();
    expect(screen.getByText('commerce-team')).toBeInTheDocument();
    expect(screen.getByText('Requests per replica')).toBeInTheDocument();
    expect(screen.getByText('Canary')).toBeInTheDocument();
    expect(
      screen.getByText('backstage.io/kubernetes-id=order-service'),
    ).toBeInTheDocument();
    expect(screen.getByText('Virginia, US')).toBeInTheDocument();
    expect(screen.getByText('No cluster in the catalog')).toBeInTheDocument();
    expect(
      screen.getByText(
        /"big-bang" is not one of rolling, blue-green, canary, ab/,
      ),
    ).toBeInTheDocument();
  });

  it('says what went wrong when the scaling state cannot be read', async () => {
    await renderWithEntity(<EntityScalingContent />, {
      scalingApi: fakeScalingApi({
        getEntityScaling: jest
          .fn()
          .mockRejectedValue(
            new NotFoundError(
              'No entity named component:default/order-service in the catalog',
            ),
          ),
      }),
    });

    expect(
      await screen.findAllByText(
        'Error: No entity named component:default/order-service in the catalog',
      ),
    ).not.toHaveLength(0);
  });
});
