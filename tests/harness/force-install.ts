/**
 * Safe Logout installed the way IT installs it on Chromium: a CRX packed by Chromium's own packer, an update
 * manifest (gupdate XML) on an HTTPS server of the organisation, and `ExtensionInstallForcelist` in the
 * enterprise policy (tests/harness/policy.ts). The extension's id is then the CRX's, computed from its key, not
 * the development build's.
 *
 * The update server answers at `https://UPDATE_HOST/` (mapped to loopback with the sim's own host rules and a
 * certificate of its own that the browser is told to accept, as the sim's is).
 */
import { spawnSync } from 'node:child_process';
import { createHash, createPublicKey, X509Certificate } from 'node:crypto';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCertificate } from '../sim/cert';
import type { Sim } from '../sim/server';
import { EXTENSION_DIR } from './chromium';

/** The organisation's update server (a realistic name; loopback). */
export const UPDATE_HOST = 'programvara.exempelstad.se';

export interface PackedExtension {
  /** The CRX's id: from its public key, as Chromium computes it. */
  id: string;
  version: string;
  crx: Buffer;
  /** The packed copy (manifest without `key`) and the .crx/.pem beside it. */
  dir: string;
  dispose(): Promise<void>;
}

/** Chromium's extension id of a public key: the first 32 hex digits of SHA-256(SPKI DER), 0-f as a-p. */
export function extensionIdOfKey(pem: string | Buffer): string {
  const der = createPublicKey(pem).export({ type: 'spki', format: 'der' });
  return [...createHash('sha256').update(der).digest('hex').slice(0, 32)]
    .map((d) => String.fromCharCode(97 + Number.parseInt(d, 16)))
    .join('');
}

/**
 * Packs `buildDir` (default .output/chrome-mv3) with `chromium --pack-extension`, after removing the
 * development `key` from a copy of its manifest (a store or IT package has the id of its own key).
 * `chromium` must be the real binary (not a policy wrapper).
 */
export async function packExtension(
  buildDir = EXTENSION_DIR,
  chromium = '/usr/bin/chromium',
): Promise<PackedExtension> {
  if (!existsSync(join(buildDir, 'manifest.json')))
    throw new Error(`no build in ${buildDir}: run npm run build`);
  const root = await mkdtemp(join(tmpdir(), 'safe-logout-crx-'));
  const dir = join(root, 'safe-logout');
  cpSync(buildDir, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { key?: string; version: string };
  delete manifest.key;
  writeFileSync(manifestPath, JSON.stringify(manifest));
  const packed = spawnSync(chromium, ['--no-sandbox', '--headless', `--pack-extension=${dir}`], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (!existsSync(`${dir}.crx`))
    throw new Error(`chromium --pack-extension made no CRX: ${packed.stderr || packed.stdout}`);
  return {
    id: extensionIdOfKey(readFileSync(`${dir}.pem`)),
    version: manifest.version,
    crx: readFileSync(`${dir}.crx`),
    dir,
    dispose: () => rm(root, { recursive: true, force: true }),
  };
}

export interface UpdateServer {
  /** The update manifest's URL: the second half of a force-list entry. */
  updateUrl: string;
  /** `ID;updateUrl`, as `ExtensionInstallForcelist` takes it. */
  forcelistEntry: string;
  /** The sim as the browser must see it: its host rules plus the update host, both certificates accepted. */
  browserSim: Pick<Sim, 'hostResolverRules' | 'certSpki' | 'urls'>;
  /** Requests served, in order (`/update.xml?…`, `/safe-logout.crx`). */
  requests: string[];
  close(): Promise<void>;
}

/** The gupdate answer for one extension (what the Chrome Web Store's update service answers). */
export function updateManifest(id: string, version: string, codebase: string): string {
  return [
    "<?xml version='1.0' encoding='UTF-8'?>",
    "<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>",
    `  <app appid='${id}'>`,
    `    <updatecheck codebase='${codebase}' version='${version}' />`,
    '  </app>',
    '</gupdate>',
    '',
  ].join('\n');
}

/** Serves `ext`'s update manifest and CRX over HTTPS at UPDATE_HOST. */
export async function startUpdateServer(
  ext: PackedExtension,
  sim: Pick<Sim, 'hostResolverRules' | 'certSpki' | 'urls'>,
): Promise<UpdateServer> {
  const cert = await makeCertificate([UPDATE_HOST]);
  const requests: string[] = [];
  const server = createServer({ cert: cert.cert, key: cert.key }, (req, res) => {
    requests.push(req.url ?? '');
    const path = new URL(req.url ?? '/', `https://${UPDATE_HOST}`).pathname;
    if (path === '/update.xml') {
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.end(updateManifest(ext.id, ext.version, `https://${UPDATE_HOST}/safe-logout.crx`));
    } else if (path === '/safe-logout.crx') {
      res.writeHead(200, { 'content-type': 'application/x-chrome-extension' });
      res.end(ext.crx);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const spki = new X509Certificate(cert.cert).publicKey.export({ type: 'spki', format: 'der' });
  const updateUrl = `https://${UPDATE_HOST}/update.xml`;
  return {
    updateUrl,
    forcelistEntry: `${ext.id};${updateUrl}`,
    browserSim: {
      urls: sim.urls,
      // The first matching rule wins: the update host first, then everything else to the sim.
      hostResolverRules: `MAP ${UPDATE_HOST} 127.0.0.1:${port}, ${sim.hostResolverRules}`,
      certSpki: `${sim.certSpki},${createHash('sha256').update(spki).digest('base64')}`,
    },
    requests,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await rm(cert.dir, { recursive: true, force: true });
    },
  };
}

/**
 * The policy file that force-installs `ext` from `server` and configures it (`config` as its 3rdparty policy).
 * `DeveloperToolsAvailability: 1` lets the test reach a policy-installed extension's worker and pages.
 */
export function forceInstallPolicy(
  ext: Pick<PackedExtension, 'id'>,
  server: Pick<UpdateServer, 'forcelistEntry'>,
  config: unknown,
  browserPolicies: Record<string, unknown> = {},
): object {
  return {
    ExtensionInstallForcelist: [server.forcelistEntry],
    DeveloperToolsAvailability: 1,
    ...browserPolicies,
    '3rdparty': { extensions: { [ext.id]: config } },
  };
}
