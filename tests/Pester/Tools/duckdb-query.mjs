// Runs SQL statements in an in-memory DuckDB (the @duckdb/node-api package) and prints, as one JSON array, the rows of
// each statement as objects (numbers that do not fit a double, such as count(*), as strings).
// Usage: node duckdb-query.mjs statements.json   (a JSON array of SQL strings)
// ExportDuckDb.Tests.ps1 copies this file next to the installed package (out/tools/duckdb) so the import resolves.
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const statements = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const results = [];
for (const sql of statements) {
  const reader = await connection.runAndReadAll(sql);
  results.push(reader.getRowObjectsJson());
}
process.stdout.write(JSON.stringify(results));
