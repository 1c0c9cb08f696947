import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { v2StatusResponse } from '../../../shared/schemas/api-v2.ts';

const SERVER = 'http://127.0.0.1:8787';

/** Shows the status server's overall status; the reporting flow builds on this page. */
function Popup() {
  const [text, setText] = useState('Checking the status page…');
  useEffect(() => {
    fetch(`${SERVER}/api/v2/status.json`)
      .then((r) => r.json())
      .then((body) => setText(v2StatusResponse.parse(body).status.description))
      .catch(() => setText(`The status server at ${SERVER} cannot be reached.`));
  }, []);
  return (
    <main style={{ font: '14px system-ui', padding: '12px', minWidth: '260px' }}>
      <h1 style={{ fontSize: '16px', margin: '0 0 8px' }}>Snapdesk</h1>
      <p>{text}</p>
    </main>
  );
}

render(<Popup />, document.getElementById('app') as HTMLElement);
