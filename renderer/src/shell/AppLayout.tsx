import { AppShell, Center, Loader } from '@mantine/core'
import { Redirect, Route, Router, Switch } from 'wouter'
import { SignInScreen } from '../features/session/SignInScreen'
import { useSession } from '../features/session/use-session'
import { SyncBanner } from '../features/sync/SyncBanner'
import { AppHeader } from './AppHeader'
import { AppNavigation } from './AppNavigation'
import { useHashQueryLocation } from './hash-location'
import { HOME_PATH, ROUTES } from './routes'
import { GlobalShortcuts } from './shortcuts/GlobalShortcuts'

const APP_HEADER_HEIGHT = 52
const NAVBAR_WIDTH = 200

export function AppLayout() {
  const session = useSession()
  if (!session.data) {
    return (
      <Center mih="100vh">
        <Loader aria-label="loading" />
      </Center>
    )
  }
  if (!session.data.current) return <SignInScreen session={session.data} />
  return (
    <Router hook={useHashQueryLocation}>
      <AppShell
        header={{ height: APP_HEADER_HEIGHT }}
        navbar={{ width: NAVBAR_WIDTH, breakpoint: 0 }}
        padding="md"
      >
        <AppShell.Header>
          <AppHeader />
        </AppShell.Header>
        <AppShell.Navbar p="xs">
          <AppNavigation />
        </AppShell.Navbar>
        <AppShell.Main>
          <SyncBanner />
          <Switch>
            {ROUTES.map((route) => (
              <Route key={route.path} path={route.path} component={route.component} />
            ))}
            <Route>
              <Redirect to={HOME_PATH} />
            </Route>
          </Switch>
        </AppShell.Main>
        <GlobalShortcuts />
      </AppShell>
    </Router>
  )
}
