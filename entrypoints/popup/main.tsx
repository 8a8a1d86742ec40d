import { render } from 'preact';
import { z } from 'zod/mini';

z.config({ jitless: true });

function Popup() {
  return <h1>Bounceback</h1>;
}

render(<Popup />, document.getElementById('app')!);
