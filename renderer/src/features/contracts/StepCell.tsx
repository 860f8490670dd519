import type { ContractListRow } from '../../../../electron/common/api/contract'
import classes from './ContractTable.module.css'
import type { RowText } from './use-row-text'

/**
 * Line 1 is where the client is; line 2 is the most useful detail for a phone call:
 * the procedure screen they stopped on, else which flow they are in (the outcome of a
 * finished contract is in the deadline column).
 */
export function StepCell({ row, text }: { row: ContractListRow; text: RowText }) {
  const detail = row.screen
    ? text('screenPrefix', { screen: text(`screens.${row.screen}`) })
    : text(`flows.${row.flow}`)
  return (
    <>
      <span className={classes.primary}>{text(`steps.${row.step}`)}</span>
      <span className={classes.secondary}>{detail}</span>
    </>
  )
}
