/** `import <file>`: placeholder until the importer lands. */
export async function importCommand(_dbPath: string, _file: string | undefined, _flags: Map<string, string | true>): Promise<number> {
  console.error('import: not implemented yet');
  return 1;
}
