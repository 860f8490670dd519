import { Button, Menu } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useSession, useSignIn } from './use-session'

/** The signed-in staff member in the header, with "switch user". */
export function StaffMenu() {
  const { t } = useTranslation()
  const staff = useSession().data?.current
  const { signOut } = useSignIn()
  if (!staff) return null
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        {/* Name only: the header is full at 1366 px; role and branch are in the menu. */}
        <Button
          variant="subtle"
          size="compact-sm"
          data-testid="staff-menu"
          aria-label={`${staff.name}（${t(`session.role.${staff.role}`)}・${staff.branchName}）`}
          style={{ whiteSpace: 'nowrap' }}
        >
          {staff.name}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {t(`session.role.${staff.role}`)}・{staff.branchName}
        </Menu.Label>
        <Menu.Item onClick={() => void signOut()}>{t('session.switch')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  )
}
