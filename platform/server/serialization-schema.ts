import * as z from 'zod/mini';

type JsonSchema = { [key: string]: unknown };

/**
 * The JSON Schema Fastify's serializer (fast-json-stringify) compiles an answer's writer from,
 * derived from the answer's contract schema so the two cannot drift apart. It says only what is
 * written, never what is valid — validation stays with the zod schema (send-validated.ts): checks
 * (lengths, patterns, enums) and `required` are dropped, `X | null` becomes a nullable `X`, and
 * a union of objects (a per-code answer or a per-code error) becomes one object with the
 * properties of both, each written when present — so the writer never has to try branches.
 */
export function serializationSchema(schema: z.ZodMiniType): JsonSchema {
  return simplify(z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as JsonSchema);
}

function simplify(node: JsonSchema): JsonSchema {
  const branches = (node.anyOf ?? node.oneOf) as JsonSchema[] | undefined;
  if (branches) {
    const nonNull = branches.filter((b) => b.type !== 'null').map(simplify);
    const nullable = nonNull.length < branches.length;
    if (nonNull.length === 1) return withNull(nonNull[0] as JsonSchema, nullable);
    if (nonNull.every((b) => b.type === 'object')) {
      const properties: Record<string, JsonSchema> = {};
      for (const b of nonNull) Object.assign(properties, b.properties as Record<string, JsonSchema>);
      return withNull({ type: 'object', properties }, nullable);
    }
    return {};
  }
  if (node.type === 'object' && node.properties) {
    const properties: Record<string, JsonSchema> = {};
    for (const [key, value] of Object.entries(node.properties as Record<string, JsonSchema>)) properties[key] = simplify(value);
    return { type: 'object', properties };
  }
  if (node.type === 'array') return { type: 'array', ...(node.items ? { items: simplify(node.items as JsonSchema) } : {}) };
  if (typeof node.type === 'string') return { type: node.type };
  return {};
}

function withNull(schema: JsonSchema, nullable: boolean): JsonSchema {
  if (!nullable) return schema;
  return typeof schema.type === 'string' && schema.type !== 'object' && schema.type !== 'array'
    ? { ...schema, type: [schema.type, 'null'] }
    : { ...schema, nullable: true };
}
