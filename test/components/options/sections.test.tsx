// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type DataActions, DataSection } from '../../../components/options/DataSection';
import { NotificationsSection } from '../../../components/options/NotificationsSection';
import { ProfileSection } from '../../../components/options/ProfileSection';
import type { MergeReport } from '../../../lib/data/merge-import';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/model/settings';
import { click, mount, setValue, submit, text, unmountAll } from '../popup/render';

afterEach(unmountAll);

const settings: Settings = structuredClone(DEFAULT_SETTINGS);

describe('ProfileSection', () => {
  it('shows the time zone in use and saves what was typed', async () => {
    const onSave = vi.fn(async (_: Settings) => ({ ok: true }));
    const root = mount(
      <ProfileSection
        settings={settings}
        stravaUnits="imperial"
        timeZone="Europe/Oslo"
        onSave={onSave}
      />,
    );
    expect(text(root)).toContain('Time zone in use: Europe/Oslo');
    expect(text(root.querySelector('label[for="p-weight"]'))).toBe('Body weight (lb)');
    setValue(root, '#p-weight', '154');
    setValue(root, '#p-age', '44');
    root.querySelector<HTMLInputElement>('input[value="taper"]')!.checked = true;
    await submit(root.querySelector('form'));
    expect(onSave).toHaveBeenCalledWith({
      ...settings,
      profile: { weightKg: 69.9, age: 44, trainingPhase: 'taper' },
    });
    expect(text(root.querySelector('[role="status"]'))).toBe('Saved.');
  });

  it('switching units relabels the weight and converts what was typed', async () => {
    const onSave = vi.fn(async (_: Settings) => ({ ok: true }));
    const root = mount(
      <ProfileSection settings={settings} stravaUnits="metric" timeZone="UTC" onSave={onSave} />,
    );
    setValue(root, '#p-weight', '70');
    const select = root.querySelector<HTMLSelectElement>('#p-units')!;
    await act(async () => {
      select.value = 'imperial';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(text(root.querySelector('label[for="p-weight"]'))).toBe('Body weight (lb)');
    expect(root.querySelector<HTMLInputElement>('#p-weight')?.value).toBe('154.3');
    await submit(root.querySelector('form'));
    expect(onSave.mock.calls[0]![0].profile).toEqual({
      weightKg: 70,
      units: 'imperial',
      trainingPhase: 'building',
    });
  });

  it('shows a clear message on the field and saves nothing', async () => {
    const onSave = vi.fn(async () => ({ ok: true }));
    const root = mount(
      <ProfileSection settings={settings} stravaUnits="metric" timeZone="UTC" onSave={onSave} />,
    );
    setValue(root, '#p-age', '7');
    await submit(root.querySelector('form'));
    expect(onSave).not.toHaveBeenCalled();
    expect(root.querySelector('#p-age')?.getAttribute('aria-invalid')).toBe('true');
    expect(text(root.querySelector('#p-age-error'))).toMatch(/between 10 and 100/);
  });
});

describe('NotificationsSection', () => {
  it('saves the ticked kinds, the reminder time and the poll interval', async () => {
    const onSave = vi.fn(async (_: Settings) => ({ ok: true }));
    const root = mount(<NotificationsSection settings={settings} onSave={onSave} />);
    root.querySelector<HTMLInputElement>('input[name="refuelClosing"]')!.checked = false;
    setValue(root, '#n-time', '06:15');
    setValue(root, '#n-poll', '15');
    await submit(root.querySelector('form'));
    expect(onSave).toHaveBeenCalledWith({
      ...settings,
      notifications: {
        classified: true,
        refuelClosing: false,
        morningReminder: true,
        morningTime: '06:15',
      },
      pollMinutes: 15,
    });
  });

  it('refuses a poll interval under 2 minutes', async () => {
    const onSave = vi.fn(async () => ({ ok: true }));
    const root = mount(<NotificationsSection settings={settings} onSave={onSave} />);
    setValue(root, '#n-poll', '1');
    await submit(root.querySelector('form'));
    expect(onSave).not.toHaveBeenCalled();
    expect(text(root.querySelector('#n-poll-error'))).toMatch(/2 to 60 minutes/);
  });
});

const report: MergeReport = {
  added: { checkIns: 3, weighIns: 0, runs: 1 },
  updated: { checkIns: 1, weighIns: 0, runs: 0 },
  unchanged: { checkIns: 0, weighIns: 0, runs: 0 },
  refused: [{ what: 'check-in 2026-06-13', reason: 'sleepHours: too big (at most 16)' }],
  settings: 'replaced',
};

function dataActions(over: Partial<DataActions> = {}): DataActions {
  return {
    exportData: vi.fn(async () => ({ ok: true, message: 'Exported.' })),
    importData: vi.fn(async () => ({ ok: true as const, report })),
    deleteEverything: vi.fn(async () => ({ ok: true, message: 'Everything deleted.' })),
    disconnect: vi.fn(async () => ({ ok: true, message: 'Disconnected.' })),
    ...over,
  };
}

async function chooseFile(root: HTMLElement, file: File) {
  const input = root.querySelector<HTMLInputElement>('#d-import')!;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

describe('DataSection', () => {
  it('exports through the action and says so', async () => {
    const actions = dataActions();
    const root = mount(<DataSection connected actions={actions} />);
    await click([...root.querySelectorAll('button')].find((b) => /Export/.test(text(b))) ?? null);
    expect(actions.exportData).toHaveBeenCalledOnce();
    expect(text(root)).toContain('Exported.');
  });

  it('imports the chosen file’s text and shows the report, refusals with reasons', async () => {
    const actions = dataActions();
    const root = mount(<DataSection connected actions={actions} />);
    await chooseFile(
      root,
      new File(['{"app":"bounceback"}'], 'export.json', { type: 'application/json' }),
    );
    expect(actions.importData).toHaveBeenCalledWith('{"app":"bounceback"}');
    const shown = text(root.querySelector('.bb-report'));
    expect(shown).toContain('Added: 3 check-ins, 0 weigh-ins, 1 run');
    expect(shown).toContain('Updated: 1 check-in');
    expect(shown).toContain('check-in 2026-06-13: sleepHours: too big (at most 16)');
    expect(shown).toMatch(/Settings: taken from the file/);
  });

  it('shows an import error as is, and refuses an oversized file without reading it', async () => {
    const actions = dataActions({
      importData: vi.fn(async () => ({ ok: false as const, error: 'This file is not JSON' })),
    });
    const root = mount(<DataSection connected actions={actions} maxImportBytes={10} />);
    await chooseFile(root, new File(['x'.repeat(11)], 'big.json'));
    expect(actions.importData).not.toHaveBeenCalled();
    expect(text(root)).toMatch(/too large/);
    await chooseFile(root, new File(['nope'], 'a.json'));
    expect(text(root)).toContain('This file is not JSON');
  });

  it('deletes everything only after a confirm step, and cancel deletes nothing', async () => {
    const actions = dataActions();
    const root = mount(<DataSection connected actions={actions} />);
    const start = () =>
      [...root.querySelectorAll('button')].find((b) => /Delete everything…/.test(text(b))) ?? null;
    await click(start());
    expect(actions.deleteEverything).not.toHaveBeenCalled();
    expect(text(root)).toMatch(/cannot be undone/);
    await click([...root.querySelectorAll('button')].find((b) => text(b) === 'Cancel') ?? null);
    expect(actions.deleteEverything).not.toHaveBeenCalled();
    await click(start());
    await click(
      [...root.querySelectorAll('button')].find((b) => /Yes, delete/.test(text(b))) ?? null,
    );
    expect(actions.deleteEverything).toHaveBeenCalledOnce();
    expect(text(root)).toContain('Everything deleted.');
  });

  it('disconnect calls its action, and is offered only when connected', async () => {
    const actions = dataActions();
    const root = mount(<DataSection connected actions={actions} />);
    await click(
      [...root.querySelectorAll('button')].find((b) => text(b) === 'Disconnect Strava') ?? null,
    );
    expect(actions.disconnect).toHaveBeenCalledOnce();
    expect(text(root)).toContain('Disconnected.');
    unmountAll();
    const off = mount(<DataSection connected={false} actions={dataActions()} />);
    expect([...off.querySelectorAll('button')].some((b) => /Disconnect/.test(text(b)))).toBe(false);
  });
});
