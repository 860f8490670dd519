/** Left column padded to the widest key; numbers right-aligned so digits line up. */
export function formatRows(
  rows: ReadonlyArray<readonly [string, string | number]>,
  indent = '  ',
): string {
  const keyWidth = Math.max(...rows.map(([k]) => k.length))
  const numbers = rows
    .filter(([, v]) => typeof v === 'number')
    .map(([, v]) => v.toLocaleString('en-US'))
  const numberWidth = Math.max(0, ...numbers.map((n) => n.length))
  return rows
    .map(([key, value]) => {
      const shown =
        typeof value === 'number' ? value.toLocaleString('en-US').padStart(numberWidth) : value
      return `${indent}${key.padEnd(keyWidth)}  ${shown}\n`
    })
    .join('')
}
