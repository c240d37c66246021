import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeRolloutsApi } from '../../__testUtils__/fakeRolloutsApi';
import { fakeScalingApi } from '../../__testUtils__/fakeScalingApi';
import { entityRef, otherTeamsEntity } from '../../__testUtils__/fixtures';
import { renderWithEntity } from '../../__testUtils__/renderWithEntity';
import { responseError } from '../../__testUtils__/responseError';
import {
  blueGreenWithPreview,
  pausedCanary,
  rolloutState,
  settledDeployment,
} from '../../__testUtils__/rolloutFixtures';
import { EntityDeploymentsContent } from './EntityDeploymentsContent';

const workload = {
  kind: 'Rollout',
  namespace: 'meschain-sync',
  name: 'order-service',
};

function actionResult(action: string) {
  return {
    cluster: 'meschain-eu-west',
    region: 'eu-west',
    workload,
    action,
    before: { phase: 'Paused', paused: true, aborted: false, images: [] },
    after: { phase: 'Progressing', paused: false, aborted: false, images: [] },
  };
}

async function renderTab(
  rolloutsApi = fakeRolloutsApi(),
  options: { denied?: boolean } = {},
) {
  await renderWithEntity(<EntityDeploymentsContent />, {
    scalingApi: fakeScalingApi(),
    rolloutsApi,
    ...(options.denied && {
      permission: AuthorizeResult.DENY,
      entity: otherTeamsEntity,
    }),
  });
  return rolloutsApi;
}

