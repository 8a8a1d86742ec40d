// @vitest-environment happy-dom
// The options page's Strava section in a hosted build: one-click connect first, the own-app form
// folded under "use your own Strava app", and the hosted reconnect state.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectStrava } from '../../../../components/options/connect/ConnectStrava';
import type { Result } from '../../../../lib/messaging/protocol';
import { type Connection, DISCONNECTED } from '../../../../lib/model/connection';
import { click, mount, text, unmountAll } from '../../popup/render';

afterEach(unmountAll);

const connected: Connection = {
  ...DISCONNECTED,
  state: 'connected',
  mode: 'hosted',
  athlete: { id: 7, name: 'Ada Runner', avatarUrl: null, units: 'metric' },
  scopes: ['read', 'activity:read_all', 'profile:read_all'],
};

function section(connection: Connection, hosted: boolean) {
  const actions = {
    connect: vi.fn(async (): Promise<Result<Connection>> => ({ ok: true, value: connected })),
    connectHosted: vi.fn(async (): Promise<Result<Connection>> => ({ ok: true, value: connected })),
    disconnect: vi.fn(),
    setTagOnStrava: vi.fn(),
  };
  const root = mount(
    <ConnectStrava
      connection={connection}
      redirectUrl="https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/"
      loadError={null}
      tagOnStrava={false}
      hosted={hosted}
      actions={actions}
    />,
  );
  return { root, actions };
}

describe('ConnectStrava in a hosted build', () => {
  it('offers one click first; the own-app form is folded away beneath it', async () => {
    const { root, actions } = section(DISCONNECTED, true);
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('button.strava-connect')];
    expect(buttons).toHaveLength(2);
    const details = root.querySelector('details.own-app');
    expect(details?.hasAttribute('open')).toBe(false);
    expect(details?.contains(buttons[0]!)).toBe(false);
    expect(details?.contains(root.querySelector('#strava-client-id'))).toBe(true);
    expect(text(details?.querySelector('summary'))).toMatch(/own Strava app/);
    await click(buttons[0]!);
    expect(actions.connectHosted).toHaveBeenCalledOnce();
    expect(actions.connect).not.toHaveBeenCalled();
  });

  it('a hosted connection the broker lost asks for one click again', () => {
    const { root } = section({ ...DISCONNECTED, state: 'reconnect-needed', mode: 'hosted' }, true);
    expect(text(root.querySelector('[role="alert"]'))).toMatch(/Connect again/);
    expect(root.querySelector('button.strava-connect')).not.toBeNull();
  });

  it('the default build shows only the own-app form, as before', () => {
    const { root } = section(DISCONNECTED, false);
    expect(root.querySelector('details.own-app')).toBeNull();
    expect(root.querySelectorAll('button.strava-connect')).toHaveLength(1);
    expect(root.querySelector('#strava-client-id')).not.toBeNull();
  });
});
