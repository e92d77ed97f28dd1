import type { IncidentStatus } from '../../layers/index.ts';

/** One colour per status, on the board and on the map: open cases warm, closed ones grey. */
export const STATUS_COLORS: Record<IncidentStatus, string> = {
  受理: '#e53935',
  交办: '#fb8c00',
  处置: '#fdd835',
  办结: '#9e9e9e',
  退回: '#8e24aa',
};

/** A monitoring point in alarm, on every map. */
export const ALARM_COLOR = '#ff1744';
