/** The folder holding initdb, pg_ctl and postgres, or null when PostgreSQL's server is not installed. */
export function findPostgresBin(): string | null;
