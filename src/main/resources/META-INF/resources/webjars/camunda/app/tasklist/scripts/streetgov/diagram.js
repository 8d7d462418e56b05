/*
 * The case's BPMN diagram with the path taken (流程图): bpmn-js's navigated viewer, served by the
 * application from the bpmn-js webjar (a dependency of the build, no CDN), loaded the first time a
 * diagram is shown. Completed steps and the flows taken are marked sg-done, the open steps
 * sg-current (an expanded subprocess sg-done-box / sg-current-box: its border only) (styles in diagram.css,
 * added with the viewer). Used by Tasklist's 流程图 (case-view.js) and by the auditors' page
 * (/app/audit), which imports this module from where Tasklist has it.
 */

const BPMN_JS = '/webjars/bpmn-js/8.0.0/dist/';

let loading = null;

function addStylesheet(href) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.type = 'text/css';
  link.href = href;
  document.head.appendChild(link);
}

/** Resolves with the BpmnJS viewer class (the script defines window.BpmnJS). */
export function loadViewer() {
  if (!loading) {
    loading = new Promise(function(resolve, reject) {
      if (window.BpmnJS) {
        resolve(window.BpmnJS);
        return;
      }
      addStylesheet(BPMN_JS + 'assets/diagram-js.css');
      addStylesheet(new URL('./diagram.css', import.meta.url).href);
      const script = document.createElement('script');
      script.src = BPMN_JS + 'bpmn-navigated-viewer.production.min.js';
      script.onload = function() {
        if (window.BpmnJS) {
          resolve(window.BpmnJS);
        } else {
          reject(new Error('bpmn-js did not load'));
        }
      };
      script.onerror = function() {
        loading = null;
        reject(new Error('bpmn-js could not be fetched'));
      };
      document.head.appendChild(script);
    });
  }
  return loading;
}

/**
 * Draws {xml, completed, active, flows} into the element; resolves with the viewer. Elements the
 * diagram does not hold (e.g. of an older version) are skipped.
 */
export function renderDiagram(element, data) {
  return loadViewer().then(function(BpmnJS) {
    const viewer = new BpmnJS({container: element});
    return viewer.importXML(data.xml).then(function() {
      const canvas = viewer.get('canvas');
      const registry = viewer.get('elementRegistry');
      function mark(ids, marker) {
        (ids || []).forEach(function(id) {
          const element = registry.get(id);
          if (element) {
            // an expanded subprocess only gets its border marked: filled, it would hide its steps' marks
            canvas.addMarker(id, element.type === 'bpmn:SubProcess' && !element.collapsed ? marker + '-box' : marker);
          }
        });
      }
      mark(data.completed, 'sg-done');
      mark(data.flows, 'sg-done');
      mark(data.active, 'sg-current');
      canvas.zoom('fit-viewport', 'auto');
      return viewer;
    });
  });
}
