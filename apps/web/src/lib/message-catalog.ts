import type * as TFormatMessage from '@planning-hub/contracts/messages/format-message';

/**
 * The shared message catalog (packages/contracts/src/messages: both languages, every
 * problem, error and CLI text) is a chunk of its own: the list page does not need it
 * before it is usable (docs/performance.md, Browser). It loads when the browser is idle
 * after the first render (i18n/i18n-provider.tsx, which then renders again) and before
 * apiRequest throws an error, so an alert has it whenever there is something to say.
 */
let catalog: typeof TFormatMessage | null = null;
let loading: Promise<typeof TFormatMessage> | null = null;

export function loadMessageCatalog(): Promise<typeof TFormatMessage> {
  loading ??= import('@planning-hub/contracts/messages/format-message').then(
    (module) => (catalog = module),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** The catalog if it has arrived. */
export function loadedMessageCatalog(): typeof TFormatMessage | null {
  return catalog;
}
