// UI strings of the initiative table (i18next namespace `table`).
export const table = {
  zh: {
    title: '举措表',
  },
  en: {
    title: 'Initiatives',
  },
} as const;
