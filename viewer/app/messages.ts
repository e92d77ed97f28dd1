import { defineMessages } from '../i18n/defineMessages.ts';

/** The page's own frame: the language switch, panel controls, the server banner and what an address that names nothing shows. */
export const appMessages = defineMessages({
  zh: {
    language: 'English',
    languageTitle: '切换为英文界面',
    close: '关闭',
    collapse: '收起',
    expand: '展开',
    serverUnreachable: '无法连接孪生服务，请稍后重试',
    pageMissing: '找不到此页面',
    storyboardMissing: '找不到演示方案「{id}」',
    backToTwin: '返回孪生首页',
  },
  en: {
    language: '中文',
    languageTitle: 'Switch the interface to Chinese',
    close: 'Close',
    collapse: 'Fold',
    expand: 'Unfold',
    serverUnreachable: 'The twin server cannot be reached; try again shortly',
    pageMissing: 'There is no such page',
    storyboardMissing: 'There is no storyboard "{id}"',
    backToTwin: 'Back to the twin',
  },
});
