import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openSqlite } from '../../src/platform/storage/sqlite/database';
import { SqliteDirectLineRepository } from '../../src/platform/storage/sqlite/SqliteDirectLineRepository';
import { makeTempDir } from '../support/app';
import { describeDirectLineRepositoryConformance } from './directLineRepositoryConformance';

describeDirectLineRepositoryConformance('SqliteDirectLineRepository', async () => {
  const dir = makeTempDir('directline-');
  const db = openSqlite(join(dir, 'coach.db'));
  return {
    repo: new SqliteDirectLineRepository(db),
    async dispose() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
