/** The keys a scenario object may have at a path, found by walking the zod schema. */
import type { z } from 'zod';

interface ZodDefLike {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  getter?: () => z.ZodType;
}
const defOf = (schema: z.ZodType): ZodDefLike => (schema as unknown as { _zod: { def: ZodDefLike } })._zod.def;

/** The keys an object at `path` may have, walking the schema (undefined if no object there). */
export function keysAt(schema: z.ZodType, path: readonly (string | number)[]): string[] | undefined {
  const found = new Set<string>();
  const visit = (s: z.ZodType, rest: readonly (string | number)[], depth: number): void => {
    if (depth > 64) return;
    const def = defOf(s);
    switch (def.type) {
      case 'object':
        if (rest.length === 0) Object.keys(def.shape ?? {}).forEach((k) => found.add(k));
        else {
          const child = def.shape?.[String(rest[0])];
          if (child !== undefined) visit(child, rest.slice(1), depth + 1);
        }
        return;
      case 'array':
        if (rest.length > 0 && def.element !== undefined) visit(def.element, rest.slice(1), depth + 1);
        return;
      case 'pipe':
        if (def.in !== undefined) visit(def.in, rest, depth + 1);
        if (def.out !== undefined && def.in !== undefined && defOf(def.in).type === 'transform') visit(def.out, rest, depth + 1);
        return;
      case 'union':
        for (const option of def.options ?? []) visit(option, rest, depth + 1);
        return;
      case 'lazy':
        if (def.getter !== undefined) visit(def.getter(), rest, depth + 1);
        return;
      default:
        if (def.innerType !== undefined) visit(def.innerType, rest, depth + 1);
    }
  };
  visit(schema, path, 0);
  return found.size > 0 ? [...found] : undefined;
}
