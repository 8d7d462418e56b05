/*
 * 消息 in Tasklist's header (plugin point "tasklist.navbar.action"): the number of unread messages
 * (new tasks, reminders, overdue escalations, urges, copies, returns, case ends, rejections by the
 * rules), asked for every minute (GET /api/notifications/unread-count), and a dialog listing them
 * (GET /api/notifications, newest first, 20 a page) where each can be marked read and its case opened.
 */

import {addPaging, countingLink, pageBar} from './lists.js';

const PAGE_SIZE = 20;

const LINK_TEMPLATE = `
<a href id="sg-inbox" class="sg-inbox-link" ng-click="open()" title="我的消息">
  <span class="glyphicon glyphicon-bell"></span>
  消息
  <span class="badge" id="sg-inbox-count" ng-if="unread > 0">{{ unread }}</span>
</a>
`;

const LIST_TEMPLATE = `
<div class="modal-header">
  <h3 class="modal-title">我的消息</h3>
</div>

<div class="modal-body sg-inbox-panel">
  <div class="text-muted" ng-if="loading">正在加载…</div>
  <div class="alert alert-danger sg-inbox-error" ng-if="error">{{ error }}</div>
  <div class="text-muted sg-inbox-empty" ng-if="!loading && !error && !items.length">暂无消息</div>

  <table class="table table-condensed sg-inbox-table" ng-if="items.length">
    <thead>
      <tr><th>类别</th><th>案件</th><th>内容</th><th>时间</th><th>状态</th></tr>
    </thead>
    <tbody>
      <tr ng-repeat="item in items track by item.id" class="sg-inbox-item" data-notification-id="{{ item.id }}"
          ng-class="{'sg-unread': !item.readAt}">
        <td class="sg-inbox-kind">{{ item.kindLabel }}</td>
        <td>
          <a href class="sg-case-no" ng-if="item.processInstanceId" ng-click="openCase(item)">{{ item.caseNo }}</a>
          <span class="sg-case-no" ng-if="!item.processInstanceId">{{ item.caseNo }}</span>
          <div class="text-muted">{{ item.processName }}</div>
        </td>
        <td class="sg-inbox-message">{{ item.message }}</td>
        <td>{{ item.createdAt | sgTime }}</td>
        <td>
          <span class="text-muted" ng-if="item.readAt">已读</span>
          <button type="button" class="btn btn-default btn-xs sg-inbox-mark-read"
                  ng-if="!item.readAt" ng-disabled="item.$marking" ng-click="markRead(item)">标为已读</button>
        </td>
      </tr>
    </tbody>
  </table>

  ${pageBar('sg-inbox-pages', '条')}
</div>

<div class="modal-footer">
  <button type="button" class="btn btn-default sg-inbox-read-all" ng-if="unread > 0" ng-click="markAll()">全部已读</button>
  <button type="button" class="btn btn-default sg-inbox-close" ng-click="$close()">关闭</button>
</div>
`;

const ListController = [
  '$scope',
  'streetgovApi',
  'streetgovCaseView',
  function($scope, api, caseView) {
    $scope.items = [];
    $scope.unread = 0;
    addPaging($scope, PAGE_SIZE, load);

    function load() {
      $scope.loading = true;
      return api.notifications($scope.page, PAGE_SIZE).then(
        function(answer) {
          $scope.items = (answer && answer.items) || [];
          $scope.total = (answer && answer.total) || 0;
          $scope.unread = (answer && answer.unread) || 0;
          $scope.error = null;
          $scope.loading = false;
        },
        function(error) {
          $scope.error = error.message;
          $scope.loading = false;
        }
      );
    }

    $scope.markRead = function(item) {
      item.$marking = true;
      return api.markNotificationRead(item.id).then(load, function(error) {
        item.$marking = false;
        $scope.error = error.message;
      });
    };

    $scope.markAll = function() {
      api.markAllNotificationsRead().then(load, function(error) {
        $scope.error = error.message;
      });
    };

    $scope.openCase = function(item) {
      if (!item.readAt) {
        $scope.markRead(item);
      }
      caseView.open(item.processInstanceId, item.caseNo);
    };

    load();
  }
];

// Tasklist changes its route when a task is opened, completed or left: the count is asked again then
const LinkController = countingLink(
  'streetgovApi',
  function(api) {
    return api.unreadNotifications().then(function(answer) {
      return answer && answer.unread;
    });
  },
  {template: LIST_TEMPLATE, controller: ListController, windowClass: 'sg-inbox-modal'},
  ['$routeChanged']
);

export function registerInbox(ngModule) {
  ngModule.config([
    'ViewsProvider',
    function(ViewsProvider) {
      ViewsProvider.registerDefaultView('tasklist.navbar.action', {
        id: 'streetgov-inbox',
        template: LINK_TEMPLATE,
        controller: LinkController,
        priority: 300
      });
    }
  ]);
}