describe('EntityDeploymentsContent', () => {
  it('shows a canary’s steps, weights and revisions, and a failed region’s error', async () => {
    const rolloutsApi = await renderTab();

    expect(rolloutsApi.getEntityRollouts).toHaveBeenCalledWith(entityRef);
    const steps = await screen.findByRole('region', {
      name: 'Canary steps of order-service in eu-west',
    });
    expect(
      within(steps).getByText('Step 2 of 4: Pause until promoted'),
    ).toBeInTheDocument();
    expect(
      within(steps).getByText(/Canary weight: 20 % set, 25 %\s+actual/),
    ).toBeInTheDocument();
    expect(within(steps).getByText('waiting for promote')).toBeInTheDocument();
    expect(within(steps).getByText('Pause 1 min')).toBeInTheDocument();
    expect(
      screen.getByText(
        /Stable: meschain\/order-service:1.9.3 · New: meschain\/order-service:1.10.0/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /TimeoutError: meschain-ap-southeast did not answer within 5000 ms/,
      ),
    ).toBeInTheDocument();

    // Retry applies only to an aborted rollout; the backend's list decides.
    expect(
      screen.getByRole('button', { name: 'Retry order-service in eu-west' }),
    ).toHaveAttribute('aria-disabled', 'true');
    expect(
      screen.getByRole('button', {
        name: 'Roll back order-service in eu-west to revision 2',
      }),
    ).toHaveAttribute('aria-disabled', 'true');
    // Each enabled button says on hover what it will do.
    await userEvent.hover(
      screen.getByRole('button', { name: 'Abort order-service in eu-west' }),
    );
    expect(
      await screen.findByText(/Sends all traffic back to the stable version/),
    ).toBeInTheDocument();
    // A paused canary is followed at the normal pace: it waits for the user.
    expect(
      screen.queryByRole('status', { name: 'Live progress' }),
    ).not.toBeInTheDocument();
  });

  it('promotes after confirmation, saying what will happen, then reads again', async () => {
    const rolloutsApi = await renderTab(
      fakeRolloutsApi({
        runRolloutAction: jest.fn().mockResolvedValue(actionResult('promote')),
      }),
    );

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Promote order-service in eu-west',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(
        'Ends the current pause and moves the canary on to step 3 of 4: Weight 50 %.',
      ),
    ).toBeInTheDocument();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Promote' }),
    );

    await waitFor(() =>
      expect(rolloutsApi.runRolloutAction).toHaveBeenCalledWith(entityRef, {
        cluster: 'meschain-eu-west',
        workload,
        action: 'promote',
      }),
    );
    await waitFor(() =>
      expect(rolloutsApi.getEntityRollouts).toHaveBeenCalledTimes(2),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
  });

  it('promotes with the keyboard alone and keeps the focus on Promote once it no longer applies', async () => {
    const progressing = {
      ...rolloutState,
      clusters: rolloutState.clusters.map(cluster => ({
        ...cluster,
        workloads: cluster.workloads?.map(state => ({
          ...state,
          phase: 'Progressing' as const,
          paused: false,
          pauseConditions: [],
          availableActions: state.availableActions.filter(
            action => action !== 'promote',
          ),
        })),
      })),
    };
    const rolloutsApi = await renderTab(
      fakeRolloutsApi({
        getEntityRollouts: jest
          .fn()
          .mockResolvedValueOnce(rolloutState)
          .mockResolvedValue(progressing),
        runRolloutAction: jest.fn().mockResolvedValue(actionResult('promote')),
      }),
    );
    const promote = await screen.findByRole('button', {
      name: 'Promote order-service in eu-west',
    });
    while (document.activeElement !== promote) {
      await userEvent.tab();
    }
    await userEvent.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog');
    const confirm = within(dialog).getByRole('button', { name: 'Promote' });
    while (document.activeElement !== confirm) {
      await userEvent.tab();
    }
    await userEvent.keyboard('{Enter}');

    await waitFor(() =>
      expect(rolloutsApi.runRolloutAction).toHaveBeenCalledWith(entityRef, {
        cluster: 'meschain-eu-west',
        workload,
        action: 'promote',
      }),
    );
    await waitFor(() =>
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument(),
    );
    await waitFor(() =>
      expect(promote).toHaveAttribute('aria-disabled', 'true'),
    );
    expect(promote).toHaveFocus();
    // It says why, and Enter no longer opens anything.
    expect(promote).toHaveAccessibleDescription(
      /Does not apply while the rollout is progressing/,
    );
    await userEvent.keyboard('{Enter}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(rolloutsApi.runRolloutAction).toHaveBeenCalledTimes(1);
  });

  it('rolls back to a chosen revision', async () => {
    const rolloutsApi = await renderTab(
      fakeRolloutsApi({
        runRolloutAction: jest.fn().mockResolvedValue(actionResult('undo')),
      }),
    );

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Roll back order-service in eu-west to revision 1',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(
        /Returns to revision 1 \(meschain\/order-service:1.9.3\)/,
      ),
    ).toBeInTheDocument();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Roll back to revision 1' }),
    );

    await waitFor(() =>
      expect(rolloutsApi.runRolloutAction).toHaveBeenCalledWith(entityRef, {
        cluster: 'meschain-eu-west',
        workload,
        action: 'undo',
        revision: 1,
      }),
    );
  });

  it('sets a new image only once it differs from the running one', async () => {
    const rolloutsApi = await renderTab(
      fakeRolloutsApi({
        runRolloutAction: jest
          .fn()
          .mockResolvedValue(actionResult('set-image')),
      }),
    );

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Set image order-service in eu-west',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    const confirm = within(dialog).getByRole('button', { name: 'Set image' });
    expect(confirm).toBeDisabled();
    const image = within(dialog).getByLabelText('New image');
    // The running image it opens with is not flagged as a mistake; an empty one is.
    expect(image).not.toHaveAttribute('aria-invalid', 'true');
    await userEvent.clear(image);
    expect(image).toHaveAttribute('aria-invalid', 'true');
    expect(
      within(dialog).getByText('Type the image to run, e.g. registry/name:tag'),
    ).toBeInTheDocument();
    await userEvent.type(image, 'meschain/order-service:1.11.0');
    await userEvent.click(confirm);

    await waitFor(() =>
      expect(rolloutsApi.runRolloutAction).toHaveBeenCalledWith(entityRef, {
        cluster: 'meschain-eu-west',
        workload,
        action: 'set-image',
        image: {
          container: 'order-service',
          image: 'meschain/order-service:1.11.0',
        },
      }),
    );
  });

  it('shows the backend’s 409 reason in the dialog and keeps it open', async () => {
    const message =
      'Rollout order-service in meschain-eu-west is not paused: there is nothing to promote';
    await renderTab(
      fakeRolloutsApi({
        runRolloutAction: jest
          .fn()
          .mockRejectedValue(
            await responseError(409, { name: 'ConflictError', message }),
          ),
      }),
    );

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Abort order-service in eu-west',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Abort' }),
    );

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(message);
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('shows a blue-green rollout’s active and preview versions', async () => {
    await renderTab(
      fakeRolloutsApi({
        getEntityRollouts: jest.fn().mockResolvedValue({
          ...rolloutState,
          clusters: [
            { ...rolloutState.clusters[0], workloads: [blueGreenWithPreview] },
          ],
        }),
      }),
    );

    const sides = await screen.findByRole('region', {
      name: 'Blue-green versions of order-service in eu-west',
    });
    expect(
      within(sides).getByText(
        'revision 1: meschain/order-service:1.9.3 (service order-service)',
      ),
    ).toBeInTheDocument();
    expect(
      within(sides).getByText(
        'revision 2: meschain/order-service:1.10.0 (service order-service-preview)',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Promote order-service in eu-west' }),
    ).not.toHaveAttribute('aria-disabled');
  });

  it('counts a timed pause down from when the backend read it, whatever the browser’s clock', async () => {
    await renderTab(
      fakeRolloutsApi({
        getEntityRollouts: jest.fn().mockResolvedValue({
          ...rolloutState,
          clusters: [
            {
              ...rolloutState.clusters[0],
              // Read at 12:00:10 on the server; the pause ends 45 s later.
              workloads: [
                {
                  ...pausedCanary,
                  pauseConditions: [
                    {
                      reason: 'CanaryPauseStep',
                      startTime: '2026-11-26T11:59:55Z',
                      endsAt: '2026-11-26T12:00:55Z',
                    },
                  ],
                  canary: {
                    ...pausedCanary.canary!,
                    steps: pausedCanary.canary!.steps.map(step =>
                      step.index === 1 ? { ...step, pauseSeconds: 60 } : step,
                    ),
                  },
                },
              ],
            },
          ],
        }),
      }),
    );

    // The browser's clock is a day later: without the anchor this would read 'ending now'.
    expect(await screen.findByText(/^4[0-5] s left$/)).toBeInTheDocument();
    expect(screen.getByText('Step 2 of 4: Pause 1 min')).toBeInTheDocument();
    // A timed pause ends on its own: the tab follows it live.
    expect(
      screen.getByRole('status', { name: 'Live progress' }),
    ).toBeInTheDocument();
  });

  it('shows a Deployment’s rolling update and pauses it', async () => {
    const rolloutsApi = await renderTab(
      fakeRolloutsApi({
        getEntityRollouts: jest.fn().mockResolvedValue({
          ...rolloutState,
          clusters: [
            { ...rolloutState.clusters[0], workloads: [settledDeployment] },
          ],
        }),
        runRolloutAction: jest.fn().mockResolvedValue(actionResult('pause')),
      }),
    );

    const update = await screen.findByRole('region', {
      name: 'Rolling update of order-service in eu-west',
    });
    expect(
      within(update).getByText(
        '3 updated · 3 ready · 3 available of 3 desired',
      ),
    ).toBeInTheDocument();
    expect(
      within(update).getByText(
        /RollingUpdate, max surge 25%, max unavailable 0/,
      ),
    ).toBeInTheDocument();
    expect(
      within(update).getByText(/True: NewReplicaSetAvailable/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Resume order-service in eu-west' }),
    ).toHaveAttribute('aria-disabled', 'true');
    expect(
      screen.queryByRole('button', {
        name: 'Promote order-service in eu-west',
      }),
    ).not.toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'Pause order-service in eu-west' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(/Stops the rolling update where it is/),
    ).toBeInTheDocument();
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Pause' }),
    );
    await waitFor(() =>
      expect(rolloutsApi.runRolloutAction).toHaveBeenCalledWith(entityRef, {
        cluster: 'meschain-eu-west',
        workload: { ...workload, kind: 'Deployment' },
        action: 'pause',
      }),
    );
  });

  it('follows a moving rollout live', async () => {
    await renderTab(
      fakeRolloutsApi({
        getEntityRollouts: jest.fn().mockResolvedValue({
          ...rolloutState,
          clusters: [
            {
              ...rolloutState.clusters[0],
              workloads: [
                {
                  ...pausedCanary,
                  phase: 'Progressing',
                  paused: false,
                  pauseConditions: [],
                },
              ],
            },
          ],
        }),
      }),
    );

    expect(
      await screen.findByRole('status', { name: 'Live progress' }),
    ).toBeInTheDocument();
  });

  it('disables every action for another team’s service, saying why', async () => {
    await renderTab(fakeRolloutsApi(), { denied: true });

    expect(
      (
        await screen.findAllByText(
          /Only the owners of this service may act on its rollouts/,
        )
      )[0],
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Promote order-service in eu-west' }),
    ).toHaveAttribute('aria-disabled', 'true');
    expect(
      screen.getByRole('button', {
        name: 'Roll back order-service in eu-west to revision 1',
      }),
    ).toHaveAttribute('aria-disabled', 'true');
  });

  it('shows a finished A/B rollout without canary weights, its steps in words and a promote’s history entry by what changed', async () => {
    const images = pausedCanary.canaryImages!;
    const finishedAb = {
      ...pausedCanary,
      strategy: 'ab' as const,
      phase: 'Healthy' as const,
      paused: false,
      pauseConditions: [],
      stableImages: images,
      canaryImages: undefined,
      canary: {
        ...pausedCanary.canary!,
        steps: [
          {
            index: 0,
            kind: 'setCanaryScale' as const,
            canaryScale: { replicas: 1 },
            state: 'completed' as const,
          },
          { index: 1, kind: 'pause' as const, state: 'completed' as const },
        ],
        currentStepIndex: 2,
        setWeight: 100,
        actualWeight: 100,
      },
    };
    const snapshot = {
      phase: 'Paused',
      paused: true,
      aborted: false,
      currentStepIndex: 1,
      images,
    };
    const scalingApi = fakeScalingApi({
      getHistory: jest.fn().mockResolvedValue({
        events: [
          {
            id: 'audit-9',
            source: 'suite',
            time: '2026-11-26T12:05:00Z',
            region: 'eu-west',
            cluster: 'meschain-eu-west',
            workload,
            action: 'rollout.promote',
            actor: 'user:default/guest',
            outcome: 'succeeded',
            before: snapshot,
            after: { ...snapshot, paused: false },
          },
        ],
      }),
    });
    await renderWithEntity(<EntityDeploymentsContent />, {
      scalingApi,
      rolloutsApi: fakeRolloutsApi({
        getEntityRollouts: jest.fn().mockResolvedValue({
          ...rolloutState,
          clusters: [{ ...rolloutState.clusters[0], workloads: [finishedAb] }],
        }),
      }),
    });

    const steps = await screen.findByRole('region', {
      name: 'Canary steps of order-service in eu-west',
    });
    expect(
      within(steps).getByText(
        'No update in progress: all traffic goes to the stable version',
      ),
    ).toBeInTheDocument();
    expect(within(steps).queryByText(/Canary weight/)).not.toBeInTheDocument();
    expect(
      within(steps).getByText('Canary scale 1 replica'),
    ).toBeInTheDocument();

    const history = await screen.findByRole('region', { name: 'History' });
    expect(
      await within(history).findByText(
        'Paused, 1 step done → Resuming, 1 step done · meschain/order-service:1.10.0',
      ),
    ).toBeInTheDocument();
  });
});
