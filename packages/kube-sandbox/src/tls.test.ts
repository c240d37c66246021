import { X509Certificate } from 'node:crypto';
import { createSecureContext } from 'node:tls';
import { createSelfSignedCertificate } from './tls';

describe('createSelfSignedCertificate', () => {
  it('makes certificates OpenSSL accepts, whatever their random serial number', () => {
    // About one random serial in 500 starts with a zero byte, which DER must not encode as is.
    for (let i = 0; i < 1500; i++) {
      const { keyPem, certPem } = createSelfSignedCertificate();
      expect(() =>
        createSecureContext({ key: keyPem, cert: certPem }),
      ).not.toThrow();
    }
  });

  it('names the sandbox and its local hosts', () => {
    const { certPem } = createSelfSignedCertificate();
    const certificate = new X509Certificate(certPem);
    expect(certificate.subject).toBe('CN=kube-sandbox');
    expect(certificate.checkHost('localhost')).toBe('localhost');
    expect(certificate.checkIP('127.0.0.1')).toBe('127.0.0.1');
  });
});
