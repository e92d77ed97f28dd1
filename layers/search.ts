/** One result of `GET /api/search`, as the server sends it and the viewer shows it. */
export interface SearchHit {
  layerId: string;
  oid: string;
  /** What to show: the name, else the resource code, else the oid. */
  label: string;
  /** The field that matched (`name` also when its pinyin did). */
  field: 'resourceCode' | 'oid' | 'code' | 'name' | 'address';
  value: string;
  lon: number;
  lat: number;
  bbox: [number, number, number, number];
  /** The object's address, when it has one: buildings of one name are told apart by it. */
  address: string | null;
  /** The township (or county) the object lies in, by name, so that places of one name are told apart; null when none. */
  place: string | null;
}
