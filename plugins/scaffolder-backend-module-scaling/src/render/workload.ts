import { InputError } from '@backstage/errors';
import {
  renderDeployment,
  renderRollout,
  ROLLOUT_STRATEGY_TEMPLATES,
  RolloutServiceSpec,
  RolloutStrategyTemplate,
} from '@meschain/backstage-plugin-scaling-common';

/** The strategy of a plain Deployment, beside the rollout templates' ids. */
export const ROLLING = 'rolling';

/** Every strategy a new service can start with: `rolling`, then the rollout templates. */
export const SERVICE_STRATEGIES = [
  ROLLING,
  ...ROLLOUT_STRATEGY_TEMPLATES.map(template => template.id),
];

/**
 * @throws InputError naming `strategy` when it is neither `rolling` nor a template's id
 */
export function strategyTemplateFor(
  strategy: string,
): RolloutStrategyTemplate | undefined {
  if (strategy === ROLLING) {
    return undefined;
  }
  const template = ROLLOUT_STRATEGY_TEMPLATES.find(t => t.id === strategy);
  if (!template) {
    throw new InputError(
      `strategy: ${JSON.stringify(
        strategy,
      )} is not one of ${SERVICE_STRATEGIES.join(', ')}`,
    );
  }
  return template;
}

/**
 * The service's Deployment, or its Rollout from the strategy template.
 *
 * @throws InputError naming the field the shared renderers refuse
 */
export function renderWorkload(
  template: RolloutStrategyTemplate | undefined,
  service: RolloutServiceSpec,
) {
  try {
    return template
      ? renderRollout(template, service)
      : renderDeployment(service);
  } catch (error) {
    // The renderers name the field in a TypeError; the scaffolder shows an InputError as the user's mistake.
    if (error instanceof TypeError) {
      throw new InputError(error.message);
    }
    throw error;
  }
}

/**
 * The Services a strategy routes through, e.g. `orders` and `orders-preview`
 * for blue-green: the names the rendered Rollout refers to.
 */
export function serviceNamesOf(
  rollout: { spec: { strategy: unknown } } | undefined,
  name: string,
): string[] {
  if (!rollout) {
    return [name];
  }
  const strategy = rollout.spec.strategy as {
    blueGreen?: { activeService: string; previewService?: string };
    canary?: { stableService?: string; canaryService?: string };
  };
  const names = [
    name,
    strategy.blueGreen?.activeService,
    strategy.blueGreen?.previewService,
    strategy.canary?.stableService,
    strategy.canary?.canaryService,
  ].filter((n): n is string => Boolean(n));
  return [...new Set(names)];
}
