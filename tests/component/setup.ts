import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'

/**
 * jsdom has no layout engine. Give it the few browser APIs Mantine and the virtualiser
 * call, and a viewport size, so components render as they would in a small window.
 */

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
window.ResizeObserver ??= ResizeObserverStub

window.matchMedia ??= (query: string): MediaQueryList => ({
  matches: false,
  media: query,
  onchange: null,
  addListener: () => {},
  removeListener: () => {},
  addEventListener: () => {},
  removeEventListener: () => {},
  dispatchEvent: () => false,
})

// Mantine and @tanstack/react-virtual scroll programmatically; jsdom does not implement it.
window.scrollTo = () => {}
Element.prototype.scrollTo = function scrollTo(this: Element, options?: ScrollToOptions | number) {
  if (typeof options === 'object' && typeof options.top === 'number') {
    this.scrollTop = options.top
    // Browsers fire the scroll event later, never inside the scrollTo() call.
    setTimeout(() => this.dispatchEvent(new Event('scroll')), 0)
  }
}
Element.prototype.scrollIntoView = () => {}

// The virtualiser sizes its window from clientHeight/clientWidth, which jsdom reports as 0.
Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 })
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1200 })

// The contract list keeps its filters and sort in the URL: each test starts from a clean one.
const START_URL = window.location.href

// Without vitest globals, Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup()
  localStorage.clear()
  history.replaceState(null, '', START_URL)
})
