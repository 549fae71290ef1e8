// UI strings of the conflict dialog (i18next namespace `conflicts`). zh and en have the same keys.
export const conflicts = {
  zh: {
    title: '此内容已在别处修改',
    lead: '您编辑时，“{{what}}”已在另一个窗口或标签页中被保存。您的修改尚未保存。请选择保留哪一个。',
    theirs: '已保存的版本',
    mine: '您的版本',
    empty: '（空）',
    keepTheirs: '保留已保存的版本',
    overwrite: '用我的版本覆盖',
    edit: '继续编辑',
    more: '还有 {{count}} 处冲突',
    statusList: '状态列表',
  },
  en: {
    title: 'This was changed elsewhere',
    lead: 'While you were editing, “{{what}}” was saved in another window or tab. Your change has not been saved. Choose which one to keep.',
    theirs: 'Saved version',
    mine: 'Your version',
    empty: '(empty)',
    keepTheirs: 'Keep the saved version',
    overwrite: 'Overwrite with mine',
    edit: 'Keep editing',
    more: '{{count}} more conflicts',
    statusList: 'the status list',
  },
} as const;
