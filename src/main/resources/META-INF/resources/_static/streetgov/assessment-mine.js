// 本机构考核结果 (/app/assessments/mine): the agency's own assessments from /api/assessments/mine,
// with 提出异议 (POST /api/assessments/{caseNo}/objection) while the result is in 公示.
(function () {
  'use strict';
  var objecting = null;

  function message(text, ok) {
    var el = document.getElementById('message');
    el.textContent = text || '';
    el.className = text && ok ? 'ok' : '';
  }

  var call = window.StreetGov.call;

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  function shown(value, unit) {
    return value === null || value === undefined || value === '' ? '—' : String(value) + (unit || '');
  }

  function table(rows) {
    var t = el('table');
    rows.forEach(function (row) {
      var tr = el('tr');
      tr.appendChild(el('th', null, row[0]));
      var td = el('td', 'num', row[1]);
      tr.appendChild(td);
      t.appendChild(tr);
    });
    return t;
  }

  function percent(rate) {
    return rate === null || rate === undefined ? '—' : (Math.round(Number(rate) * 1000) / 10) + '%';
  }

  function card(r) {
    var c = el('section', 'card');
    c.dataset.caseNo = r.caseNo;
    var h = el('h2');
    h.appendChild(el('span', null, r.periodLabel + ' · ' + r.agencyName));
    h.appendChild(el('span', 'status status-' + r.status, r.statusLabel));
    h.appendChild(el('span', 'case-no', '考核编号 ' + r.caseNo));
    c.appendChild(h);
    c.appendChild(el('div', 'hint', r.orgName + '对本机构的考核'));

    if (r.totalScore !== null && r.totalScore !== undefined) {
      var summary = el('div', 'summary');
      var total = el('div', null, '总分');
      total.appendChild(el('strong', 'total-score', r.totalScore));
      summary.appendChild(total);
      var grade = el('div', null, '等次');
      grade.appendChild(el('strong', 'grade grade-' + r.grade, r.gradeLabel));
      summary.appendChild(grade);
      c.appendChild(summary);
      c.appendChild(el('h3', null, '各项指标得分'));
      c.appendChild(table(r.scores.map(function (s) { return [s.label, shown(s.score, ' 分')]; })));
      c.appendChild(el('h3', null, '否决事项与审定意见'));
      c.appendChild(table([
        ['一票否决', r.vetoItem ? '有：' + shown(r.vetoReason) : '无'],
        ['街道党（工）委审定', shown(r.committeeDecisionLabel)],
        ['调整理由', shown(r.adjustReason)]
      ]));
    } else {
      c.appendChild(el('p', 'hint', '街道尚在评分，审定后公示结果。'));
    }

    c.appendChild(el('h3', null, '客观数据（街道吹哨、部门报到记录）'));
    var o = r.objective || {};
    c.appendChild(table([
      ['被召集次数', shown(o.summoned, ' 次')],
      ['按时报到', shown(o.onTime, ' 次')],
      ['逾期报到', shown(o.late, ' 次')],
      ['报到及时率', o.summoned ? percent(o.onTimeRate) : '—（本期未被召集）'],
      ['平均报到用时', shown(o.avgReportMinutes, ' 分钟')],
      ['群众满意度（平均）', shown(o.avgSatisfaction, ' 分')],
      ['本机构自评', r.selfStatusLabel + (r.selfScore === null || r.selfScore === undefined ? '' : '（' + r.selfScore + ' 分）')]
    ]));

    (r.objections || []).forEach(function (obj) {
      var box = el('div', 'objection');
      box.appendChild(el('div', null, '已提出异议（第 ' + obj.round + ' 次）：' + obj.reason));
      box.appendChild(el('div', 'hint', '提出人 ' + shown(obj.raisedByName) + '，' + shown(obj.raisedAtText)));
      box.appendChild(el('div', 'hint', obj.decisionLabel
        ? '处理结果：' + obj.decisionLabel + (obj.decidedScore !== null && obj.decidedScore !== undefined ? '（' + obj.decidedScore + ' 分）' : '') + '，' + shown(obj.decidedAtText)
        : '处理结果：复核中'));
      c.appendChild(box);
    });

    if (r.publicityUntilText && r.status === 'PUBLICITY') {
      var pub = el('div', 'publicity');
      pub.appendChild(el('span', 'publicity-until', '公示截止：' + r.publicityUntilText));
      if (r.mayObject) {
        var b = el('button', 'primary object-button', r.objections && r.objections.length ? '对复核结果提出异议' : '提出异议');
        b.type = 'button';
        b.addEventListener('click', function () { openDialog(r); });
        pub.appendChild(b);
      } else {
        pub.appendChild(el('span', 'hint', '公示期已满，不能再提出异议'));
      }
      c.appendChild(pub);
    }
    return c;
  }

  function openDialog(r) {
    objecting = r;
    document.getElementById('objection-case').textContent = r.periodLabel + ' · ' + r.agencyName + '（考核编号 ' + r.caseNo + '），公示截止 ' + r.publicityUntilText;
    document.getElementById('objection-reason').value = '';
    document.getElementById('dialog-message').textContent = '';
    document.getElementById('objection-dialog').showModal();
    document.getElementById('objection-reason').focus();
  }

  function load() {
    return call('GET', '/api/assessments/mine').then(function (rows) {
      var box = document.getElementById('results');
      box.innerHTML = '';
      if (!rows.length) { box.appendChild(el('p', 'hint', '本机构尚无考核。')); }
      rows.forEach(function (r) { box.appendChild(card(r)); });
      document.body.dataset.loaded = 'true';
    }).catch(function (e) { message(e.message); document.body.dataset.loaded = 'true'; });
  }

  document.getElementById('objection-cancel').addEventListener('click', function () {
    document.getElementById('objection-dialog').close();
  });
  document.getElementById('objection-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var reason = document.getElementById('objection-reason').value.trim();
    var dialogMessage = document.getElementById('dialog-message');
    if (!reason) { dialogMessage.textContent = '请填写异议理由'; return; }
    var submit = document.getElementById('objection-submit');
    submit.disabled = true;
    call('POST', '/api/assessments/' + encodeURIComponent(objecting.caseNo) + '/objection', { reason: reason })
      .then(function (answer) {
        document.getElementById('objection-dialog').close();
        message('已提出异议，当前状态：' + answer.statusLabel + '。街道党（工）委将复核并重新公示结果。', true);
        return load();
      })
      .catch(function (e) { dialogMessage.textContent = e.message; })
      .then(function () { submit.disabled = false; });
  });
  load();
})();
