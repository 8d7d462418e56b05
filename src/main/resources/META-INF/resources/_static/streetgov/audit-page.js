/*
 * The auditors' page (审计查询, /app/audit): search cases over GET /api/audit/cases (the choices from
 * GET /api/audit/cases/options, by name), open one: its audit trail (GET /api/audit/{id}), the chain
 * check (GET /api/audit/{id}/verify), the CSV (/api/audit/{id}.csv), the printable form
 * (/app/cases/{id}/print) and the diagram with the path (GET /api/cases/{id}/diagram, drawn by the module
 * Tasklist's 流程图 uses). Read-only: nothing here changes a case. Every text is set as text, never as HTML.
 */

import {renderDiagram} from '/camunda/app/tasklist/scripts/streetgov/diagram.js';

const SIZE = 20;
const FILTERS = ['caseNo', 'processKey', 'orgCode', 'userId', 'dates', 'from', 'to', 'outcome', 'state'];

let page = 0;
let total = 0;
let options = {processes: [], organisations: [], people: [], outcomes: []};
let viewer = null;
let diagramOf = null;
let current = null;

function $(id) {
  return document.getElementById(id);
}

function message(text) {
  $('sg-audit-message').textContent = text || '';
}

function get(url) {
  return fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}}).then(function(r) {
    if (!r.ok) {
      return r.json().catch(function() {
        return {};
      }).then(function(body) {
        throw new Error(body.message || '请求失败（' + r.status + '）');
      });
    }
    return r.json();
  });
}

/** "2026-12-02 10:05" of a time the server gave in the district's zone (whatever the browser's zone). */
function wallClock(value) {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(:\d{2})?)/.exec(value || '');
  return match ? match[1] + ' ' + match[2] : '';
}

function cell(row, text, className) {
  const td = document.createElement('td');
  td.textContent = text === null || text === undefined ? '' : String(text);
  if (className) {
    td.className = className;
  }
  row.appendChild(td);
  return td;
}

function option(select, value, label) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label;
  select.appendChild(o);
  return o;
}

/** Options grouped under their group's name, in the order given. */
function grouped(select, choices, groupName) {
  const groups = {};
  choices.forEach(function(choice) {
    const name = groupName(choice);
    let group = groups[name];
    if (!group) {
      group = groups[name] = document.createElement('optgroup');
      group.label = name;
      select.appendChild(group);
    }
    option(group, choice.value, choice.label);
  });
}

function processName(key) {
  const found = options.processes.find(function(p) {
    return p.value === key;
  });
  return found ? found.label : '其他流程';
}

/** The outcomes of the chosen process, or of every process grouped by it. */
function fillOutcomes() {
  const select = $('sg-f-outcome');
  const chosen = select.value;
  const process = $('sg-f-processKey').value;
  select.textContent = '';
  option(select, '', '全部结果');
  const outcomes = options.outcomes.filter(function(o) {
    return !process || o.group === process;
  });
  if (process) {
    outcomes.forEach(function(o) {
      option(select, o.value, o.label);
    });
  } else {
    grouped(select, outcomes, function(o) {
      return processName(o.group);
    });
  }
  if (Array.from(select.options).some(function(o) {
    return o.value === chosen;
  })) {
    select.value = chosen;
  }
}

function fillChoices() {
  options.processes.forEach(function(p) {
    option($('sg-f-processKey'), p.value, p.label);
  });
  grouped($('sg-f-orgCode'), options.organisations, function(o) {
    return o.group;
  });
  grouped($('sg-f-userId'), options.people, function(p) {
    return p.group;
  });
  fillOutcomes();
}

function query() {
  const params = new URLSearchParams();
  FILTERS.forEach(function(name) {
    const value = $('sg-f-' + name).value.trim();
    if (value && !(name === 'dates' && value === 'STARTED')) {
      params.set(name, value);
    }
  });
  return params;
}

function search(toPage) {
  message('');
  page = toPage;
  const params = query();
  params.set('page', String(page));
  params.set('size', String(SIZE));
  document.body.dataset.searching = 'true';
  return get('/api/audit/cases?' + params.toString()).then(function(answer) {
    total = answer.total;
    showResults(answer.items || [], answer.more);
  }).catch(function(e) {
    message(e.message);
  }).finally(function() {
    document.body.dataset.searching = 'false';
  });
}

function showResults(items, more) {
  const body = document.querySelector('#sg-audit-results tbody');
  body.textContent = '';
  items.forEach(function(item) {
    const tr = document.createElement('tr');
    tr.className = 'sg-audit-row';
    tr.dataset.processInstanceId = item.processInstanceId;
    cell(tr, item.caseNo, 'sg-case-no');
    cell(tr, item.processName);
    cell(tr, item.subject);
    cell(tr, (item.orgNames || []).join('、'));
    cell(tr, item.starterName);
    cell(tr, wallClock(item.startedAt));
    cell(tr, item.stateLabel);
    cell(tr, item.endedAt ? item.outcomeLabel : '');
    cell(tr, wallClock(item.endedAt));
    tr.addEventListener('click', function() {
      openCase(item);
    });
    body.appendChild(tr);
  });
  if (!items.length) {
    const tr = document.createElement('tr');
    cell(tr, '没有符合条件的案件', 'muted').colSpan = 9;
    body.appendChild(tr);
  }
  const pages = Math.max(1, Math.ceil(total / SIZE));
  $('sg-audit-total').textContent = more ? '超过 ' + total + ' 件，列出最新的 ' + total + ' 件，请增加查询条件' : '共 ' + total + ' 件';
  $('sg-audit-page').textContent = '第 ' + (page + 1) + ' 页，共 ' + pages + ' 页';
  $('sg-audit-prev').disabled = page === 0;
  $('sg-audit-next').disabled = page + 1 >= pages;
  document.body.dataset.loaded = 'true';
}

