// UI strings of a plan's English translation when there is none yet (i18next namespace
// `translations`): why English is unavailable and how to attach a translation file.
export const translations = {
  zh: {
    missing: '这份计划暂无英文译文，下面显示中文原文。',
    howTo: '如需英文，可下载翻译模板（按举措列出中文原文的 JSON 文件），填好译文后附加到这份计划。',
    template: '下载翻译模板',
    attach: '附加译文文件…',
    attachLabel: '选择要附加的译文文件',
    working: '正在处理…',
    attached: '已附加{{language}}译文：{{total}} 项举措中有 {{matched}} 项已翻译。',
    failed: '无法附加“{{file}}”：{{message}}',
    templateFailed: '无法生成翻译模板：{{message}}',
    languageNames: { en: '英文' },
  },
  en: {
    missing: 'This plan has no English translation yet; the Chinese original is shown below.',
    howTo:
      'To read it in English, download the translation template (a JSON file listing each initiative’s Chinese text), fill in the English and attach it to this plan.',
    template: 'Download template',
    attach: 'Attach translation…',
    attachLabel: 'Choose a translation file to attach',
    working: 'Working…',
    attached: 'Attached the {{language}} translation: {{matched}} of {{total}} initiatives translated.',
    failed: 'Could not attach “{{file}}”: {{message}}',
    templateFailed: 'Could not make the translation template: {{message}}',
    languageNames: { en: 'English' },
  },
} as const;
