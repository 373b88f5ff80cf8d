import { PostgresDirectLineRepository } from '../../src/platform/storage/postgres/PostgresDirectLineRepository';
import { describePostgres, freshPostgresSchema } from '../support/postgres';
import { describeDirectLineRepositoryConformance } from './directLineRepositoryConformance';

describePostgres('PostgresDirectLineRepository', () => {
  describeDirectLineRepositoryConformance('PostgresDirectLineRepository', async () => {
    const { pool, dispose } = await freshPostgresSchema();
    return { repo: new PostgresDirectLineRepository(pool), dispose };
  });
});
