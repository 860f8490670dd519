import { useTranslation } from 'react-i18next'
import type { ContractListRow } from '../../../../electron/common/api/contract'
import classes from './ContractTable.module.css'

/**
 * Line 1 is where the client is; line 2 is the most useful detail for a phone call:
 * the procedure screen they stopped on, else which flow they are in (the outcome of a
 * finished contract is in the deadline column).
 */
export function StepCell({ row }: { row: ContractListRow }) {
  const { t } = useTranslation()
  const detail = row.screen
    ? t('screenPrefix', { screen: t(`screens.${row.screen}`) })
    : t(`flows.${row.flow}`)
  return (
    <>
      <span className={classes.primary}>{t(`steps.${row.step}`)}</span>
      <span className={classes.secondary}>{detail}</span>
    </>
  )
}
