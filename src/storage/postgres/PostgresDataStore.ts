import type { Pool } from 'pg';
import type { DataStore } from '../repositories';
import { openPostgres, type PostgresOptions } from './database';
import { PostgresDirectLineRepository } from './PostgresDirectLineRepository';
import { PostgresIntakeRepository } from './PostgresIntakeRepository';
import { PostgresPersonRepository } from './PostgresPersonRepository';
import { PostgresStateStorage } from './PostgresStateStorage';

export class PostgresDataStore implements DataStore {
  readonly state: PostgresStateStorage;
  readonly people: PostgresPersonRepository;
  readonly directLine: PostgresDirectLineRepository;
  readonly intake: PostgresIntakeRepository;

  constructor(readonly pool: Pool) {
    this.state = new PostgresStateStorage(pool);
    this.people = new PostgresPersonRepository(pool);
    this.directLine = new PostgresDirectLineRepository(pool);
    this.intake = new PostgresIntakeRepository(pool);
  }

  static async open(options: PostgresOptions): Promise<PostgresDataStore> {
    return new PostgresDataStore(await openPostgres(options));
  }

  async healthy(): Promise<boolean> {
    try {
      const { rows } = await this.pool.query<{ ok: number }>('SELECT 1 AS ok');
      return rows[0]?.ok === 1;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }
}
