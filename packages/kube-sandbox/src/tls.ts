import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';

/**
 * A self-signed certificate for the sandbox's HTTPS side, made at start-up in pure Node.
 *
 * HTTPS is needed because kubectl (client-go) only sends a kubeconfig's bearer token over TLS.
 * The kubeconfig carries this certificate as its CA, so no verification is skipped.
 */
export interface SandboxCertificate {
  keyPem: string;
  certPem: string;
}

const ONE_DAY_MS = 24 * 60 * 60 * 1000;

export function createSelfSignedCertificate(
  options: { commonName?: string; hosts?: string[]; days?: number } = {},
): SandboxCertificate {
  const commonName = options.commonName ?? 'kube-sandbox';
  const hosts = options.hosts ?? ['localhost', '127.0.0.1', '::1'];
  const { privateKey, publicKey } = generateKeyPairSync('ec', {
    namedCurve: 'prime256v1',
  });
  const now = Date.now();
  const ecdsaWithSha256 = seq(oid('1.2.840.10045.4.3.2'));
  const name = seq(set(seq(oid('2.5.4.3'), utf8(commonName))));
  const tbs = seq(
    explicit(0, integer(Buffer.from([2]))),
    integer(serialNumber()),
    ecdsaWithSha256,
    name,
    seq(
      utcTime(new Date(now - ONE_DAY_MS)),
      utcTime(new Date(now + (options.days ?? 3650) * ONE_DAY_MS)),
    ),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    explicit(
      3,
      seq(
        extension('2.5.29.19', true, seq(bool(true))),
        extension('2.5.29.15', true, bitString(Buffer.from([0x84]), 0)),
        extension('2.5.29.17', false, seq(...hosts.map(subjectAltName))),
      ),
    ),
  );
  const signature = sign('sha256', tbs, {
    key: privateKey,
    dsaEncoding: 'der',
  });
  const certificate = seq(tbs, ecdsaWithSha256, bitString(signature, 0));
  return {
    keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    certPem: toPem(certificate),
  };
}

function toPem(der: Buffer): string {
  const body = der
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .trimEnd();
  return `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`;
}

function serialNumber(): Buffer {
  const bytes = randomBytes(16);
  bytes[0] &= 0x7f; // positive
  return bytes;
}

function subjectAltName(host: string): Buffer {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host))
    return tagged(0x87, Buffer.from(host.split('.').map(Number)));
  if (host.includes(':')) return tagged(0x87, ipv6Bytes(host));
  return tagged(0x82, Buffer.from(host, 'ascii'));
}

function ipv6Bytes(host: string): Buffer {
  const [head, tail = ''] = host.split('::');
  const parts = (s: string) =>
    s ? s.split(':').map(p => parseInt(p, 16)) : [];
  const left = parts(head);
  const right = parts(tail);
  const groups = [
    ...left,
    ...new Array(8 - left.length - right.length).fill(0),
    ...right,
  ];
  const bytes = Buffer.alloc(16);
  groups.forEach((g, i) => bytes.writeUInt16BE(g, i * 2));
  return bytes;
}

// Minimal DER encoding, enough for one certificate.

function tagged(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), length(content.length), content]);
}

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v >>= 8) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function seq(...items: Buffer[]): Buffer {
  return tagged(0x30, Buffer.concat(items));
}

function set(...items: Buffer[]): Buffer {
  return tagged(0x31, Buffer.concat(items));
}

function explicit(index: number, content: Buffer): Buffer {
  return tagged(0xa0 + index, content);
}

/** A non-negative DER INTEGER: DER allows no leading zero byte unless the next byte's top bit is set. */
function integer(bytes: Buffer): Buffer {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const minimal = bytes.subarray(start);
  return tagged(
    0x02,
    minimal[0] & 0x80 ? Buffer.concat([Buffer.from([0]), minimal]) : minimal,
  );
}

function bool(value: boolean): Buffer {
  return tagged(0x01, Buffer.from([value ? 0xff : 0]));
}

function utf8(text: string): Buffer {
  return tagged(0x0c, Buffer.from(text, 'utf8'));
}

function bitString(bytes: Buffer, unusedBits: number): Buffer {
  return tagged(0x03, Buffer.concat([Buffer.from([unusedBits]), bytes]));
}

function utcTime(date: Date): Buffer {
  const iso = date.toISOString();
  const text = `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(
    8,
    10,
  )}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  return tagged(0x17, Buffer.from(text, 'ascii'));
}

function oid(dotted: string): Buffer {
  const [a, b, ...rest] = dotted.split('.').map(Number);
  const bytes = [a * 40 + b];
  for (const part of rest) {
    const chunk: number[] = [];
    let v = part;
    do {
      chunk.unshift(v & 0x7f);
      v = Math.floor(v / 128);
    } while (v > 0);
    for (let i = 0; i < chunk.length - 1; i++) chunk[i] |= 0x80;
    bytes.push(...chunk);
  }
  return tagged(0x06, Buffer.from(bytes));
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return seq(oid(id), ...(critical ? [bool(true)] : []), tagged(0x04, value));
}
