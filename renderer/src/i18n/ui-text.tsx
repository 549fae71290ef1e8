// The interface's text for components: `useTranslation(ns)` gives `t` for a namespace and the
// i18next instance, as react-i18next's hook of that name does, from one context read.
// react-i18next's hook, per component that calls it, spreads its options, subscribes to the
// instance (at commit), builds a fixed t and copies every property of the instance into a
// wrapper of its own (42 properties): the first screen mounts some thirty such components, and
// in CPU profiles the hook took up to 18 ms (median 4) of a first render of 53–71 ms. Here the
// provider follows the language once for the whole tree and hands out one t per namespace and
// one wrapper per language, shared; the t remembers what i18next resolved (remembering-t.ts).
import { createContext, useCallback, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import type { i18n as I18n, TFunction } from 'i18next';
import type { Namespace } from './catalogue';
import { rememberingT } from './remembering-t';

interface UiText {
  /** The instance as components see it: a new object at each language, so a hook or memo that
   *  lists it among its dependencies runs again when the language changes (as with react-i18next). */
  i18n: I18n;
  language: string;
  /** The fixed t of each namespace asked for so far, in this language. */
  ts: Map<Namespace, TFunction<Namespace>>;
}

const UiTextContext = createContext<UiText | null>(null);

/** A wrapper of the instance: its own properties (the language among them) read at this moment,
 *  its methods the instance's own, acting on the instance (as react-i18next's wrapper does). */
function wrapperOf(instance: I18n): I18n {
  const descriptors = Object.getOwnPropertyDescriptors(instance);
  return Object.create(Object.getPrototypeOf(instance) as object, descriptors) as I18n;
}

/** Gives the tree below the interface's text in `i18n`'s current language, and renders it
 *  again when the language changes (i18next's `languageChanged`). */
export function I18nProvider({ i18n, children }: { i18n: I18n; children: ReactNode }) {
  const subscribe = useCallback(
    (changed: () => void) => {
      i18n.on('languageChanged', changed);
      return () => i18n.off('languageChanged', changed);
    },
    [i18n],
  );
  const language = useSyncExternalStore(subscribe, () => i18n.language);
  const value = useMemo<UiText>(() => ({ i18n: wrapperOf(i18n), language, ts: new Map() }), [i18n, language]);
  return <UiTextContext.Provider value={value}>{children}</UiTextContext.Provider>;
}

/** `t` for the namespace (the default, 'common', when none is named) and the i18next instance. */
export function useTranslation<N extends Namespace = 'common'>(ns?: N): { t: TFunction<N>; i18n: I18n } {
  const text = useContext(UiTextContext);
  if (!text) throw new Error('useTranslation outside an I18nProvider');
  const name = ns ?? 'common';
  let t = text.ts.get(name);
  if (!t) {
    const { i18n, language } = text;
    t = rememberingT(i18n.getFixedT(language, name) as unknown as TFunction<Namespace>, (key) => i18n.getResource(language, name, key));
    text.ts.set(name, t);
  }
  return { t: t as unknown as TFunction<N>, i18n: text.i18n };
}
