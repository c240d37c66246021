import { InputError } from '@backstage/errors';
import { lookup as dnsLookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

/** Resolves a hostname to all of its addresses. */
export type HostLookup = (hostname: string) => Promise<string[]>;

const lookupAll: HostLookup = async hostname =>
  (await dnsLookup(hostname, { all: true })).map(entry => entry.address);

function isPublicAddress(address: string): boolean {
  try {
    return ipaddr.process(address).range() === 'unicast';
  } catch {
    return false;
  }
}

function matchesHostPattern(hostname: string, pattern: string): boolean {
  const host = hostname.toLowerCase();
  const wanted = pattern.toLowerCase();
  if (wanted.startsWith('*.')) {
    return host.endsWith(wanted.slice(1)) || host === wanted.slice(2);
  }
  return host === wanted;
}

/**
 * Checks an API server URL taken from a catalog entity before the backend
 * sends a configured token to it. Anyone who can edit the catalog can write
 * that URL, so it must be HTTPS and resolve to public addresses only, unless
 * its host is listed in `dangerouslyAllowClusterUrls`. These are the rules
 * (and the setting) of the upstream Kubernetes backend's catalog locator.
 *
 * @throws InputError saying what is wrong with the URL
 */
export async function checkCatalogClusterUrl(
  url: string,
  options: {
    /** Host patterns such as `127.0.0.1` or `*.internal.example.com`. */
    dangerouslyAllowClusterUrls: string[];
    lookup?: HostLookup;
  },
): Promise<void> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InputError(`"${url}" is not a valid URL`);
  }
  if (parsed.username || parsed.password) {
    throw new InputError('the URL must not contain credentials');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new InputError('the URL must use HTTPS');
  }
  // URL keeps the brackets of an IPv6 host.
  const hostname = parsed.hostname.replace(/^\[|\]$/g, '');
  if (
    options.dangerouslyAllowClusterUrls.some(pattern =>
      matchesHostPattern(hostname, pattern),
    )
  ) {
    return;
  }
  if (parsed.protocol !== 'https:') {
    throw new InputError('the URL must use HTTPS');
  }
  const addresses = ipaddr.isValid(hostname)
    ? [hostname]
    : await (options.lookup ?? lookupAll)(hostname);
  const nonPublic = addresses.find(address => !isPublicAddress(address));
  if (nonPublic) {
    throw new InputError(
      `the URL's host ${hostname} is the non-public address ${nonPublic}; list it in dangerouslyAllowClusterUrls to allow it`,
    );
  }
}
