import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  ANNOTATION_KUBERNETES_AUTH_PROVIDER,
  ANNOTATION_KUBERNETES_AWS_ASSUME_ROLE,
  ANNOTATION_KUBERNETES_AWS_EXTERNAL_ID,
  ANNOTATION_KUBERNETES_OIDC_TOKEN_PROVIDER,
} from '@backstage/plugin-kubernetes-common';
import { AuthMetadata } from '@backstage/plugin-kubernetes-node';

/** Upstream requires an `authProvider`; the scaling backend has always defaulted to this one. */
export const DEFAULT_AUTH_PROVIDER = 'serviceAccount';

/** The keys of a cluster entry that upstream's config locator copies into `authMetadata`, and where to. */
const AUTH_METADATA_OF_ENTRY_KEYS: Record<string, string> = {
  serviceAccountToken: 'serviceAccountToken',
  assumeRole: ANNOTATION_KUBERNETES_AWS_ASSUME_ROLE,
  externalId: ANNOTATION_KUBERNETES_AWS_EXTERNAL_ID,
  oidcTokenProvider: ANNOTATION_KUBERNETES_OIDC_TOKEN_PROVIDER,
};

/**
 * The `authMetadata` block of a config entry. It is read whole because its
 * keys may hold dots (`kubernetes.io/auth-provider`), which config paths
 * cannot address.
 */
export function readAuthMetadataBlock(
  entry: Config,
  settingPath: string,
): AuthMetadata {
  const block = entry.getOptional('authMetadata');
  if (block === undefined) {
    return {};
  }
  if (typeof block !== 'object' || block === null || Array.isArray(block)) {
    throw new InputError(
      `Invalid config ${settingPath}.authMetadata: it must be an object of strings`,
    );
  }
  const nonString = Object.keys(block).find(
    key => typeof block[key] !== 'string',
  );
  if (nonString !== undefined) {
    throw new InputError(
      `Invalid config ${settingPath}.authMetadata: "${nonString}" must be a string`,
    );
  }
  return { ...(block as AuthMetadata) };
}

/**
 * The `authMetadata` of a `type: config` cluster entry, built as upstream's
 * config cluster locator builds it: `authProvider` and the flat keys such as
 * `serviceAccountToken`, then the entry's own `authMetadata` block, which
 * wins.
 */
export function readConfigClusterAuthMetadata(
  entry: Config,
  settingPath: string,
): AuthMetadata {
  const authMetadata: AuthMetadata = {
    [ANNOTATION_KUBERNETES_AUTH_PROVIDER]:
      entry.getOptionalString('authProvider') ?? DEFAULT_AUTH_PROVIDER,
  };
  for (const [entryKey, authKey] of Object.entries(
    AUTH_METADATA_OF_ENTRY_KEYS,
  )) {
    const value = entry.getOptionalString(entryKey);
    if (value) {
      authMetadata[authKey] = value;
    }
  }
  return { ...authMetadata, ...readAuthMetadataBlock(entry, settingPath) };
}