// ------------------------------------------------------------------ one case

function openCase(item) {
  current = item;
  const id = item.processInstanceId;
  document.querySelectorAll('.sg-audit-row').forEach(function(row) {
    row.classList.toggle('sg-selected', row.dataset.processInstanceId === id);
  });
  $('sg-audit-case').hidden = false;
  $('sg-case-no').textContent = item.caseNo;
  $('sg-case-process').textContent = item.processName || '';
  $('sg-case-subject').textContent = item.subject || '';
  $('sg-case-state').textContent = item.stateLabel + (item.endedAt && item.outcomeLabel ? '（' + item.outcomeLabel + '）' : '');
  $('sg-csv').href = '/api/audit/' + encodeURIComponent(id) + '.csv';
  $('sg-print').href = '/app/cases/' + encodeURIComponent(id) + '/print';
  $('sg-chain').className = 'sg-chain';
  $('sg-chain').textContent = '正在校验审计链…';
  showTab('trail');
  const trailBody = document.querySelector('#sg-trail tbody');
  trailBody.textContent = '';
  Promise.all([get('/api/audit/' + encodeURIComponent(id)), get('/api/audit/' + encodeURIComponent(id) + '/verify')])
    .then(function(answers) {
      if (current !== item) {
        return;
      }
      showChain(answers[1]);
      showTrail(answers[0], answers[1]);
    }, function(e) {
      if (current === item) {
        $('sg-chain').textContent = e.message;
      }
    });
  $('sg-audit-case').scrollIntoView({block: 'start'});
}

function showChain(check) {
  const box = $('sg-chain');
  if (check.intact) {
    box.className = 'sg-chain sg-chain-intact';
    box.textContent = '审计链完整：共 ' + check.records + ' 条记录，逐条校验无误，未被篡改或删除';
  } else {
    box.className = 'sg-chain sg-chain-broken';
    box.textContent = '审计链被篡改：自第 ' + check.firstBrokenSeq + ' 条记录起无法证实' + (check.message ? '。' + check.message : '');
  }
}

function showTrail(trail, check) {
  const body = document.querySelector('#sg-trail tbody');
  body.textContent = '';
  trail.forEach(function(entry) {
    const tr = document.createElement('tr');
    tr.className = 'sg-trail-entry';
    if (!check.intact && check.firstBrokenSeq !== null && entry.seq >= check.firstBrokenSeq) {
      tr.classList.add('sg-trail-broken');
    }
    cell(tr, entry.seq);
    cell(tr, wallClock(entry.localTime));
    cell(tr, entry.eventLabel);
    cell(tr, entry.activityName);
    cell(tr, entry.actorName);
    cell(tr, entry.actorGroupName);
    cell(tr, entry.decisionLabel);
    cell(tr, entry.comment, 'sg-text');
    body.appendChild(tr);
  });
  document.body.dataset.trail = 'loaded';
}

function showTab(tab) {
  $('sg-tab-trail').classList.toggle('active', tab === 'trail');
  $('sg-tab-diagram').classList.toggle('active', tab === 'diagram');
  $('sg-pane-trail').hidden = tab !== 'trail';
  $('sg-pane-diagram').hidden = tab !== 'diagram';
  if (tab === 'diagram' && current && diagramOf !== current.processInstanceId) {
    drawDiagram(current.processInstanceId);
  }
}

function drawDiagram(id) {
  diagramOf = id;
  const box = $('sg-diagram');
  box.classList.remove('sg-diagram-ready');
  if (viewer) {
    viewer.destroy();
    viewer = null;
  }
  get('/api/cases/' + encodeURIComponent(id) + '/diagram').then(function(data) {
    return renderDiagram(box, data);
  }).then(function(drawn) {
    if (diagramOf !== id) {
      drawn.destroy();
      return;
    }
    viewer = drawn;
    box.classList.add('sg-diagram-ready');
  }).catch(function(e) {
    diagramOf = null;
    message(e && e.message && /[\u4e00-\u9fa5]/.test(e.message) ? e.message : '流程图无法显示，请刷新页面后重试');
  });
}

// ------------------------------------------------------------------ start

$('sg-audit-search').addEventListener('submit', function(event) {
  event.preventDefault();
  search(0);
});
$('sg-audit-clear').addEventListener('click', function() {
  $('sg-audit-search').reset();
  fillOutcomes();
  search(0);
});
$('sg-audit-prev').addEventListener('click', function() {
  search(Math.max(0, page - 1));
});
$('sg-audit-next').addEventListener('click', function() {
  search(page + 1);
});
$('sg-f-processKey').addEventListener('change', fillOutcomes);
$('sg-tab-trail').addEventListener('click', function() {
  showTab('trail');
});
$('sg-tab-diagram').addEventListener('click', function() {
  showTab('diagram');
});

get('/api/audit/cases/options').then(function(answer) {
  options = answer;
  fillChoices();
  const wanted = new URLSearchParams(location.search).get('caseNo');
  if (wanted) {
    $('sg-f-caseNo').value = wanted;
  }
  return search(0);
}).catch(function(e) {
  message(e.message);
});
