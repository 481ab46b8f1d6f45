import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from './postgres-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The superuser URL of the run's throwaway PostgreSQL server (the unit-postgres project). */
    postgresAdminUrl: string;
  }
}

/** One PostgreSQL server for the whole unit-postgres run (each test platform gets a database of its own on it); removed afterwards. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPostgresCluster();
  project.provide('postgresAdminUrl', cluster.url);
  return () => cluster.stop();
}
