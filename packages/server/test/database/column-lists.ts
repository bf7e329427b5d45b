import { readFileSync } from 'node:fs';

/** The name each column of a raw SELECT list is read as: its alias, or the column itself. */
export function selectedNames(columns: string): string[] {
  return columns.split(',').map((part) => {
    const alias = /\bAS\s+"?([A-Za-z_]+)"?\s*$/i.exec(part.trim());
    return alias ? alias[1]! : part.trim();
  });
}

const SCHEMA = readFileSync(new URL('../../../../prisma/schema.prisma', import.meta.url), 'utf8');

/**
 * The database column of each of a model's scalar fields, as prisma/schema.prisma maps it
 * (`@map("created_at")`, else the field's own name).
 */
export function columnsOfModel(model: string, scalarFields: Record<string, string>): string[] {
  const body = new RegExp(`^model ${model} \\{\\n([\\s\\S]*?)^\\}`, 'm').exec(SCHEMA)?.[1];
  if (body === undefined) throw new Error(`model ${model} is not in prisma/schema.prisma`);
  const mapped = new Map<string, string>();
  for (const line of body.split('\n')) {
    const field = /^\s*([A-Za-z_]\w*)\s+\S+(.*)$/.exec(line);
    if (field) mapped.set(field[1]!, /@map\("([^"]+)"\)/.exec(field[2]!)?.[1] ?? field[1]!);
  }
  return Object.values(scalarFields).map((name) => {
    const column = mapped.get(name);
    if (column === undefined) throw new Error(`${model}.${name} is not in prisma/schema.prisma`);
    return column;
  });
}
