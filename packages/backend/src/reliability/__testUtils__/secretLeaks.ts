import yaml from 'js-yaml';

/** Where a secret showed up, with a little context; never the whole line, which holds the secret. */
export interface Leak {
  where: string;
  secret: string;
}

/** Every credential and certificate a kubeconfig carries: tokens, client certificates and keys, CA data. */
export function kubeconfigSecrets(text: string): string[] {
  const config = yaml.load(text) as {
    clusters?: Array<{ cluster?: Record<string, string> }>;
    users?: Array<{ user?: Record<string, string> }>;
  };
  const values = [
    ...(config.users ?? []).flatMap(u => [
      u.user?.token,
      u.user?.['client-certificate-data'],
      u.user?.['client-key-data'],
    ]),
    ...(config.clusters ?? []).map(
      c => c.cluster?.['certificate-authority-data'],
    ),
  ];
  return values
    .filter((v): v is string => Boolean(v))
    .flatMap(v => [v, ...decodedPem(v)]);
}

/** Base64 data of a PEM also counts decoded, as it would be logged once read. */
function decodedPem(data: string): string[] {
  const decoded = Buffer.from(data, 'base64').toString('utf8');
  return decoded.includes('-----BEGIN') ? [decoded.trim()] : [];
}

/** Any PEM block: a certificate or key has no business in an answer or a log line. */
const PEM_MARKER = '-----BEGIN';

const masked = (secret: string) =>
  secret === PEM_MARKER
    ? secret
    : `${secret.slice(0, 4)}… (${secret.length} chars)`;

/** The texts (answers, log lines) in which any secret, or a PEM block, appears. */
export function findLeaks(
  texts: Array<{ where: string; text: string }>,
  secrets: string[],
): Leak[] {
  // Short values would match by chance; the sandbox's and real tokens are far longer.
  const searched = [...new Set(secrets.filter(s => s.length >= 8)), PEM_MARKER];
  return texts.flatMap(({ where, text }) =>
    searched
      .filter(secret => text.includes(secret))
      .map(secret => ({ where, secret: masked(secret) })),
  );
}
