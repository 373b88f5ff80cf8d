import Ajv from 'ajv-draft-04';
import { unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { loadContent } from '../../src/platform/content/loader';
import { COLOR_ICON, MANIFEST_VERSION, OUTLINE_ICON, teamsManifest, teamsPackage } from '../../src/platform/channels/teams/package/manifest';

const content = loadContent('en');
const appId = '3f1e2d4c-5b6a-4789-8abc-0123456789ab';
const input = { appId, version: '0.1.0', websiteUrl: 'https://steady.example.org', content };

// Microsoft's published Teams app manifest schema, v1.17, vendored from OfficeDev/microsoft-teams-app-schema
// (MIT, see schema/LICENSE): the package must pass the real schema, not a hand-written copy of it.
const officialSchema = JSON.parse(readFileSync(join(__dirname, 'schema', 'MicrosoftTeams.v1.17.schema.json'), 'utf8')) as object;
// The schema's one format is "uri" (on $schema); Ajv knows no formats without a plugin, so formats are skipped.
const validateManifest = new Ajv({ allErrors: true, validateFormats: false, strict: false }).compile(officialSchema);
const errorsOf = (manifest: unknown) => (validateManifest(manifest) ? [] : (validateManifest.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));

/** Width, height, colour type and the RGBA pixels of a non-interlaced 8-bit RGBA PNG with filter type 0 rows. */
function pixels(png: Uint8Array): { width: number; height: number; at(x: number, y: number): number[] } {
  const buffer = Buffer.from(png);
  expect(buffer.subarray(1, 4).toString('ascii')).toBe('PNG');
  const width = buffer.readUInt32BE(16);
  const height = buffer.readUInt32BE(20);
  expect([buffer[24], buffer[25]]).toEqual([8, 6]); // 8-bit RGBA
  const idat = buffer.indexOf('IDAT');
  const rows = inflateSync(buffer.subarray(idat + 4, idat + 4 + buffer.readUInt32BE(idat - 4)));
  return { width, height, at: (x, y) => [...rows.subarray(y * (1 + width * 4) + 1 + x * 4, y * (1 + width * 4) + 5 + x * 4)] };
}

describe('the Teams app package', () => {
  const { manifest, zip } = teamsPackage(input);
  const entries = new Map(Object.entries(unzipSync(zip)));

  test('is a zip with manifest.json and the two icons at its root, the same bytes every time', () => {
    expect([...entries.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(zip.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    expect(teamsPackage(input).zip.equals(zip)).toBe(true);
  });

  test("the manifest in the zip passes Microsoft's published v1.17 schema, with the bot id from MicrosoftAppId", () => {
    const parsed = JSON.parse(Buffer.from(entries.get('manifest.json')!).toString('utf8'));
    expect(errorsOf(parsed)).toEqual([]);
    expect(parsed).toEqual(manifest);
    expect(parsed.manifestVersion).toBe(MANIFEST_VERSION);
    expect(parsed.$schema).toContain(`/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`);
    expect(parsed.id).toBe(appId);
    expect(parsed.bots).toEqual([expect.objectContaining({ botId: appId, scopes: ['personal'] })]);
    expect(parsed.icons).toEqual({ color: COLOR_ICON, outline: OUTLINE_ICON });
    expect(parsed.name.short).toBe(content.text('teams.app.shortName'));
    expect(parsed.description.full).toBe(content.text('teams.app.fullDescription'));
  });

  test('icons (the committed files in deploy/teams): colour 192x192 and opaque, outline 32x32 white on transparent', () => {
    const color = pixels(entries.get(COLOR_ICON)!);
    expect([color.width, color.height]).toEqual([192, 192]);
    expect(color.at(2, 2)).toEqual([0x2e, 0x7d, 0x6b, 255]);
    const outline = pixels(entries.get(OUTLINE_ICON)!);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    expect(outline.at(0, 0)[3]).toBe(0);
    let opaque = 0;
    for (let y = 0; y < 32; y++) {
      for (let x = 0; x < 32; x++) {
        const [r, g, b, a] = outline.at(x, y);
        expect([r, g, b]).toEqual([255, 255, 255]);
        if (a > 128) opaque++;
      }
    }
    expect(opaque).toBeGreaterThan(50);
  });

  test.each([
    ['a bot id that is not a GUID as app id', { appId: 'not-a-guid' }],
    ['a version Teams does not accept', { version: '1.0' }],
    ['a website that is not a URL', { websiteUrl: 'steady' }],
  ])('building refuses %s', (_name, change) => {
    expect(() => teamsManifest({ ...input, ...change })).toThrow();
  });

  test.each([
    ['a short name over 30 characters', (m: any) => ({ ...m, name: { ...m.name, short: 'x'.repeat(31) } })],
    ['a short description over 80 characters', (m: any) => ({ ...m, description: { ...m.description, short: 'x'.repeat(81) } })],
    ['an unknown scope', (m: any) => ({ ...m, bots: [{ ...m.bots[0], scopes: ['everyone'] }] })],
    ['two bots', (m: any) => ({ ...m, bots: [m.bots[0], m.bots[0]] })],
    ['an accent colour that is not #RRGGBB', (m: any) => ({ ...m, accentColor: 'green' })],
    ['a bot id that is not a GUID', (m: any) => ({ ...m, bots: [{ ...m.bots[0], botId: 'not-a-guid' }] })],
    ['a website that is not http(s)', (m: any) => ({ ...m, developer: { ...m.developer, websiteUrl: 'ftp://x.org' } })],
    ['a field the schema does not have', (m: any) => ({ ...m, surprise: true })],
    ['an older manifest version', (m: any) => ({ ...m, manifestVersion: '1.16' })],
  ])("Microsoft's schema refuses %s", (_name, mutate) => {
    expect(errorsOf(mutate(manifest))).not.toEqual([]);
  });
});
