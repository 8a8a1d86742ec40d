import { describe, expect, it } from 'vitest';
import { type PanelTarget, panelTargetFrom } from '../../../lib/panel-frame/panel-target';

const target = (activityId: number, own = false, fallback = false): PanelTarget => ({
  activityId,
  own,
  fallback,
});

describe('panelTargetFrom: accepted hashes', () => {
  const valid: [string, PanelTarget][] = [
    ['#activity=123&own=1&fallback=0', target(123, true, false)],
    ['activity=123&own=1&fallback=0', target(123, true, false)],
    ['#activity=123&own=0&fallback=1', target(123, false, true)],
    ['#activity=123&own=1&fallback=1', target(123, true, true)],
    ['#fallback=1&own=1&activity=5', target(5, true, true)],
    ['#activity=123', target(123)],
    ['activity=1', target(1)],
    ['#activity=9007199254740991', target(Number.MAX_SAFE_INTEGER)],
    ['#activity=12345678901&own=0&fallback=0', target(12345678901)],
    // The flags are true for exactly '1'.
    ['#activity=7&own=true&fallback=yes', target(7)],
    ['#activity=7&own=01&fallback=2', target(7)],
    ['#activity=7&own=&fallback=', target(7)],
    ['#activity=7&own=%201&fallback=1%20', target(7)],
    ['#activity=7&own&fallback', target(7)],
    ['#activity=7&OWN=1&Fallback=1', target(7)],
  ];
  it.each(valid)('%s', (hash, expected) => {
    expect(panelTargetFrom(hash)).toEqual(expected);
  });
});

describe('panelTargetFrom: rejected hashes', () => {
  const invalid: [string, string][] = [
    ['empty', ''],
    ['only #', '#'],
    ['no activity', '#own=1&fallback=1'],
    ['empty activity', '#activity=&own=1'],
    ['activity without a value', '#activity'],
    ['letters', '#activity=abc'],
    ['digits then letters', '#activity=12abc'],
    ['negative', '#activity=-5'],
    ['plus sign (a space once decoded)', '#activity=+12'],
    ['encoded plus', '#activity=%2B12'],
    ['zero', '#activity=0'],
    ['zeros', '#activity=000'],
    ['beyond MAX_SAFE_INTEGER', '#activity=9007199254740992'],
    ['20 digits', '#activity=99999999999999999999'],
    ['25 digits', '#activity=9999999999999999999999999'],
    ['decimal', '#activity=1.5'],
    ['integral decimal', '#activity=12.0'],
    ['exponent', '#activity=1e3'],
    ['hex', '#activity=0x10'],
    ['leading space', '#activity=%2012'],
    ['trailing space', '#activity=12%20'],
    ['full-width digits', '#activity=１２'],
    ['Infinity', '#activity=Infinity'],
    ['a different key', '#activityId=12'],
    ['a path, not a hash', '/activities/12'],
  ];
  it.each(invalid)('%s: %s', (_, hash) => {
    expect(panelTargetFrom(hash)).toBeNull();
  });
});

describe('round trip with the hash mountPanelFrame writes', () => {
  // mountPanelFrame writes `#${new URLSearchParams({ activity, own, fallback })}`.
  const ids = [1, 42, 123456789012, Number.MAX_SAFE_INTEGER];
  const cases = ids.flatMap((id) =>
    [false, true].flatMap((own) => [false, true].map((fallback) => [id, own, fallback] as const)),
  );
  it.each(cases)('activity %s, own %s, fallback %s', (id, own, fallback) => {
    const params = new URLSearchParams({
      activity: String(id),
      own: own ? '1' : '0',
      fallback: fallback ? '1' : '0',
    });
    expect(panelTargetFrom(`#${params}`)).toEqual(target(id, own, fallback));
    expect(panelTargetFrom(new URL(`chrome-extension://x/panel.html#${params}`).hash)).toEqual(
      target(id, own, fallback),
    );
  });
});
