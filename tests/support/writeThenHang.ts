// Child process for the durability test: writes, reports, then waits to be killed with SIGKILL.
import { openSqlite } from '../../src/platform/storage/sqlite/database';
import { SqliteStateStorage } from '../../src/platform/storage/sqlite/SqliteStateStorage';

async function main(): Promise<void> {
  const store = new SqliteStateStorage(openSqlite(process.argv[2]));
  for (let turn = 0; turn < 200; turn++) await store.write({ [`turn-${turn}`]: { turn } });
  process.stdout.write('written 200\n');
  setInterval(() => undefined, 1000);
}

void main();
