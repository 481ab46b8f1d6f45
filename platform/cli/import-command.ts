import { readFileSync } from 'node:fs';
import { leaveDemo } from '../auth/demo-tokens.ts';
import { openCommandDatabase, type CommandTarget } from './command-database.ts';
import { TableEncodingError } from '../import/decode-table-text.ts';
import { importList } from '../import/import-list.ts';
import { readTableFile } from '../import/read-table-file.ts';

/** `import <file.csv|file.xlsx> [--dry-run] [--mapping m.json]`: imports a published list and prints the report. */
export async function importCommand(target: CommandTarget, file: string | undefined, flags: Map<string, string | true>): Promise<number> {
  if (!file) {
    console.error('import needs a file: npm run platform -- import <file.csv|file.xlsx> [--dry-run] [--mapping m.json]');
    return 2;
  }
  const mappingFile = flags.get('mapping');
  const mapping = typeof mappingFile === 'string' ? (JSON.parse(readFileSync(mappingFile, 'utf8')) as Record<string, string>) : {};
  let table: Awaited<ReturnType<typeof readTableFile>>;
  try {
    table = await readTableFile(file);
  } catch (error) {
    if (!(error instanceof TableEncodingError)) throw error;
    console.error(`import: ${error.message}; nothing imported`);
    return 1;
  }
  if (table.encoding === 'gb18030') console.log('read as GBK/GB18030 (the file is not UTF-8)');
  const { repos, close } = await openCommandDatabase(target);
  const started = performance.now();
  const report = await importList(repos, table, {
    dryRun: flags.has('dry-run'),
    mapping,
    onProgress: (done, total) => process.stderr.write(`  ${done}/${total} rows…\n`),
  });
  // Imported data makes it a real platform: no demo any more, and the published demo tokens stop working.
  const revokedDemo = !report.dryRun && report.imported + report.updated > 0 ? await leaveDemo(repos) : [];
  await close();
  if (revokedDemo.length > 0) console.log(`revoked the published demo tokens (${revokedDemo.join(', ')}): this database now holds imported data`);
  if (report.fatal) {
    console.error(`import: ${report.fatal}; nothing imported`);
    return 1;
  }
  for (const w of report.warnings) console.log(`warning row ${w.row} ${w.code}: ${w.message}`);
  for (const r of report.rejected) console.log(`rejected row ${r.row} ${r.code}: ${r.reason}`);
  for (const k of report.kept)
    console.log(`kept row ${k.row} ${k.code} (entry ${k.entryId}): ${k.reason}${k.fields.length > 0 ? `; updated ${k.fields.join(', ')}` : ''}`);
  const verb = report.dryRun ? 'would import' : 'imported';
  console.log(
    `${report.dryRun ? '[dry run] ' : ''}${report.rows} rows: ${verb} ${report.imported} new, ${report.updated} updated, ${report.unchanged} unchanged, ${report.kept.length} kept because decided, ${report.exited} exits, ${report.rejected.length} rejected, ${report.warnings.length} warnings (${((performance.now() - started) / 1000).toFixed(2)} s)`,
  );
  return report.rejected.length > 0 ? 1 : 0;
}
