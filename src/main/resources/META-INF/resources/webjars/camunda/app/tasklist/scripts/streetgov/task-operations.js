/*
 * 审批操作 on the open task (Tasklist plugin point "tasklist.task.action", the bar above the task
 * beside 添加评论): asks GET /api/tasks/{id}/operations and shows one button per operation the
 * server lists — nothing else, so an auditor or an official who may do nothing on the task sees no
 * button. Each button opens a dialog; the server's Chinese message is shown on success (a
 * notification) and on refusal (in the dialog, which stays open).
 */

import {errorMessage} from './api.js';

const POSITION_LABELS = {
  BEFORE: '前加签',
  AFTER: '后加签',
  PARALLEL: '并行加签'
};

const POSITION_HINTS = {
  BEFORE: '加签人先签署意见，您阅后再办理',
  AFTER: '记录您的意见后，任务交由加签人（仅一人）办理',
  PARALLEL: '加签人与您同时签署，全部签署后方可办结'
};

/**
 * The operations in the order of the buttons. `action` is the path under /api/tasks/{id}/;
 * `leaves`: after it the task is no longer the caller's (it went back, to someone else, or is
 * done), so Tasklist closes it and reloads the list; otherwise (and for 加签 other than 后加签) the
 * task is reloaded in place.
 */
const OPERATIONS = [
  {code: 'SIGN', label: '签署加签意见', action: 'sign', leaves: true},
  {code: 'RESOLVE', label: '处理完毕交还', action: 'resolve', leaves: true},
  {code: 'RETURN', label: '退回', action: 'return', leaves: true},
  {code: 'RETURN_TO_STARTER', label: '退回发起人', action: 'return', leaves: true},
  {code: 'TRANSFER', label: '转办', action: 'transfer', leaves: true},
  {code: 'DELEGATE', label: '委派', action: 'delegate', leaves: true},
  {code: 'ADD_SIGN', label: '加签', action: 'add-sign', leaves: false},
  {code: 'REMOVE_SIGN', label: '减签', action: 'remove-sign', leaves: false},
  {code: 'COPY', label: '抄送', action: 'copy', leaves: false},
  {code: 'URGE', label: '催办', action: 'urge', leaves: false}
];

function blank(text) {
  return !text || !String(text).trim();
}

function trimmed(text) {
  return text ? String(text).trim() : '';
}

/** How a person is shown in the pickers: 姓名（单位 · 岗位）. */
export function personLabel(person) {
  const where = [person.groupName || person.groupId, person.post].filter(Boolean).join(' · ');
  return (person.name || person.userId) + (where ? '（' + where + '）' : '');
}

/**
 * Per operation: what the dialog loads before it can be filled in (`load`), the first thing wrong
 * with what was entered, in Chinese (`check`), and the body of the POST (`body`).
 */
