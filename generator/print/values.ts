/** JSON values as code: the expression that makes a copy of one. */
import { array, id, num, object, str, type Expr, type Property } from "./expressions.js";

/** An expression that evaluates to a copy of a JSON value; `__proto__` keys stay own properties. */
export function valueExpr(value: unknown): Expr {
  if (value === null || typeof value === "boolean") return id(String(value));
  if (typeof value === "number") return num(value);
  if (typeof value === "string") return str(value);
  if (Array.isArray(value)) return array(value.map(valueExpr));
  const props = Object.entries(value as Record<string, unknown>).map(([key, member]): Property =>
    key === "__proto__" ? { computed: str(key), value: valueExpr(member) } : { key, value: valueExpr(member) },
  );
  return object(props);
}
