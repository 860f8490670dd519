/** `limit` per the doc: an integer 1..1000, 500 when absent. null = invalid. */
export function parseLimit(value: string | null): number | null {
  if (value === null) return 500
  if (!/^\d{1,4}$/.test(value)) return null
  const limit = Number(value)
  return limit >= 1 && limit <= 1000 ? limit : null
}
