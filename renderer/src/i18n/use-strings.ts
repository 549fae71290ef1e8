// The current language's strings for components. The provider sits in App; a later issue
// feeds it from the ui.language setting.
import { createContext, useContext } from 'react';
import { CATALOGUE, DEFAULT_LANGUAGE, type Strings } from './strings';

export const StringsContext = createContext<Strings>(CATALOGUE[DEFAULT_LANGUAGE]);

export function useStrings(): Strings {
  return useContext(StringsContext);
}
