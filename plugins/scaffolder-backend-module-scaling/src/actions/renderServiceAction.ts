import { Config } from '@backstage/config';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { readPlatformSettings, renderNewService } from '../render';
import { examples } from './renderServiceAction.examples';

/** Where the rendered manifests are written in the new service's repository. */
export const MANIFESTS_PATH = 'kubernetes/manifests.yaml';

/** The platform's services share one namespace in every cluster. */
const DEFAULT_NAMESPACE = 'meschain-sync';
const DEFAULT_PORT = 8080;

const QUANTITY = /^[0-9]+(\.[0-9]+)?(m|k|M|G|Ki|Mi|Gi)?$/;

/**
 * `meschain:scaling:render`: a new service's workload, Services,
 * PodDisruptionBudget and HPA, and its `catalog-info.yaml`, rendered with the
 * scaling suite's renderers from the template's answers.
 */
export function createRenderServiceAction(options: { config: Config }) {
  const settings = readPlatformSettings(options.config);
  return createTemplateAction({
    id: 'meschain:scaling:render',
    description:
      "Renders a new MesChain service's Kubernetes manifests (workload, Services, PodDisruptionBudget, HPA) and its catalog-info.yaml",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        name: z => z.string().describe('The service name, a DNS-1123 label'),
        title: z => z.string().optional(),
        description: z => z.string().optional(),
        owner: z =>
          z.string().describe('The owner, e.g. group:default/platform-team'),
        system: z => z.string().optional(),
        tier: z =>
          z.string().describe('The tier label: critical, high or standard'),
        regions: z =>
          z.array(z.string()).min(1).describe('Region ids of scaling.regions'),
        onCall: z => z.array(z.string()).optional(),
        namespace: z => z.string().optional().describe('Default meschain-sync'),
        image: z => z.string().min(1),
        port: z => z.number().int().min(1).max(65535).optional(),
        resources: z =>
          z.object({
            requests: z.object({
              cpu: z
                .string()
                .regex(QUANTITY, 'must be a quantity such as 250m'),
              memory: z
                .string()
                .regex(QUANTITY, 'must be a quantity such as 256Mi'),
            }),
            limits: z
              .object({
                cpu: z
                  .string()
                  .regex(QUANTITY, 'must be a quantity such as 500m')
                  .optional(),
                memory: z
                  .string()
                  .regex(QUANTITY, 'must be a quantity such as 512Mi')
                  .optional(),
              })
              .optional(),
          }),
        strategy: z =>
          z
            .string()
            .describe('rolling, or the id of a rollout strategy template'),
        scaling: z =>
          z.object({
            preset: z.string(),
            minReplicas: z.number().int().optional(),
            maxReplicas: z.number().int().optional(),
            target: z.number().optional(),
          }),
      },
      output: {
        entityRef: z => z.string(),
        regions: z => z.array(z.string()),
        manifests: z => z.array(z.record(z.string(), z.unknown())),
        manifestsPath: z => z.string(),
      },
    },
    async handler(ctx) {
      const rendered = renderNewService(
        {
          ...ctx.input,
          namespace: ctx.input.namespace ?? DEFAULT_NAMESPACE,
          port: ctx.input.port ?? DEFAULT_PORT,
          onCall: ctx.input.onCall ?? [],
        },
        settings,
      );
      await fs.writeFile(
        join(ctx.workspacePath, 'catalog-info.yaml'),
        stringify(rendered.entity),
      );
      await fs.mkdir(join(ctx.workspacePath, 'kubernetes'), {
        recursive: true,
      });
      await fs.writeFile(
        join(ctx.workspacePath, MANIFESTS_PATH),
        rendered.manifests.map(manifest => stringify(manifest)).join('---\n'),
      );
      ctx.logger.info(
        `Rendered ${
          rendered.manifests.length
        } manifests for ${ctx.input.regions.join(', ')}`,
      );
      ctx.output('entityRef', stringifyEntityRef(rendered.entity));
      ctx.output('regions', ctx.input.regions);
      ctx.output('manifests', rendered.manifests);
      ctx.output('manifestsPath', MANIFESTS_PATH);
    },
  });
}
