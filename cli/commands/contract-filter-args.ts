import { CONTRACT_FILTER_KEYS, ContractFilters } from '../../electron/common/api/contract-filters'
import { CliError } from '../io'

/** Filters that take a list: `--filter urgency=d3,d7` or the key repeated. */
const LIST_KEYS = new Set(['insurer', 'branch', 'staff', 'urgency', 'step', 'mail', 'registration'])

const EXIT_USAGE = 2

/**
 * `--filter key=value` pairs → the same ContractFilters the app uses, validated by the same
 * schema. An unknown key or a bad value stops before the database is opened, naming the key.
 */
export function parseFilterArgs(pairs: readonly string[]): ContractFilters {
  const raw: Record<string, string | string[]> = {}
  for (const pair of pairs) {
    const eq = pair.indexOf('=')
    if (eq <= 0) {
      throw new CliError(
        `--filter: key=value の形で指定してください / --filter expects key=value: ${pair}`,
        EXIT_USAGE,
      )
    }
    const key = pair.slice(0, eq).trim()
    const value = pair.slice(eq + 1)
    if (!(CONTRACT_FILTER_KEYS as readonly string[]).includes(key)) {
      throw new CliError(
        `--filter: 不明なキー "${key}"（使えるキー: ${CONTRACT_FILTER_KEYS.join(', ')}） / ` +
          `unknown filter key "${key}" (known: ${CONTRACT_FILTER_KEYS.join(', ')})`,
        EXIT_USAGE,
      )
    }
    if (LIST_KEYS.has(key)) {
      const previous = raw[key]
      const items = value.split(',').map((v) => v.trim())
      raw[key] = [...(Array.isArray(previous) ? previous : []), ...items]
    } else {
      raw[key] = value
    }
  }
  const parsed = ContractFilters.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const key = String(issue?.path[0] ?? 'filter')
    throw new CliError(
      `--filter ${key}: 値が正しくありません / invalid value for "${key}": ${issue?.message ?? ''}`,
      EXIT_USAGE,
    )
  }
  return parsed.data
}
