import { inflateSync } from 'node:zlib';
import { loadContent } from '../../src/content/loader';
import { COLOR_ICON, OUTLINE_ICON, teamsManifest, teamsPackage } from '../../src/channels/teams/package/manifest';
import { MANIFEST_VERSION, teamsManifestSchema } from '../../src/channels/teams/package/manifestSchema';
import { pngSize } from '../../src/channels/teams/package/png';
import { readZip, writeZip } from '../../src/channels/teams/package/zip';
import { crc32 } from '../../src/util/crc32';

const content = loadContent('en');
const appId = '3f1e2d4c-5b6a-4789-8abc-0123456789ab';
const input = { appId, version: '0.1.0', websiteUrl: 'https://steady.example.org', content };

/** The RGBA pixels of a PNG written by encodePng (filter type 0 on every row). */
function pixels(png: Buffer): { width: number; height: number; at(x: number, y: number): number[] } {
  const { width, height } = pngSize(png);
  const idat = png.indexOf('IDAT');
  const length = png.readUInt32BE(idat - 4);
  const rows = inflateSync(png.subarray(idat + 4, idat + 4 + length));
  return { width, height, at: (x, y) => [...rows.subarray(y * (1 + width * 4) + 1 + x * 4, y * (1 + width * 4) + 5 + x * 4)] };
}

describe('the Teams app package', () => {
  const { manifest, zip } = teamsPackage(input);
  const entries = new Map(readZip(zip).map((e) => [e.name, e.data]));

  test('is a zip with manifest.json and the two icons at its root', () => {
    expect([...entries.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(zip.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  });

  test('the manifest in the zip passes the (hand-written subset of the) v1.17 schema, with the bot id from MicrosoftAppId', () => {
    const parsed = teamsManifestSchema.parse(JSON.parse(entries.get('manifest.json')!.toString('utf8')));
    expect(parsed).toEqual(manifest);
    expect(parsed.manifestVersion).toBe(MANIFEST_VERSION);
    expect(parsed.$schema).toContain(`/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`);
    expect(parsed.id).toBe(appId);
    expect(parsed.bots).toEqual([expect.objectContaining({ botId: appId, scopes: ['personal'] })]);
    expect(parsed.icons).toEqual({ color: COLOR_ICON, outline: OUTLINE_ICON });
    expect(parsed.name.short).toBe(content.text('teams.app.shortName'));
    expect(parsed.description.full).toBe(content.text('teams.app.fullDescription'));
  });

  test('icons: colour 192x192 and opaque, outline 32x32 white on transparent', () => {
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
  ])('the schema refuses %s', (_name, change) => {
    expect(() => teamsManifest({ ...input, ...change })).toThrow();
  });

  test.each([
    ['a short name over 30 characters', (m: any) => ({ ...m, name: { ...m.name, short: 'x'.repeat(31) } })],
    ['a short description over 80 characters', (m: any) => ({ ...m, description: { ...m.description, short: 'x'.repeat(81) } })],
    ['an unknown scope', (m: any) => ({ ...m, bots: [{ ...m.bots[0], scopes: ['everyone'] }] })],
    ['two bots', (m: any) => ({ ...m, bots: [m.bots[0], m.bots[0]] })],
    ['an accent colour that is not #RRGGBB', (m: any) => ({ ...m, accentColor: 'green' })],
    ['an icon given as a web address', (m: any) => ({ ...m, icons: { ...m.icons, color: 'https://x.org/c.png' } })],
    ['a field the schema does not have', (m: any) => ({ ...m, surprise: true })],
    ['an older manifest version', (m: any) => ({ ...m, manifestVersion: '1.16' })],
  ])('the schema refuses %s', (_name, mutate) => {
    expect(teamsManifestSchema.safeParse(mutate(manifest)).success).toBe(false);
  });

  test('the zip writer round-trips any bytes and checks CRCs; CRC-32 matches the standard check value', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    const data = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7) % 256));
    const [entry] = readZip(writeZip([{ name: 'a/ü.bin', data }]));
    expect(entry.name).toBe('a/ü.bin');
    expect(entry.data.equals(data)).toBe(true);
    const broken = writeZip([{ name: 'x', data: Buffer.alloc(10, 1) }]);
    broken.writeUInt32LE(1, broken.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 16);
    expect(() => readZip(broken)).toThrow(/bad CRC/);
  });
});
