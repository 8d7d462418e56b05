/*
 * 已办 / 我发起的 in Tasklist's header (plugin point "tasklist.navbar.action"): the cases the official
 * completed a step of (GET /api/cases/done) and the cases they started (GET /api/cases/started),
 * with their state (running at which step, ended with which outcome), searchable by case number
 * and subject, 20 a page; a row opens the case's record and diagram read-only; 撤回 takes back a
 * step the official completed while what followed is untouched (POST /api/tasks/{id}/withdraw with
 * a reason; the server decides whether it still may).
 */

import {addPaging, pageBar} from './lists.js';

const PAGE_SIZE = 20;

const LINK_TEMPLATE = `
<a href id="sg-workspace" class="sg-workspace-link" ng-click="open()" title="我办理过的和我发起的案件">
  <span class="glyphicon glyphicon-folder-open"></span>
  已办 / 我发起的
</a>
`;

const LIST_TEMPLATE = `
<div class="modal-header">
  <h3 class="modal-title">我的案件</h3>
</div>

<div class="modal-body sg-workspace">
  <ul class="nav nav-tabs">
    <li ng-class="{active: which === 'done'}"><a href data-sg-tab="done" ng-click="show('done')">已办</a></li>
    <li ng-class="{active: which === 'started'}"><a href data-sg-tab="started" ng-click="show('started')">我发起的</a></li>
  </ul>

  <form class="form-inline sg-workspace-filters" ng-submit="search()">
    <input type="text" class="form-control input-sm sg-workspace-search" ng-model="filters.q"
           placeholder="案件编号或事项" maxlength="100">
    <select class="form-control input-sm sg-workspace-state" ng-model="filters.state" ng-change="search()">
      <option value="">全部状态</option>
      <option value="RUNNING">办理中</option>
      <option value="ENDED">已办结</option>
    </select>
    <button type="submit" class="btn btn-default btn-sm sg-workspace-go">查询</button>
  </form>

  <div class="text-muted" ng-if="loading">正在加载…</div>
  <div class="alert alert-danger sg-workspace-error" ng-if="error">{{ error }}</div>
  <div class="alert alert-success sg-workspace-done" ng-if="done">{{ done }}</div>
  <div class="text-muted sg-workspace-empty" ng-if="!loading && !error && !items.length">没有符合条件的案件</div>

  <table class="table table-condensed table-hover sg-workspace-table" ng-if="items.length">
    <thead>
      <tr>
        <th>案件编号</th>
        <th>事项</th>
        <th>状态</th>
        <th ng-if="which === 'done'">我办理的环节</th>
        <th ng-if="which === 'started'">发起时间</th>
        <th></th>
      </tr>
    </thead>
    <tbody>
      <tr ng-repeat="item in items track by item.processInstanceId" class="sg-case-row"
          data-process-instance-id="{{ item.processInstanceId }}">
        <td><a href class="sg-case-no" ng-click="openCase(item)">{{ item.caseNo }}</a>
          <div class="text-muted">{{ item.processName }}</div></td>
        <td class="sg-case-subject">{{ item.subject }}</td>
        <td class="sg-case-state">
          <span ng-if="item.state === 'RUNNING'">{{ item.stateLabel }}：
            <span ng-repeat="step in item.currentSteps">{{ step.name }}<span ng-if="step.orgName">（{{ step.orgName }}）</span><span ng-if="!$last">、</span></span>
          </span>
          <span ng-if="item.state !== 'RUNNING'">{{ item.stateLabel }}<span ng-if="item.outcomeLabel">：{{ item.outcomeLabel }}</span>
            <span class="text-muted">{{ item.endedAt | sgTime }}</span></span>
        </td>
        <td ng-if="which === 'done'">
          <span ng-if="item.myLastStep">{{ item.myLastStep.name }}
            <span class="text-muted">{{ item.myLastStep.endedAt | sgTime }}</span></span>
        </td>
        <td ng-if="which === 'started'">{{ item.startedAt | sgTime }}</td>
        <td class="sg-case-actions">
          <button type="button" class="btn btn-default btn-xs sg-case-open" ng-click="openCase(item)">查看</button>
          <button type="button" class="btn btn-warning btn-xs sg-withdraw" ng-if="item.withdrawableTaskId"
                  ng-click="startWithdraw(item)">撤回</button>
        </td>
      </tr>
    </tbody>
  </table>

  <div class="panel panel-warning sg-withdraw-form" ng-if="withdrawing">
    <div class="panel-heading">撤回 {{ withdrawing.caseNo }} 的“{{ withdrawing.myLastStep.name }}”</div>
    <div class="panel-body">
      <p class="text-muted">撤回后该环节回到您的待办中，可重新办理；请写明撤回理由。</p>
      <textarea class="form-control sg-withdraw-reason" rows="3" maxlength="1000" ng-model="withdrawing.reason"
                placeholder="撤回理由（必填）"></textarea>
      <div class="sg-withdraw-buttons">
        <button type="button" class="btn btn-warning btn-sm sg-withdraw-confirm"
                ng-disabled="!withdrawing.reason || withdrawing.$sending" ng-click="withdraw()">确认撤回</button>
        <button type="button" class="btn btn-default btn-sm" ng-click="cancelWithdraw()">取消</button>
      </div>
    </div>
  </div>

  ${pageBar('sg-workspace-pages', '件')}
</div>

<div class="modal-footer">
  <button type="button" class="btn btn-default sg-workspace-close" ng-click="$close()">关闭</button>
</div>
`;