const DIALOGS = {
  RETURN: {
    load: (api, ctx) => api.returnTargets(ctx.taskId).then(targets => ({targets: targets || []})),
    check: (form, data) => {
      if (!data.targets.length) {
        return '没有可退回的环节';
      }
      if (!form.target) {
        return '请选择退回到哪个环节';
      }
      return blank(form.reason) ? '请填写退回理由' : null;
    },
    body: form => returnBody(form.target, form.reason)
  },
  RETURN_TO_STARTER: {
    // the starter's step is the return target marked toStarter
    load: (api, ctx) =>
      api.returnTargets(ctx.taskId).then(targets => ({
        starter: (targets || []).find(t => t.toStarter) || null
      })),
    check: (form, data) => {
      if (!data.starter) {
        return '找不到发起人所在的环节，无法退回发起人';
      }
      return blank(form.reason) ? '请填写退回理由' : null;
    },
    body: (form, data) => returnBody(data.starter, form.reason)
  },
  TRANSFER: {
    load: (api, ctx) => api.people(ctx.taskId, 'TRANSFER').then(people => ({people: people || []})),
    check: (form, data) => {
      if (!data.people.length) {
        return '没有可以转办的人员';
      }
      if (!form.person) {
        return '请选择转办给谁';
      }
      return blank(form.reason) ? '请填写转办理由' : null;
    },
    body: form => ({userId: form.person.userId, reason: trimmed(form.reason)})
  },
  DELEGATE: {
    load: (api, ctx) => api.people(ctx.taskId, 'DELEGATE').then(people => ({people: people || []})),
    check: (form, data) => {
      if (!data.people.length) {
        return '没有可以委派的人员';
      }
      if (!form.person) {
        return '请选择委派给谁';
      }
      return blank(form.reason) ? '请填写委派事项说明' : null;
    },
    body: form => ({userId: form.person.userId, reason: trimmed(form.reason)})
  },
  RESOLVE: {
    check: form => (blank(form.comment) ? '请填写处理情况' : null),
    body: form => ({comment: trimmed(form.comment)})
  },
  ADD_SIGN: {
    load: (api, ctx) => api.people(ctx.taskId, 'ADD_SIGN').then(people => ({people: people || []})),
    check: (form, data) => {
      if (!chosen(form).length) {
        return '请选择加签人员';
      }
      if (!form.position) {
        return '请选择加签方式（前加签、后加签或并行加签）';
      }
      if (form.position === 'AFTER' && chosen(form).length !== 1) {
        return '后加签一次只能加一人';
      }
      if (blank(form.reason)) {
        return form.position === 'AFTER' ? '请填写本人意见及加签理由' : '请填写加签理由';
      }
      return null;
    },
    body: form => ({userIds: chosen(form), position: form.position, reason: trimmed(form.reason)})
  },
  REMOVE_SIGN: {
    // only an added approver who has not signed yet can be taken off
    load: (api, ctx) => ({signers: (ctx.info.signers || []).filter(s => !s.signed)}),
    check: (form, data) => {
      if (!data.signers.length) {
        return '没有尚未签署的加签人员，无需减签';
      }
      if (!form.signer) {
        return '请选择要减签的人员';
      }
      return blank(form.reason) ? '请填写减签理由' : null;
    },
    body: form => ({userId: form.signer.userId, reason: trimmed(form.reason)})
  },
  SIGN: {
    check: form => {
      if (form.agree !== true && form.agree !== false) {
        return '请选择同意或不同意';
      }
      return blank(form.opinion) ? '请填写加签意见' : null;
    },
    body: form => ({opinion: trimmed(form.opinion), agree: form.agree})
  },
  COPY: {
    // whom to copy to: the colleagues who may do the task and the people who handled the case's
    // earlier steps (any official may be named by user name as well)
    load: (api, ctx, $q) => {
      const allowed = ctx.info.operations || [];
      const purpose = ['TRANSFER', 'DELEGATE', 'ADD_SIGN'].find(op => allowed.indexOf(op) !== -1);
      const returns = allowed.indexOf('RETURN') !== -1 || allowed.indexOf('RETURN_TO_STARTER') !== -1;
      return $q.all([
        purpose ? api.people(ctx.taskId, purpose).catch(() => []) : [],
        returns ? api.returnTargets(ctx.taskId).catch(() => []) : []
      ]).then(([colleagues, targets]) => {
        const people = (colleagues || []).slice();
        for (const target of targets || []) {
          if (target.assignee && !people.some(p => p.userId === target.assignee)) {
            const role = target.toStarter ? '本案发起人' : '曾办理「' + target.name + '」';
            people.push({userId: target.assignee, name: target.assigneeName, groupName: role});
          }
        }
        return {people: people};
      });
    },
    check: form => (chosen(form).length ? null : '请选择抄送人员'),
    body: form => ({userIds: chosen(form), groupIds: [], note: trimmed(form.note)})
  },
  URGE: {
    check: () => null,
    body: form => ({note: trimmed(form.note) || '请尽快办理'})
  }
};

function returnBody(target, reason) {
  const body = {targetActivityId: target.activityId, reason: trimmed(reason)};
  if (target.taskId) {
    body.targetTaskId = target.taskId;
  }
  return body;
}

/** The user ids ticked in a multi-person picker, then those typed in (抄送), without repeats. */
function chosen(form) {
  const ids = Object.keys(form.picked || {}).filter(userId => form.picked[userId]);
  for (const typed of trimmed(form.otherUsers).split(/[\s,，、;；]+/)) {
    if (typed && ids.indexOf(typed) === -1) {
      ids.push(typed);
    }
  }
  return ids;
}

