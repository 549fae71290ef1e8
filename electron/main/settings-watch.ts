// Lets the main process follow the reader's settings without a channel of its own: the router
// the IPC binding mounts is wrapped so that after a settings.set succeeds, main hears the key
// and the value (the menu's language and its checked items follow them).
import type { SettingKey } from '../../shared/api/contract';
import type { Router } from '../core/api/router';

export type SettingListener = (key: SettingKey, value: string | null) => void;

export function watchSettings(router: Router, onSet: SettingListener): Router {
  return {
    async dispatch(method, args) {
      const result = await router.dispatch(method, args);
      if (method === 'settings.set' && result.ok) {
        // The router validated these arguments before it stored them.
        const { key, value } = args as { key: SettingKey; value: string | null };
        try {
          onSet(key, value);
        } catch (err) {
          // The setting is saved; a listener's failure must not turn that into an error.
          console.error(err);
        }
      }
      return result;
    },
  };
}
