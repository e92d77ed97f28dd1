import gcoord from 'gcoord';

/**
 * Undoes the GCJ-02 offset of data digitised on Chinese web maps (Amap, Tencent), giving WGS84
 * longitude/latitude. Outside China GCJ-02 equals WGS84 and points pass unchanged.
 */
export function gcj02ToWgs84(lon: number, lat: number): [number, number] {
  return gcoord.transform([lon, lat], gcoord.GCJ02, gcoord.WGS84) as [number, number];
}
