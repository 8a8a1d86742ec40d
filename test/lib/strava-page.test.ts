// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { activityIdFrom, isActivityPage } from '../../lib/strava-page';
import { renderActivityPage } from '../strava-sim/activity-page';

const urls: [string, number | null][] = [
  ['https://www.strava.com/activities/123', 123],
  ['https://www.strava.com/activities/123/', 123],
  ['https://www.strava.com/activities/12345678901/overview', 12345678901],
  ['https://www.strava.com/activities/123/analysis', 123],
  ['https://www.strava.com/activities/123/segments/456', 123],
  ['https://www.strava.com/activities/123?utm_source=feed#comments', 123],
  ['https://www.strava.com/activities/123/edit', null],
  ['https://www.strava.com/activities/new', null],
  ['https://www.strava.com/activities', null],
  ['https://www.strava.com/athlete/training', null],
  ['https://www.strava.com/dashboard', null],
  ['https://www.strava.com/segments/456', null],
  ['https://www.strava.com/athletes/5936452', null],
  ['http://www.strava.com/activities/123', null],
  ['https://strava.com.evil.example/activities/123', null],
  ['https://www.strava.com.evil.example/activities/123', null],
  ['https://www.strava.com/activities/0', null],
  ['not a url', null],
];

describe('activity page URLs', () => {
  it.each(urls)('%s → %s', (url, id) => {
    expect(activityIdFrom(url)).toBe(id);
    expect(isActivityPage(url)).toBe(id !== null);
  });
});

function pageDoc(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

const run = {
  id: 123,
  name: 'Sunday long run',
  sport_type: 'Run',
  distance: 21000,
  moving_time: 6600,
  athleteName: 'Ana Runner',
};

// Where the panel goes and whose activity it is: test/lib/panel-frame/mount-panel-frame.test.ts,
// through the one function that reads the anchors.
describe('the simulator page', () => {
  it('escapes the activity name in the page it serves', () => {
    const doc = pageDoc(
      renderActivityPage({ ...run, name: '<img src=x onerror=alert(1)>' }, { owner: true }),
    );
    expect(doc.querySelector('.activity-name img')).toBeNull();
    expect(doc.querySelector('.activity-name')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});