const ListController = [
  '$scope',
  'streetgovApi',
  'streetgovCaseView',
  function($scope, api, caseView) {
    $scope.which = 'done';
    $scope.filters = {q: '', state: ''};
    $scope.items = [];

    let asked = 0; // answers to an older question are dropped
    addPaging($scope, PAGE_SIZE, load);
    function load() {
      const question = ++asked;
      $scope.loading = true;
      $scope.error = null;
      return api
        .cases($scope.which, {q: ($scope.filters.q || '').trim(), state: $scope.filters.state, page: $scope.page, size: PAGE_SIZE})
        .then(
          function(answer) {
            if (question !== asked) {
              return;
            }
            $scope.items = (answer && answer.items) || [];
            $scope.total = (answer && answer.total) || 0;
            $scope.loading = false;
          },
          function(error) {
            if (question !== asked) {
              return;
            }
            $scope.items = [];
            $scope.error = error.message;
            $scope.loading = false;
          }
        );
    }

    $scope.show = function(which) {
      $scope.which = which;
      $scope.page = 0;
      $scope.withdrawing = null;
      $scope.done = null;
      load();
    };

    $scope.search = function() {
      $scope.page = 0;
      load();
    };

    $scope.openCase = function(item) {
      caseView.open(item.processInstanceId, item.caseNo);
    };

    $scope.startWithdraw = function(item) {
      $scope.done = null;
      $scope.withdrawing = {
        caseNo: item.caseNo,
        taskId: item.withdrawableTaskId,
        myLastStep: item.myLastStep || {},
        reason: ''
      };
    };

    $scope.cancelWithdraw = function() {
      $scope.withdrawing = null;
    };

    $scope.withdraw = function() {
      const withdrawing = $scope.withdrawing;
      withdrawing.$sending = true;
      api.perform(withdrawing.taskId, 'withdraw', {reason: withdrawing.reason.trim()}).then(
        function(answer) {
          $scope.withdrawing = null;
          $scope.done = (answer && answer.message) || '已撤回';
          load();
        },
        function(error) {
          withdrawing.$sending = false;
          $scope.error = error.message;
        }
      );
    };

    load();
  }
];

const LinkController = [
  '$scope',
  '$uibModal',
  function($scope, $modal) {
    $scope.open = function() {
      $modal
        .open({
          template: LIST_TEMPLATE,
          controller: ListController,
          windowClass: 'sg-workspace-modal',
          size: 'lg'
        })
        .result.catch(function() {
          // dismissed
        });
    };
  }
];

export function registerWorkspace(ngModule) {
  ngModule.config([
    'ViewsProvider',
    function(ViewsProvider) {
      ViewsProvider.registerDefaultView('tasklist.navbar.action', {
        id: 'streetgov-workspace',
        template: LINK_TEMPLATE,
        controller: LinkController,
        priority: 250
      });
    }
  ]);
}
