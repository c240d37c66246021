import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A certificate and its key, as files and as PEM text. */
export interface KeyPair {
  certFile: string;
  keyFile: string;
  certPem: string;
  keyPem: string;
}

/** The certificates and keys the real control plane runs with. One set serves every cluster. */
export interface ControlPlanePki {
  /** Signs the API servers' serving certificates and the client certificates they accept. */
  ca: KeyPair;
  /** Serves every API server on 127.0.0.1. */
  apiServer: KeyPair;
  /** `system:masters`: the launcher, controllers and kubectl. */
  admin: KeyPair;
  /** Signs the certificate the aggregator presents to the metrics adapters. */
  frontProxyCa: KeyPair;
  frontProxyClient: KeyPair;
  /** Signs and verifies service-account tokens. */
  serviceAccountKeyFile: string;
  serviceAccountPublicKeyFile: string;
}

const DAYS = '3650';

function openssl(args: string[]): void {
  execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

function keyPair(dir: string, name: string): KeyPair {
  const certFile = join(dir, `${name}.crt`);
  const keyFile = join(dir, `${name}.key`);
  return {
    certFile,
    keyFile,
    get certPem() {
      return readFileSync(certFile, 'utf8');
    },
    get keyPem() {
      return readFileSync(keyFile, 'utf8');
    },
  };
}

function newKey(file: string): void {
  openssl([
    'genpkey',
    '-algorithm',
    'EC',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-out',
    file,
  ]);
}

function selfSignedCa(dir: string, name: string, commonName: string): KeyPair {
  const pair = keyPair(dir, name);
  newKey(pair.keyFile);
  openssl([
    'req',
    '-x509',
    '-new',
    '-key',
    pair.keyFile,
    '-out',
    pair.certFile,
    '-days',
    DAYS,
    '-subj',
    `/CN=${commonName}`,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign,digitalSignature',
  ]);
  return pair;
}

function signed(
  dir: string,
  name: string,
  ca: KeyPair,
  subject: string,
  extensions: string[],
): KeyPair {
  const pair = keyPair(dir, name);
  newKey(pair.keyFile);
  const csr = join(dir, `${name}.csr`);
  const extFile = join(dir, `${name}.ext`);
  openssl(['req', '-new', '-key', pair.keyFile, '-out', csr, '-subj', subject]);
  writeFileSync(extFile, `${extensions.join('\n')}\n`);
  openssl([
    'x509',
    '-req',
    '-in',
    csr,
    '-CA',
    ca.certFile,
    '-CAkey',
    ca.keyFile,
    '-CAcreateserial',
    '-out',
    pair.certFile,
    '-days',
    DAYS,
    '-extfile',
    extFile,
  ]);
  return pair;
}

const CLIENT = [
  'keyUsage=critical,digitalSignature',
  'extendedKeyUsage=clientAuth',
];

/** Makes every file of a `ControlPlanePki` in `dir`. */
function createPki(dir: string): void {
  const ca = selfSignedCa(dir, 'ca', 'meschain-real-cluster-ca');
  signed(dir, 'apiserver', ca, '/CN=kube-apiserver', [
    'keyUsage=critical,digitalSignature,keyEncipherment',
    'extendedKeyUsage=serverAuth',
    'subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,IP:10.96.0.1',
  ]);
  signed(dir, 'admin', ca, '/O=system:masters/CN=meschain-admin', CLIENT);
  const frontProxyCa = selfSignedCa(dir, 'front-proxy-ca', 'front-proxy-ca');
  signed(
    dir,
    'front-proxy-client',
    frontProxyCa,
    '/CN=front-proxy-client',
    CLIENT,
  );
  newKey(join(dir, 'service-account.key'));
  openssl([
    'pkey',
    '-in',
    join(dir, 'service-account.key'),
    '-pubout',
    '-out',
    join(dir, 'service-account.pub'),
  ]);
}

/**
 * The control plane's certificates in `dir`, made with openssl on first use and kept, so
 * kubeconfigs written by an earlier run stay valid.
 */
export function ensurePki(dir: string): ControlPlanePki {
  mkdirSync(dir, { recursive: true });
  const serviceAccountPublicKeyFile = join(dir, 'service-account.pub');
  // Written last: when it is there, everything else is.
  if (!existsSync(serviceAccountPublicKeyFile)) createPki(dir);
  return {
    ca: keyPair(dir, 'ca'),
    apiServer: keyPair(dir, 'apiserver'),
    admin: keyPair(dir, 'admin'),
    frontProxyCa: keyPair(dir, 'front-proxy-ca'),
    frontProxyClient: keyPair(dir, 'front-proxy-client'),
    serviceAccountKeyFile: join(dir, 'service-account.key'),
    serviceAccountPublicKeyFile,
  };
}

/**
 * A client certificate for `commonName` in `groups`, signed by the clusters' CA: how a
 * platform team gives the portal an x509 identity instead of a token.
 */
export function issueClientCertificate(
  pki: ControlPlanePki,
  dir: string,
  commonName: string,
  groups: string[] = [],
): KeyPair {
  const subject = [
    ...groups.map(group => `/O=${group}`),
    `/CN=${commonName}`,
  ].join('');
  return signed(dir, `client-${commonName}`, pki.ca, subject, CLIENT);
}
