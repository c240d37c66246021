export interface Config {
  scaling?: {
    scaffolder?: {
      /**
       * Where the "New MesChain service" template publishes a new service:
       * `github` (the default, as in production) through `publish:github`,
       * or `local`, a Git repository under `localRepositories` that the
       * portal's catalog reads, for running end to end without a Git host.
       */
      publishTo?: 'github' | 'local';
      /**
       * With `publishTo: local`: the directory, relative to the backend's
       * working directory, where `meschain:publish:local` commits one
       * repository per service. The catalog must read
       * `<directory>/{name}/catalog-info.yaml` through a glob `file` location.
       */
      localRepositories?: string;
    };
  };
}
