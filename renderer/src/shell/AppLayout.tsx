import { AppShell } from '@mantine/core'
import { ContractsScreen } from '../features/contracts/ContractsScreen'
import { SyncBanner } from '../features/sync/SyncBanner'
import { AppHeader } from './AppHeader'

const APP_HEADER_HEIGHT = 52

export function AppLayout() {
  return (
    <AppShell header={{ height: APP_HEADER_HEIGHT }} padding="md">
      <AppShell.Header>
        <AppHeader />
      </AppShell.Header>
      <AppShell.Main>
        <SyncBanner />
        <ContractsScreen />
      </AppShell.Main>
    </AppShell>
  )
}