const BAR_TEMPLATE = `
<div class="sg-approval-ops" ng-if="operations.length">
  <span class="sg-approval-ops-title">审批操作</span>
  <button type="button"
          ng-repeat="op in operations track by op.code"
          class="btn btn-default btn-xs sg-op sg-op-{{ op.code }}"
          data-op="{{ op.code }}"
          ng-click="open(op)">{{ op.label }}</button>
</div>
<div class="sg-approval-ops sg-approval-ops-unavailable text-muted" ng-if="unavailable">
  审批操作暂不可用：{{ unavailable }}
</div>
`;

const DIALOG_TEMPLATE = `
<form class="sg-op-dialog" name="opForm" novalidate ng-submit="submit()">
  <div class="modal-header">
    <h3 class="modal-title">{{ op.label }}</h3>
    <div class="sg-op-subtitle text-muted">{{ task.name }}<span ng-if="info.caseNo && (task.name || '').indexOf(info.caseNo) === -1">（{{ info.caseNo }}）</span></div>
  </div>

  <div class="modal-body">
    <div class="sg-op-loading text-muted" ng-if="loading">正在加载…</div>

    <div ng-if="!loading && !loadError">

      <!-- 退回: the step to return to -->
      <div class="form-group" ng-if="op.code === 'RETURN'">
        <label for="sg-op-target">退回到</label>
        <select id="sg-op-target" name="target" class="form-control"
                ng-model="form.target"
                ng-options="t as t.label for t in data.targets track by targetKey(t)">
          <option value="">请选择环节</option>
        </select>
      </div>

      <!-- 退回发起人: the starter's step, fixed -->
      <div class="form-group" ng-if="op.code === 'RETURN_TO_STARTER' && data.starter">
        <label>退回到</label>
        <p class="form-control-static sg-op-starter">{{ data.starter.label }}</p>
      </div>

      <!-- 转办 / 委派: one person -->
      <div class="form-group" ng-if="op.code === 'TRANSFER' || op.code === 'DELEGATE'">
        <label for="sg-op-person">{{ op.code === 'TRANSFER' ? '转办给' : '委派给' }}</label>
        <select id="sg-op-person" name="userId" class="form-control"
                ng-model="form.person"
                ng-options="p as personLabel(p) for p in data.people track by p.userId">
          <option value="">请选择人员</option>
        </select>
        <p class="help-block" ng-if="op.code === 'TRANSFER'">转办后任务由对方办理，不再回到您手中。</p>
        <p class="help-block" ng-if="op.code === 'DELEGATE'">对方处理完毕后，任务交还给您继续办理。</p>
      </div>

      <!-- 加签 / 抄送: several people -->
      <div class="form-group" ng-if="op.code === 'ADD_SIGN' || op.code === 'COPY'">
        <label>{{ op.code === 'ADD_SIGN' ? '加签人员' : '抄送给' }}</label>
        <input type="text" class="form-control input-sm sg-op-filter" name="filter"
               ng-model="form.filter" placeholder="按姓名、单位或岗位筛选">
        <div class="sg-op-people">
          <div class="checkbox" ng-repeat="p in data.people | filter:matches track by p.userId">
            <label>
              <input type="checkbox" name="picked" value="{{ p.userId }}" ng-model="form.picked[p.userId]">
              {{ personLabel(p) }}
            </label>
          </div>
          <div class="text-muted" ng-if="!data.people.length">没有可选的人员</div>
        </div>
      </div>
      <div class="form-group" ng-if="op.code === 'COPY'">
        <label for="sg-op-others">其他人员的用户名（可不填，多个用逗号分隔）</label>
        <input type="text" id="sg-op-others" name="otherUsers" class="form-control" ng-model="form.otherUsers"
               placeholder="例如 s01-off, ga-off">
      </div>

      <!-- 加签: the position of the added approvers -->
      <div class="form-group" ng-if="op.code === 'ADD_SIGN'">
        <label>加签方式</label>
        <div class="radio" ng-repeat="position in positions">
          <label>
            <input type="radio" name="position" value="{{ position }}" ng-model="form.position">
            {{ positionLabels[position] }} <span class="text-muted">— {{ positionHints[position] }}</span>
          </label>
        </div>
      </div>

      <!-- 减签: one added approver who has not signed -->
      <div class="form-group" ng-if="op.code === 'REMOVE_SIGN'">
        <label for="sg-op-signer">减签人员</label>
        <select id="sg-op-signer" name="signer" class="form-control"
                ng-model="form.signer"
                ng-options="s as signerLabel(s) for s in data.signers track by s.userId">
          <option value="">请选择人员</option>
        </select>
      </div>

      <!-- 签署加签意见: agree or not, and the opinion -->
      <div class="form-group" ng-if="op.code === 'SIGN'">
        <label>签署结果</label>
        <div>
          <label class="radio-inline"><input type="radio" name="agree" ng-model="form.agree" ng-value="true"> 同意</label>
          <label class="radio-inline"><input type="radio" name="agree" ng-model="form.agree" ng-value="false"> 不同意</label>
        </div>
      </div>
      <div class="form-group" ng-if="op.code === 'SIGN'">
        <label for="sg-op-opinion">加签意见</label>
        <textarea id="sg-op-opinion" name="opinion" class="form-control" rows="4" ng-model="form.opinion"></textarea>
      </div>

      <!-- the reason of a return, transfer, delegation, added or removed approver -->
      <div class="form-group" ng-if="needsReason()">
        <label for="sg-op-reason">{{ reasonLabel() }}</label>
        <textarea id="sg-op-reason" name="reason" class="form-control" rows="3" ng-model="form.reason"></textarea>
      </div>

      <div class="form-group" ng-if="op.code === 'RESOLVE'">
        <label for="sg-op-comment">处理情况</label>
        <textarea id="sg-op-comment" name="comment" class="form-control" rows="4" ng-model="form.comment"
                  placeholder="说明处理结果，任务将交还给委派人"></textarea>
      </div>

      <div class="form-group" ng-if="op.code === 'COPY' || op.code === 'URGE'">
        <label for="sg-op-note">{{ op.code === 'COPY' ? '附言（可不填）' : '催办内容（可不填）' }}</label>
        <textarea id="sg-op-note" name="note" class="form-control" rows="3" ng-model="form.note"
                  placeholder="{{ op.code === 'URGE' ? '请尽快办理' : '' }}"></textarea>
      </div>
    </div>

    <div class="alert alert-warning sg-op-invalid" ng-if="invalid">{{ invalid }}</div>
    <div class="alert alert-danger sg-op-error" ng-if="loadError || serverError">{{ loadError || serverError }}</div>
  </div>

  <div class="modal-footer">
    <button type="button" class="btn btn-link sg-op-cancel" ng-click="$dismiss()">取消</button>
    <button type="submit" class="btn btn-primary sg-op-submit"
            ng-disabled="loading || loadError || sending">{{ sending ? '正在提交…' : '确定' }}</button>
  </div>
</form>
`;

