/**
 * The enterprise extension for force-installing from the intranet: `GET /extension/updates.xml`
 * (the update manifest a browser reads from `ExtensionInstallForcelist` / `ExtensionSettings`)
 * and `GET /extension/credit-lens.crx` (the signed CRX3 it points to). Both come from the folder
 * `npm run package` writes (default `.output/`, or `EXTENSION_DIR`): the CRX and
 * `credit-lens-release.json` (its extension ID and version). The manifest's download URL is
 * built from the address the browser asked on, so the same package works wherever the platform
 * is reached. Nothing packaged yet: 404 with the error envelope.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import * as z from 'zod/mini';
import { ApiError } from '../server/api-error.ts';

export const EXTENSION_CRX_FILE = 'credit-lens.crx';
export const EXTENSION_RELEASE_FILE = 'credit-lens-release.json';
export const UPDATES_PATH = '/extension/updates.xml';
export const CRX_PATH = `/extension/${EXTENSION_CRX_FILE}`;

/** What `npm run package` records beside the CRX. */
export const ExtensionReleaseSchema = z.object({
  /** The extension ID: 32 letters a–p, derived from the signing key. */
  id: z.string().check(z.regex(/^[a-p]{32}$/)),
  version: z.string().check(z.regex(/^\d+(\.\d+){0,3}$/)),
});
export type ExtensionRelease = z.infer<typeof ExtensionReleaseSchema>;

const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** The update manifest (Omaha "gupdate" format) naming one version of the extension and where its CRX is. */
export function updateManifestXml({ id, version, codebase }: ExtensionRelease & { codebase: string }): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gupdate xmlns="http://www.google.com/update2/response" protocol="2.0">',
    `  <app appid="${escapeXml(id)}">`,
    `    <updatecheck codebase="${escapeXml(codebase)}" version="${escapeXml(version)}" />`,
    '  </app>',
    '</gupdate>',
    '',
  ].join('\n');
}

/** The folder served: `EXTENSION_DIR`, else the repository's `.output/`. */
export function defaultExtensionDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.EXTENSION_DIR ?? join(import.meta.dirname, '../../.output'));
}

async function readRelease(dir: string): Promise<ExtensionRelease> {
  let text: string;
  try {
    text = await readFile(join(dir, EXTENSION_RELEASE_FILE), 'utf8');
  } catch {
    throw new ApiError(404, 'not_found', 'no extension packaged here: run npm run package');
  }
  const parsed = z.safeParse(ExtensionReleaseSchema, JSON.parse(text));
  if (!parsed.success) throw new ApiError(404, 'not_found', `${EXTENSION_RELEASE_FILE} is broken: run npm run package again`);
  return parsed.data;
}

/** The origin the browser asked on (`Host` as sent; a malformed one is refused rather than echoed). */
function requestOrigin(request: FastifyRequest): string {
  const host = request.host;
  if (!/^[A-Za-z0-9.\-[\]:]+$/.test(host)) throw new ApiError(400, 'bad_request', 'bad Host header');
  return `${request.protocol}://${host}`;
}

/** Registers the two routes, serving from `dir`. */
export function registerExtensionUpdatesRoute(app: FastifyInstance, dir: string = defaultExtensionDir()): void {
  app.get(UPDATES_PATH, async (request, reply) => {
    const release = await readRelease(dir);
    reply.header('Cache-Control', 'no-cache');
    return reply.type('application/xml; charset=utf-8').send(updateManifestXml({ ...release, codebase: `${requestOrigin(request)}${CRX_PATH}` }));
  });
  app.get(CRX_PATH, async (_request, reply) => {
    await readRelease(dir);
    let crx: Buffer;
    try {
      crx = await readFile(join(dir, EXTENSION_CRX_FILE));
    } catch {
      throw new ApiError(404, 'not_found', 'no CRX packaged here: run npm run package');
    }
    reply.header('Cache-Control', 'no-cache');
    return reply.type('application/x-chrome-extension').send(crx);
  });
}
