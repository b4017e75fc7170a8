/** One numbered schema step of the server's database (see index.ts for the list, ../migrate.ts for the runner). */
export interface Migration {
  version: number;
  name: string;
  /** One statement each: PGlite's parameterised query runs a single statement. */
  statements: string[];
}