const REASON_LABELS = {
  RETURN: '退回理由',
  RETURN_TO_STARTER: '退回理由',
  TRANSFER: '转办理由',
  DELEGATE: '委派事项说明',
  ADD_SIGN: '加签理由',
  REMOVE_SIGN: '减签理由'
};

/** The controller of one operation's dialog; `context` = {op, task, taskId, info}. */
const DialogController = [
  '$scope',
  '$q',
  'streetgovApi',
  'context',
  function($scope, $q, api, context) {
    const dialog = DIALOGS[context.op.code];
    $scope.op = context.op;
    $scope.task = context.task;
    $scope.info = context.info;
    $scope.form = {picked: {}};
    $scope.data = {};
    $scope.positions = ['BEFORE', 'AFTER', 'PARALLEL'];
    $scope.positionLabels = POSITION_LABELS;
    $scope.positionHints = POSITION_HINTS;
    $scope.personLabel = personLabel;
    $scope.signerLabel = s => (s.name || s.userId) + '（' + (POSITION_LABELS[s.position] || s.position) + '）';
    $scope.targetKey = t => t.activityId + '|' + (t.taskId || '');
    $scope.needsReason = () => Object.prototype.hasOwnProperty.call(REASON_LABELS, context.op.code);
    // 后加签 hands the task on: what the holder writes is also their own opinion on it
    $scope.reasonLabel = () =>
      context.op.code === 'ADD_SIGN' && $scope.form.position === 'AFTER' ? '本人意见及加签理由' : REASON_LABELS[context.op.code];

    // the filter of the multi-person pickers: by name, unit, post or user id
    $scope.matches = function(person) {
      const text = trimmed($scope.form.filter).toLowerCase();
      return !text || [person.name, person.userId, person.groupName, person.post]
        .some(value => value && String(value).toLowerCase().indexOf(text) !== -1);
    };

    // a warning about what is missing goes once the official changes the form
    $scope.$watch('form', function(now, before) {
      if (now !== before) {
        $scope.invalid = null;
      }
    }, true);

    // the dialog closes itself when Tasklist navigates (another task chosen)
    $scope.$on('$locationChangeSuccess', function() {
      $scope.$dismiss();
    });

    $scope.loading = !!dialog.load;
    if (dialog.load) {
      $q.when(dialog.load(api, context, $q)).then(
        function(data) {
          $scope.data = data;
          $scope.loading = false;
        },
        function(error) {
          $scope.loadError = error.message || errorMessage(error);
          $scope.loading = false;
        }
      );
    }

    $scope.submit = function() {
      $scope.serverError = null;
      $scope.invalid = dialog.check($scope.form, $scope.data);
      if ($scope.invalid) {
        return;
      }
      $scope.sending = true;
      api.perform(context.taskId, context.op.action, dialog.body($scope.form, $scope.data)).then(
        function(answer) {
          $scope.$close({
            message: (answer && answer.message) || context.op.label + '成功',
            // 后加签 passes the task to the added approver
            leaves: context.op.leaves || (context.op.code === 'ADD_SIGN' && $scope.form.position === 'AFTER')
          });
        },
        function(error) {
          // refused (4xx with the server's reason) or failed: say why and let the official correct it
          $scope.serverError = error.message;
          $scope.sending = false;
        }
      );
    };
  }
];

