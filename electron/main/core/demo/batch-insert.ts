import type BetterSqlite3 from 'better-sqlite3'

/** Rows per multi-row INSERT; well under SQLite's 32,766 bound parameters for every table. */
export const ROWS_PER_STATEMENT = 50

/**
 * Multi-row INSERT ... VALUES (...), (...). Measured here: the schema's CHECK (x IN (...))
 * constraints cost SQLite a setup step per statement execution, so one execution per row
 * made credential_mail_state ~4× slower than one per 50 rows. Rows are buffered until
 * flush(); callers flush parents before children so foreign keys always find their row.
 */
export class BatchInsert {
  private params: unknown[] = []
  private rows = 0
  private readonly statements = new Map<number, BetterSqlite3.Statement<unknown[]>>()

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly head: string,
    private readonly columns: number,
  ) {}

  get pending(): number {
    return this.rows
  }

  add(...values: unknown[]): void {
    if (values.length !== this.columns) throw new Error(`expected ${this.columns} values`)
    for (const value of values) this.params.push(value)
    this.rows++
  }

  flush(): void {
    let offset = 0
    while (this.rows - offset / this.columns > 0) {
      const rows = Math.min(ROWS_PER_STATEMENT, this.rows - offset / this.columns)
      const end = offset + rows * this.columns
      const slice =
        offset === 0 && end === this.params.length ? this.params : this.params.slice(offset, end)
      this.statement(rows).run(slice)
      offset = end
    }
    this.params = []
    this.rows = 0
  }

  private statement(rows: number): BetterSqlite3.Statement<unknown[]> {
    let statement = this.statements.get(rows)
    if (!statement) {
      const row = `(${Array(this.columns).fill('?').join(', ')})`
      statement = this.sqlite.prepare(`${this.head} VALUES ${Array(rows).fill(row).join(', ')}`)
      this.statements.set(rows, statement)
    }
    return statement
  }
}
