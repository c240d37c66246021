export interface Config {
  scaling?: {
    scaffolder?: {
      /**
       * A directory, relative to the backend's working directory, where
       * `meschain:publish:local` commits new services' repositories when no
       * Git host is used (local development, CI). The catalog must read
       * `<directory>/{name}/catalog-info.yaml` through a glob `file` location.
       * Unset in production, where templates publish to GitHub.
       */
      localRepositories?: string;
    };
  };
}
