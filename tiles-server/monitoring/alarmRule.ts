/**
 * When a reading starts or ends an alarm. A reading at or above the alarm threshold raises one
 * alarm (one incident) and later readings above it do not raise another; the alarm ends at the
 * first reading back below the warning threshold, so a value hovering around the alarm line
 * does not flap.
 */
export function alarmChange(
  thresholds: { warning: number; alarm: number } | null,
  alarmOpen: boolean,
  value: number,
): 'raise' | 'clear' | undefined {
  if (!thresholds) return undefined;
  if (!alarmOpen && value >= thresholds.alarm) return 'raise';
  if (alarmOpen && value < thresholds.warning) return 'clear';
  return undefined;
}
