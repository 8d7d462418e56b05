// 组织机构管理页面 (/app/admin/org): lists and forms over /api/admin/org; administrators only.
(function () {
  'use strict';
  var API = '/api/admin/org';
  var ACTION_LABEL = { CREATE: '新增', UPDATE: '修改', DEACTIVATE: '停用', REACTIVATE: '启用', ADD_POST: '任岗', REMOVE_POST: '撤销岗位' };
  var ENTITY_LABEL = { DISTRICT: '区', UNIT: '街道/镇', DEPARTMENT: '部门', AGENCY: '派驻机构', PERSON: '人员', POST: '岗位' };
  var model = null;
  var editing = {};

  function message(text, ok) {
    var el = document.getElementById('message');
    el.textContent = text || '';
    el.className = text ? (ok ? 'ok' : 'error') : '';
  }

  var call = window.StreetGov.call;

  function cell(tr, text) {
    var td = document.createElement('td');
    td.textContent = text === null || text === undefined || text === '' ? '—' : String(text);
    tr.appendChild(td);
    return td;
  }

  function button(td, label, handler) {
    var b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.addEventListener('click', handler);
    td.appendChild(b);
    return b;
  }

  function rows(tableId, items, fill) {
    var body = document.querySelector('#' + tableId + ' tbody');
    body.innerHTML = '';
    items.forEach(function (item) {
      var tr = document.createElement('tr');
      tr.dataset.code = item.code || item.username;
      if (item.active === false) { tr.className = 'inactive'; }
      fill(tr, item);
      body.appendChild(tr);
    });
  }

  function status(item) { return item.active === false ? '已停用' : '在用'; }

  function change(promise, done) {
    message('');
    return promise.then(function (result) {
      message(done(result), true);
      return load();
    }).catch(function (e) { message(e.message); return load(true); });
  }

  function toggle(path, item, label) {
    var action = item.active ? 'deactivate' : 'reactivate';
    var verb = item.active ? '停用' : '启用';
    if (item.active && !window.confirm('确定停用' + label + '？')) { return; }
    change(call('POST', API + '/' + path + '/' + encodeURIComponent(item.code || item.username) + '/' + action,
      { version: item.version }), function () { return '已' + verb + label; });
  }

  function form(id) { return document.getElementById(id); }

  function startEdit(formId, item, fields, locked) {
    var f = form(formId);
    editing[formId] = item;
    fields.forEach(function (name) {
      var input = f.elements[name];
      if (input.type === 'checkbox') { input.checked = !!item[name]; } else { input.value = item[name] || ''; }
    });
    (locked || []).forEach(function (name) { f.elements[name].disabled = true; });
    var h = f.querySelector('h3');
    h.textContent = h.dataset.edit + ' ' + (item.code || item.username);
    f.scrollIntoView({ behavior: 'smooth' });
  }

  function resetForm(formId) {
    var f = form(formId);
    delete editing[formId];
    Array.prototype.forEach.call(f.elements, function (el) { el.disabled = false; });
    var h = f.querySelector('h3');
    if (h && h.dataset.new) { h.textContent = h.dataset.new; }
  }

  function values(f) {
    var out = {};
    Array.prototype.forEach.call(f.elements, function (el) {
      if (!el.name) { return; }
      out[el.name] = el.type === 'checkbox' ? el.checked : (el.value.trim() === '' ? null : el.value.trim());
    });
    return out;
  }

  function onSubmit(formId, path, key, label) {
    var f = form(formId);
    f.addEventListener('reset', function () { resetForm(formId); });
    f.addEventListener('submit', function (event) {
      event.preventDefault();
      var body = values(f);
      var item = editing[formId];
      var request;
      if (item) {
        body.version = item.version;
        request = call('PUT', API + '/' + path + '/' + encodeURIComponent(item[key]), body);
      } else {
        request = call('POST', API + '/' + path, body);
      }
      change(request, function (saved) {
        f.reset();
        if (!item && path === 'people') {
          return '已新增人员 ' + saved.username + '。该用户尚无可用密码：请在 Camunda Admin 中为其设置初始密码，并为其增加岗位。';
        }
        return (item ? '已修改' : '已新增') + label + ' ' + (saved[key] || '');
      });
    });
  }

  function unitName(code) {
    var u = model.units.filter(function (x) { return x.code === code; })[0];
    return u ? u.name : code;
  }

  function deptName(code) {
    var d = model.departments.filter(function (x) { return x.code === code; })[0];
    return d ? d.name : code;
  }

  function options(select, items, selected) {
    select.innerHTML = '';
    items.forEach(function (it) {
      var o = document.createElement('option');
      o.value = it.value;
      o.textContent = it.label;
      select.appendChild(o);
    });
    if (selected !== undefined) { select.value = selected; }
  }

  function unitChoices(kind) {
    var list = kind === 'ORG_UNIT' ? model.units : kind === 'DEPARTMENT' ? model.departments
      : kind === 'AGENCY' ? model.agencies : [];
    return list.filter(function (x) { return x.active; })
      .map(function (x) { return { value: x.code, label: x.code + ' ' + x.name }; });
  }

  function draw() {
    rows('units', model.units, function (tr, u) {
      cell(tr, u.code); cell(tr, u.name); cell(tr, u.typeLabel); cell(tr, u.central ? '是' : '否'); cell(tr, status(u));
      var td = cell(tr, '');
      td.textContent = '';
      button(td, '编辑', function () { startEdit('unit-form', u, ['code', 'name', 'type', 'central'], ['code']); });
      button(td, u.active ? '停用' : '启用', function () { toggle('units', u, '街道/镇 ' + u.name); });
    });
    rows('departments', model.departments, function (tr, d) {
      cell(tr, d.code); cell(tr, d.name); cell(tr, status(d));
      var td = cell(tr, '');
      td.textContent = '';
      button(td, '编辑', function () { startEdit('department-form', d, ['code', 'name'], ['code']); });
      button(td, d.active ? '停用' : '启用', function () { toggle('departments', d, '部门 ' + d.name); });
    });
    rows('agencies', model.agencies, function (tr, a) {
      cell(tr, a.code); cell(tr, a.name); cell(tr, unitName(a.orgCode)); cell(tr, deptName(a.deptCode));
      cell(tr, a.headName ? a.headName + (a.headTitle ? '（' + a.headTitle + '）' : '') : '');
      cell(tr, status(a));
      var td = cell(tr, '');
      td.textContent = '';
      button(td, '编辑', function () { startEdit('agency-form', a, ['orgCode', 'deptCode', 'name'], ['orgCode', 'deptCode']); });
      button(td, a.active ? '停用' : '启用', function () { toggle('agencies', a, '派驻机构 ' + a.name); });
    });
    rows('people', model.people, function (tr, p) {
      cell(tr, p.username); cell(tr, p.displayName); cell(tr, p.email);
      var postsTd = cell(tr, '');
      postsTd.textContent = p.posts.length ? '' : '—';
      if (p.posts.length) {
        var ul = document.createElement('ul');
        ul.className = 'posts';
        p.posts.forEach(function (post) {
          var li = document.createElement('li');
          li.textContent = post.roleLabel + (post.unitCode ? ' ' + post.unitCode : '') + '：' + post.title + '（组 ' + post.groupId + '）';
          li.dataset.group = post.groupId;
          var b = button(li, '撤销', function () {
            if (!window.confirm('确定撤销 ' + p.username + ' 的岗位“' + post.title + '”？')) { return; }
            change(call('DELETE', API + '/people/' + encodeURIComponent(p.username) + '/posts/' + post.id
              + '?version=' + p.version), function () { return '已撤销 ' + p.username + ' 的岗位 ' + post.title; });
          });
          b.style.marginLeft = '6px';
          ul.appendChild(li);
        });
        postsTd.appendChild(ul);
      }
      cell(tr, status(p));
      var td = cell(tr, '');
      td.textContent = '';
      button(td, '编辑', function () {
        startEdit('person-form', p, ['username', 'familyName', 'givenName', 'email'], ['username']);
      });
      if (p.active) {
        button(td, '增加岗位', function () { openPostForm(p); });
      }
      button(td, p.active ? '停用' : '启用', function () { toggle('people', p, '人员 ' + p.username + '（' + p.displayName + '）'); });
    });
    rows('districts', model.districts, function (tr, d) {
      cell(tr, d.code); cell(tr, d.name);
      var td = cell(tr, '');
      td.textContent = '';
      button(td, '编辑', function () { startEdit('district-form', d, ['code', 'name'], ['code']); });
    });
    var agencyForm = form('agency-form');
    if (!editing['agency-form']) {
      options(agencyForm.elements.orgCode, unitChoices('ORG_UNIT'));
      options(agencyForm.elements.deptCode, unitChoices('DEPARTMENT'));
    }
    var roleSelect = form('post-form').elements.role;
    if (!roleSelect.options.length) {
      options(roleSelect, model.roles.map(function (r) { return { value: r.role, label: r.label }; }));
    }
    updatePostUnits();
    document.body.dataset.loaded = 'true';
  }

  var postPerson = null;

  function openPostForm(p) {
    postPerson = p;
    var f = form('post-form');
    f.hidden = false;
    document.getElementById('post-person').textContent = p.username + '（' + p.displayName + '）';
    updatePostUnits();
    f.scrollIntoView({ behavior: 'smooth' });
  }

  function updatePostUnits() {
    var f = form('post-form');
    var role = model.roles.filter(function (r) { return r.role === f.elements.role.value; })[0];
    var select = f.elements.unitCode;
    if (!role || !role.unitKind) {
      options(select, [{ value: '', label: '（全区，无需选择）' }]);
      select.disabled = true;
    } else {
      options(select, unitChoices(role.unitKind));
      select.disabled = false;
    }
  }

  function drawChanges(list) {
    var body = document.querySelector('#changes tbody');
    body.innerHTML = '';
    list.forEach(function (c) {
      var tr = document.createElement('tr');
      cell(tr, new Date(c.changedAt).toLocaleString('zh-CN', { hour12: false }));
      cell(tr, c.actorId); cell(tr, ACTION_LABEL[c.action] || c.action); cell(tr, ENTITY_LABEL[c.entityType] || c.entityType);
      cell(tr, c.entityCode); cell(tr, c.detail);
      body.appendChild(tr);
    });
  }

  function load(keepMessage) {
    return Promise.all([call('GET', API), call('GET', API + '/changes?limit=200')]).then(function (results) {
      model = results[0];
      draw();
      drawChanges(results[1]);
    }).catch(function (e) { if (!keepMessage) { message(e.message); } });
  }

  Array.prototype.forEach.call(document.querySelectorAll('nav button'), function (tab) {
    tab.addEventListener('click', function () {
      Array.prototype.forEach.call(document.querySelectorAll('nav button'), function (t) {
        t.setAttribute('aria-selected', t === tab ? 'true' : 'false');
        document.getElementById(t.dataset.tab).hidden = t !== tab;
      });
    });
  });

  onSubmit('unit-form', 'units', 'code', '街道/镇');
  onSubmit('department-form', 'departments', 'code', '部门');
  onSubmit('agency-form', 'agencies', 'code', '派驻机构');
  onSubmit('person-form', 'people', 'username', '人员');
  onSubmit('district-form', 'districts', 'code', '区');

  var postForm = form('post-form');
  postForm.elements.role.addEventListener('change', updatePostUnits);
  postForm.addEventListener('reset', function () { postForm.hidden = true; postPerson = null; });
  postForm.addEventListener('submit', function (event) {
    event.preventDefault();
    if (!postPerson) { return; }
    var body = values(postForm);
    body.version = postPerson.version;
    var who = postPerson.username;
    change(call('POST', API + '/people/' + encodeURIComponent(who) + '/posts', body), function () {
      postForm.reset();
      return '已为 ' + who + ' 增加岗位，Camunda 组成员关系已生效';
    });
  });

  load();
})();
