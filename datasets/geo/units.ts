/** Metres in a degree of latitude (and of longitude at the equator), near enough for sizes and distances of a county. */
export const METRES_PER_DEGREE = 111_320;
