import { describe, expect, it } from 'vitest';
import { messages } from '../i18n/messages.ts';
import { ApiError } from './client.ts';
import { problemMessage } from './problemMessage.ts';

describe('what a failed request tells the user', () => {
  it('says a refused token and an unreachable server in the interface language, and passes the server\'s other reasons on', () => {
    const zh = (key: keyof (typeof messages)['zh']) => messages.zh[key];
    const en = (key: keyof (typeof messages)['en']) => messages.en[key];
    expect(problemMessage(new ApiError(401, 'Unknown token'), zh)).toBe('令牌无效');
    expect(problemMessage(new ApiError(401, 'Unknown token'), en)).toBe('Invalid token');
    expect(problemMessage(new ApiError(403, 'operator role needed'), zh)).toBe('此令牌无权执行该操作');
    expect(problemMessage(new ApiError('offline', 'Cannot reach the twin server (/api/incidents?x=%E6)'), zh)).toBe('无法连接孪生服务，请稍后重试');
    expect(problemMessage(new ApiError(400, 'Field "title": required'), zh)).toBe('Field "title": required');
  });
});
