import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { join } from 'node:path';
import { LocalRepositories } from '../localRepositories/localRepositories';
import { publishLocally } from '../localRepositories/publishLocally';
import { refreshFileLocation } from '../localRepositories/refreshLocation';

/**
 * `meschain:publish:local`: where no Git host is configured (a laptop, CI),
 * commits the new service to a Git repository under
 * `scaling.scaffolder.localRepositories` that the catalog reads, and has the
 * catalog read it now. Without that setting it does nothing and says so in
 * its `published` output, so a template publishes to GitHub instead.
 */
export function createPublishLocalAction(options: {
  repositories: LocalRepositories | undefined;
  catalog: CatalogService;
}) {
  const { repositories, catalog } = options;
  return createTemplateAction({
    id: 'meschain:publish:local',
    description:
      "Commits the workspace to a local Git repository the portal's catalog reads, when scaling.scaffolder.localRepositories is set",
    schema: {
      input: {
        name: z =>
          z
            .string()
            .regex(
              /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/,
              'must be a DNS-1123 label',
            )
            .describe("The repository's name"),
        description: z => z.string().optional(),
      },
      output: {
        published: z => z.boolean(),
        remoteUrl: z => z.string().optional(),
      },
    },
    async handler(ctx) {
      if (!repositories) {
        ctx.logger.info('No local repositories are configured; nothing to do');
        ctx.output('published', false);
        return;
      }
      const path = join(repositories.directory, ctx.input.name);
      const author = ctx.user?.entity;
      await publishLocally({
        workspacePath: ctx.workspacePath,
        path,
        author: {
          name:
            author?.spec.profile?.displayName ??
            author?.metadata.name ??
            'Scaffolder',
          email: author?.spec.profile?.email ?? 'scaffolder@meschain.local',
        },
        message: ctx.input.description
          ? `Create ${ctx.input.name}: ${ctx.input.description}`
          : `Create ${ctx.input.name}`,
        logger: ctx.logger,
      });
      const location = await refreshFileLocation(
        catalog,
        repositories.directory,
        await ctx.getInitiatorCredentials(),
      );
      ctx.logger.info(`Committed ${path}; ${location} is read again`);
      ctx.output('published', true);
      ctx.output('remoteUrl', `file://${path}`);
    },
  });
}
