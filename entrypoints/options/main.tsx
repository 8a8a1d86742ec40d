import { render } from 'preact';
import { z } from 'zod/mini';
import { ConnectStrava } from '../../components/ConnectStrava';
import './style.css';

z.config({ jitless: true });

function Options() {
  return (
    <main>
      <h1>Bounceback options</h1>
      <ConnectStrava />
    </main>
  );
}

render(<Options />, document.getElementById('app')!);
