// Run as its own process (node --import tsx): builds the app from the environment's config, as
// src/index.ts does, and prints the npm packages that were loaded, one JSON array on stdout.
import { loadConfig } from '../../src/platform/config';
import { buildApp } from '../../src/index';

async function main(): Promise<void> {
  const app = await buildApp(loadConfig());
  const packages = new Set<string>();
  for (const file of Object.keys(require.cache)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
    if (match) packages.add(match[1]);
  }
  await app.stop();
  process.stdout.write(`${JSON.stringify([...packages].sort())}\n`);
}

void main();