/** The controller of the bar of buttons on the open task. */
const BarController = [
  '$scope',
  '$location',
  '$uibModal',
  'Notifications',
  'streetgovApi',
  function($scope, $location, $modal, Notifications, api) {
    const data = $scope.taskData.newChild($scope);
    $scope.operations = [];
    let info = null;
    let asked = null; // the task whose operations were asked for last (answers for others are dropped)

    data.observe('task', function(task) {
      $scope.task = task;
      $scope.operations = [];
      $scope.unavailable = null;
      info = null;
      if (!task || !task.id) {
        asked = null;
        return;
      }
      const taskId = (asked = task.id);
      api.operations(taskId).then(
        function(answer) {
          if (asked !== taskId) {
            return;
          }
          info = answer || {};
          const allowed = info.operations || [];
          const labels = info.labels || {};
          $scope.operations = OPERATIONS.filter(op => allowed.indexOf(op.code) !== -1)
            .map(op => Object.assign({}, op, {label: labels[op.code] || op.label}));
        },
        function(error) {
          if (asked !== taskId) {
            return;
          }
          // 403/404: nothing this user may do on the task (an auditor, another unit's task): no buttons
          if (error.status !== 403 && error.status !== 404) {
            $scope.unavailable = error.message;
          }
        }
      );
    });

    $scope.open = function(op) {
      const task = $scope.task;
      $modal
        .open({
          template: DIALOG_TEMPLATE,
          controller: DialogController,
          windowClass: 'sg-op-modal sg-op-modal-' + op.code,
          resolve: {
            context: () => ({op: op, task: task, taskId: task.id, info: info || {}})
          }
        })
        .result.then(
          function(result) {
            Notifications.addMessage({
              status: op.label,
              message: result.message,
              duration: 8000
            });
            if (result.leaves) {
              closeTask();
            } else {
              // the task stays: reload it (and so its operations) and the list
              data.changed('task');
              data.changed('taskList');
            }
          },
          function() {
            // cancelled
          }
        );
    };

    /** As Tasklist does after a completion: close the task and reload the list. */
    function closeTask() {
      const search = $location.search();
      delete search.task;
      delete search.detailsTab;
      $location.search(search);
      data.changed('taskList');
    }
  }
];

export function registerTaskOperations(ngModule) {
  ngModule.config([
    'ViewsProvider',
    function(ViewsProvider) {
      ViewsProvider.registerDefaultView('tasklist.task.action', {
        id: 'streetgov-approval-operations',
        template: BAR_TEMPLATE,
        controller: BarController,
        // left of Tasklist's own 添加评论 (priority 100): the bar is right-aligned, highest first
        priority: 200
      });
    }
  ]);
}
