import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { ServiceManifestsApplier } from '../scalingBackend/applyServiceManifests';
import { examples } from './applyManifestsAction.examples';

/**
 * `meschain:kubernetes:apply`: applies a rendered service to the clusters of
 * its regions through the scaling backend, which dry-runs every region first
 * and writes only when all pass. In the template editor's dry run, only the
 * server-side dry run is made.
 */
export function createApplyManifestsAction(options: {
  apply: ServiceManifestsApplier;
}) {
  return createTemplateAction({
    id: 'meschain:kubernetes:apply',
    description:
      "Applies a new MesChain service's manifests to each of its regions' clusters, after a server-side dry run in all of them",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        entityRef: z => z.string().describe('The entity the service will be'),
        owner: z => z.string().describe('Its owner; the user must be a member'),
        regions: z => z.array(z.string()).min(1),
        manifests: z => z.array(z.record(z.string(), z.unknown())).min(1),
      },
      output: {
        changed: z =>
          z
            .array(z.string())
            .describe('cluster/kind/name of every object written'),
        unchanged: z =>
          z.number().describe('How many objects were already as rendered'),
      },
    },
    async handler(ctx) {
      const result = await options.apply(
        { ...ctx.input, dryRun: ctx.isDryRun ?? false },
        await ctx.getInitiatorCredentials(),
      );
      const objects = result.regions.flatMap(region =>
        region.objects.map(object => ({ ...object, cluster: region.cluster })),
      );
      const changed = objects.filter(object => object.outcome !== 'unchanged');
      for (const object of objects) {
        ctx.logger.info(
          `${object.cluster}: ${object.kind} ${object.namespace}/${
            object.name
          } ${object.outcome}${result.dryRun ? ' (dry run)' : ''}`,
        );
      }
      ctx.output(
        'changed',
        changed.map(
          object => `${object.cluster}/${object.kind}/${object.name}`,
        ),
      );
      ctx.output('unchanged', objects.length - changed.length);
    },
  });
}
