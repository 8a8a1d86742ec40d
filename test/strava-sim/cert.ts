// A throwaway self-signed certificate for www.strava.com, made with Debian's openssl at start-up.
// The key lives only in memory (the temp dir is removed at once), so nothing secret can be
// committed. One certificate per process: RSA generation is the slowest part of a start.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface SimCert {
  certPem: string;
  keyPem: string;
}

/** The names a client may use to reach the simulator (Strava's two hosts plus loopback). */
const CERT_HOSTS = ['www.strava.com', 'www.api-v3.strava.com', 'localhost'];

let cached: Promise<SimCert> | undefined;

async function generate(): Promise<SimCert> {
  const dir = await mkdtemp(join(tmpdir(), 'strava-sim-cert-'));
  try {
    const san = [...CERT_HOSTS.map((h) => `DNS:${h}`), 'IP:127.0.0.1'].join(',');
    await run(
      '/usr/bin/openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=www.strava.com',
        '-addext',
        `subjectAltName=${san}`,
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { timeout: 30_000 },
    );
    const [certPem, keyPem] = await Promise.all([
      readFile(join(dir, 'cert.pem'), 'utf8'),
      readFile(join(dir, 'key.pem'), 'utf8'),
    ]);
    return { certPem, keyPem };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function makeCert(): Promise<SimCert> {
  cached ??= generate().catch((err: unknown) => {
    cached = undefined;
    throw new Error(
      `strava-sim: could not make a certificate with /usr/bin/openssl: ${String(err)}`,
    );
  });
  return cached;
}
