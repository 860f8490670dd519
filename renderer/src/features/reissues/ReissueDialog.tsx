import { Modal } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Flow } from '../../../../electron/common/domain/renewal'
import { ReissueFlow } from './ReissueFlow'

export interface ReissueDialogProps {
  opened: boolean
  onClose(): void
  /** One contract, or a selection from a list (bulk). */
  contracts: Array<{ id: number; policyNumber: string; clientName: string; flow: Flow }>
}

/**
 * 再発行の依頼: choose what to send, give a reason, confirm what goes to whom, then see each
 * contract's outcome. The flow is mounted only while open, so every opening starts afresh.
 */
export function ReissueDialog({ opened, onClose, contracts }: ReissueDialogProps) {
  const { t } = useTranslation()
  const title =
    contracts.length === 1
      ? t('reissue.title')
      : t('reissue.titleBulk', { count: contracts.length })
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      size="lg"
      closeButtonProps={{ 'aria-label': t('reissue.close') }}
      data-testid="reissue-dialog"
    >
      {opened && <ReissueFlow contracts={contracts} onClose={onClose} />}
    </Modal>
  )
}
