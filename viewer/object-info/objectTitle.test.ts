import { describe, expect, it } from 'vitest';
import { objectTitle } from './objectTitle.ts';

describe('an info panel title', () => {
  it('is the name, in English when the object has one, else the address, else the class and code', () => {
    expect(objectTitle({ oid: 'seat:330723002', name: '壶山街道', nameEn: 'Hushan Subdistrict' }, 'zh')).toBe('壶山街道');
    expect(objectTitle({ oid: 'seat:330723002', name: '壶山街道', nameEn: 'Hushan Subdistrict' }, 'en')).toBe('Hushan Subdistrict');
    expect(objectTitle({ oid: 'bldg:330723-000001', name: '', address: '壶山街道温泉路664号' }, 'en')).toBe('壶山街道温泉路664号');
    expect(objectTitle({ oid: 'parcel:330723-000001', code: '0305', className: '灌木林地' }, 'zh')).toBe('灌木林地 0305');
  });

  it('is never the oid', () => {
    expect(objectTitle({ oid: 'bldg:330723-000002', name: '  ', height: 6 }, 'zh')).toBeUndefined();
  });
});
