import { render } from 'preact';
import { z } from 'zod/mini';

z.config({ jitless: true });

function Options() {
  return <h1>Bounceback</h1>;
}

render(<Options />, document.getElementById('app')!);
