import { defineMessages } from '../i18n/defineMessages.ts';

/** The search box. */
export const searchMessages = defineMessages({
  zh: {
    searchLabel: '搜索',
    searchPlaceholder: '资源码、图斑编号、村、地址、建筑名称',
    noHits: '没有找到',
  },
  en: {
    searchLabel: 'Search',
    searchPlaceholder: 'Resource code, parcel id, village, address, building',
    noHits: 'Nothing found',
  },
});
