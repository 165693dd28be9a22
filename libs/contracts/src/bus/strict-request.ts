import { z } from 'zod';

/**
 * The same schema with every object in it strict: a field the schema does not know is refused with
 * `unrecognized_keys` naming it, instead of being dropped without a word (a client sending `templateId` or
 * `number` must learn that it is not used). Every bus route gets this in `route()`; a schema parsed without
 * a route (a workflow update's input) is declared through it.
 */
export function strictRequest<T extends z.ZodTypeAny>(schema: T): T {
  return strict(schema) as T;
}

/** Rebuilds the schema around strict objects, as zod's own `deepPartial` rebuilds it around optional fields. */
function strict(schema: z.ZodTypeAny): z.ZodTypeAny {
  if (schema instanceof z.ZodObject) {
    const shape = Object.fromEntries(Object.entries(schema.shape as z.ZodRawShape).map(([key, field]) => [key, strict(field)]));
    return new z.ZodObject({ ...schema._def, shape: () => shape, unknownKeys: 'strict' });
  }
  if (schema instanceof z.ZodArray) return new z.ZodArray({ ...schema._def, type: strict(schema.element) });
  if (schema instanceof z.ZodOptional) return new z.ZodOptional({ ...schema._def, innerType: strict(schema.unwrap()) });
  if (schema instanceof z.ZodNullable) return new z.ZodNullable({ ...schema._def, innerType: strict(schema.unwrap()) });
  if (schema instanceof z.ZodDefault) return new z.ZodDefault({ ...schema._def, innerType: strict(schema.removeDefault()) });
  if (schema instanceof z.ZodEffects) return new z.ZodEffects({ ...schema._def, schema: strict(schema.innerType()) });
  if (schema instanceof z.ZodDiscriminatedUnion) {
    const union = schema as z.ZodDiscriminatedUnion<string, z.ZodObject<z.ZodRawShape>[]>;
    const rebuilt = new Map(union.options.map((option) => [option, strict(option) as z.ZodObject<z.ZodRawShape>]));
    const optionsMap = new Map([...union.optionsMap].map(([value, option]) => [value, rebuilt.get(option)!]));
    return new z.ZodDiscriminatedUnion({ ...union._def, options: [...rebuilt.values()], optionsMap });
  }
  if (schema instanceof z.ZodUnion) {
    const [first, ...rest] = (schema.options as z.ZodTypeAny[]).map(strict);
    return new z.ZodUnion({ ...schema._def, options: [first, ...rest] });
  }
  if (schema instanceof z.ZodRecord) return new z.ZodRecord({ ...schema._def, valueType: strict(schema.valueSchema) });
  return schema;
}
