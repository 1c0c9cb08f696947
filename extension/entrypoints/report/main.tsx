import { render } from 'preact';

function Report() {
  return <main>Loading…</main>;
}

render(<Report />, document.getElementById('app') as HTMLElement);
