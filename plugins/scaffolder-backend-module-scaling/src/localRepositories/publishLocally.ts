import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import { executeShellCommand } from '@backstage/plugin-scaffolder-node';
import { promises as fs } from 'node:fs';

async function exists(path: string) {
  return fs.access(path).then(
    () => true,
    () => false,
  );
}

/**
 * Copies the workspace into a new Git repository at `path` and commits it on
 * `main`, as a first push to a hosted repository would.
 *
 * @throws ConflictError when a repository is already there: a service's name is taken once
 */
export async function publishLocally(options: {
  workspacePath: string;
  path: string;
  author: { name: string; email: string };
  message: string;
  logger: LoggerService;
}): Promise<void> {
  const { workspacePath, path, author, message, logger } = options;
  if (await exists(path)) {
    throw new ConflictError(`A repository already exists at ${path}`);
  }
  await fs.cp(workspacePath, path, {
    recursive: true,
    filter: source => !source.split('/').includes('.git'),
  });
  const git = (...args: string[]) =>
    executeShellCommand({
      command: 'git',
      args,
      options: {
        cwd: path,
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: author.name,
          GIT_AUTHOR_EMAIL: author.email,
          GIT_COMMITTER_NAME: author.name,
          GIT_COMMITTER_EMAIL: author.email,
        },
      },
      logger,
    });
  await git('init', '--quiet', '--initial-branch=main');
  await git('add', '--all');
  await git('commit', '--quiet', '--message', message);
}
