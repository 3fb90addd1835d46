// The audit page of one case: the diagrams of the versions it ran on, with the elements it passed (green) and
// where it is now (amber), its audit chain's verification, and its timeline.
(async function () {
  const caseId = decodeURIComponent(location.pathname.split('/').pop());
  const get = async (path) => {
    const response = await fetch(path, { credentials: 'same-origin' });
    if (!response.ok) {
      throw new Error(path + ': ' + response.status);
    }
    return response.json();
  };
  try {
    const [view, paths, timeline, chain] = await Promise.all([
      get('/api/cases/' + caseId), get('/api/cases/' + caseId + '/diagrams'),
      get('/api/cases/' + caseId + '/timeline'), get('/api/cases/' + caseId + '/audit/verify')]);
    document.getElementById('case-number').textContent = view.number + ' (' + view.status + ')';
    const chainLine = document.getElementById('chain');
    chainLine.textContent = chain.ok ? 'Audit chain intact: ' + chain.recordsChecked + ' rows'
      : 'Audit chain broken at row ' + chain.brokenAt + ': ' + chain.problem;
    chainLine.className = chain.ok ? 'ok' : 'broken';

    const diagrams = document.getElementById('diagrams');
    for (const path of paths) {
      const box = document.createElement('div');
      box.className = 'diagram';
      box.dataset.processKey = path.processKey;
      const title = document.createElement('h2');
      title.textContent = path.processKey + ' version ' + path.version + (path.current.length ? ' (running)' : ' (ended)');
      const canvasElement = document.createElement('div');
      canvasElement.className = 'canvas';
      box.append(title, canvasElement);
      diagrams.append(box);
      const viewer = new BpmnJS({ container: canvasElement });
      await viewer.importXML(path.diagramXml);
      const canvas = viewer.get('canvas');
      const registry = viewer.get('elementRegistry');
      path.passed.filter(id => registry.get(id)).forEach(id => canvas.addMarker(id, 'passed'));
      path.current.filter(id => registry.get(id)).forEach(id => canvas.addMarker(id, 'current'));
      canvas.zoom('fit-viewport');
    }

    const rows = document.getElementById('timeline-rows');
    for (const entry of timeline) {
      const row = document.createElement('tr');
      row.className = 'source-' + entry.source;
      row.dataset.event = entry.type;
      for (const value of [entry.at, entry.source, entry.type, entry.actor, entry.elementId || '', entry.detail || '']) {
        const cell = document.createElement('td');
        cell.textContent = value;
        row.append(cell);
      }
      rows.append(row);
    }
    document.body.dataset.ready = 'true';
  } catch (error) {
    document.body.dataset.ready = 'error';
    document.getElementById('chain').textContent = 'Cannot show the case: ' + error.message;
  }
})();
