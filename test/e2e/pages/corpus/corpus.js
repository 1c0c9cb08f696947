// Shared by the corpus pages: real-ish text, pictures drawn on canvas (no network), and the markers the
// capture test counts. Markers: every element with data-once is a fixed or sticky element's badge in
// its own colour (its inline background), expected exactly once in a full-page capture; every [data-content] chip
// (rgb(0, 170, 85)) is page content that must not be covered.
(() => {
  const words = (
    'the release notes describe how to configure the service for production use with a reverse proxy ' +
    'and a database cluster each option is explained with its default value and the reasons to change it ' +
    'customers who upgrade from an older version should read the migration guide first because several ' +
    'settings were renamed and the command line tool now validates the configuration before it starts ' +
    'support teams can find the error codes in the appendix together with the log messages that go with them'
  ).split(' ');
  let seed = 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const sentence = (n) => {
    const out = [];
    for (let i = 0; i < n; i++) out.push(words[Math.floor(rand() * words.length)]);
    const s = out.join(' ');
    return `${s[0].toUpperCase()}${s.slice(1)}.`;
  };
  const paragraph = (sentences = 4) =>
    Array.from({ length: sentences }, () => sentence(8 + Math.floor(rand() * 10))).join(' ');

  /**
   * A picture drawn on canvas: a landscape-ish gradient with hills and a sun, as a data URL; with
   * `mark`, a square of that colour in its middle, for the test to find.
   */
  const picture = (width, height, hue, mark) => {
    const c = document.createElement('canvas');
    c.width = width;
    c.height = height;
    const g = c.getContext('2d');
    const sky = g.createLinearGradient(0, 0, 0, height);
    sky.addColorStop(0, `hsl(${hue}, 70%, 75%)`);
    sky.addColorStop(1, `hsl(${(hue + 40) % 360}, 60%, 90%)`);
    g.fillStyle = sky;
    g.fillRect(0, 0, width, height);
    g.fillStyle = `hsl(${(hue + 180) % 360}, 80%, 60%)`;
    g.beginPath();
    g.arc(width * 0.75, height * 0.3, height * 0.12, 0, Math.PI * 2);
    g.fill();
    for (let layer = 0; layer < 3; layer++) {
      g.fillStyle = `hsl(${(hue + 90 + layer * 20) % 360}, 45%, ${45 - layer * 10}%)`;
      g.beginPath();
      g.moveTo(0, height);
      for (let x = 0; x <= width; x += width / 8)
        g.lineTo(x, height * (0.55 + layer * 0.12) + Math.sin(x / 40 + layer) * height * 0.06);
      g.lineTo(width, height);
      g.fill();
    }
    if (mark) {
      g.fillStyle = mark;
      g.fillRect(width / 2 - 20, height / 2 - 20, 40, 40);
    }
    return c.toDataURL('image/png');
  };

  /** A content chip that must survive the capture uncovered. */
  const chip = () => '<i data-content class="chip"></i>';

  /** An article: `sections` headed sections of `paragraphs` paragraphs, each opening with a chip. */
  const article = (sections, paragraphs = 3, title = (i) => `${i}. ${sentence(4)}`) => {
    let html = '';
    for (let i = 1; i <= sections; i++) {
      html += `<h2 id="s${i}">${title(i)}</h2>`;
      for (let p = 0; p < paragraphs; p++) html += `<p>${chip()}${paragraph(3)}</p>`;
    }
    return html;
  };

  const style = document.createElement('style');
  style.textContent = `
    [data-once] { display: inline-block; width: 16px; height: 16px; flex: none; vertical-align: middle; }
    .chip { display: inline-block; width: 14px; height: 14px; margin-right: 8px; vertical-align: middle;
      background: rgb(0, 170, 85); }
  `;
  document.head.appendChild(style);

  window.corpus = { sentence, paragraph, picture, chip, article, rand };
})();
