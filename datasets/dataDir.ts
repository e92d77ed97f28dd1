/** The data folder every part agrees on: $DATA_DIR, else ./data under the working directory. */
export const defaultDataDir = (): string => process.env.DATA_DIR || 'data';
