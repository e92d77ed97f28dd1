import { defineMessages } from '../i18n/defineMessages.ts';

/** Operator tokens, and why the server refused one. */
export const authMessages = defineMessages({
  zh: {
    tokenInvalid: '令牌无效',
    tokenNotAllowed: '此令牌无权执行该操作',
    operatorToken: '操作令牌',
    signIn: '确定',
  },
  en: {
    tokenInvalid: 'Invalid token',
    tokenNotAllowed: 'This token may not do that',
    operatorToken: 'Operator token',
    signIn: 'OK',
  },
});
