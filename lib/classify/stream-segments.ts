import type { Streams } from '../model/activity';
import type { Segment } from './lap-structure';

/**
 * Cuts time/distance streams into slices of about `seconds` of moving time, so the lap-structure
 * reading applies to runs recorded without laps. Stopped samples are left out of the time.
 */
export function streamSegments(streams: Streams | undefined, seconds = 30): Segment[] {
  const time = streams?.time;
  const dist = streams?.distance;
  if (!time || !dist || time.length < 2 || dist.length !== time.length) return [];
  const moving = streams.moving;
  const out: Segment[] = [];
  let segT = 0;
  let segD = 0;
  for (let k = 1; k < time.length; k++) {
    const dt = time[k]! - time[k - 1]!;
    const dd = dist[k]! - dist[k - 1]!;
    if (dt <= 0 || dd < 0) continue;
    if (moving && moving[k] === false) continue;
    // A long gap is a pause the watch did not mark; it is not running time.
    if (dt > 30) continue;
    segT += dt;
    segD += dd;
    if (segT >= seconds) {
      out.push({ distance: segD, moving_time: segT });
      segT = 0;
      segD = 0;
    }
  }
  if (segT >= seconds / 2) out.push({ distance: segD, moving_time: segT });
  return out;
}
