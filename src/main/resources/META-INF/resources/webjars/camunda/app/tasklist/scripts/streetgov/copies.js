/*
 * 抄送我的 in Tasklist's header (plugin point "tasklist.navbar.action", beside 启动流程): the number
 * of copies not read yet, and a dialog listing every copy (GET /api/copies, newest first) where each
 * can be marked 已阅 (POST /api/copies/{id}/read).
 */

import {countingLink} from './lists.js';

const LINK_TEMPLATE = `
<a href class="sg-copies-link" ng-click="open()" title="抄送给我的案件">
  <span class="glyphicon glyphicon-inbox"></span>
  抄送我的
  <span class="badge sg-copies-unread" ng-if="unread > 0">{{ unread }}</span>
</a>
`;

const LIST_TEMPLATE = `
<div class="modal-header">
  <h3 class="modal-title">抄送我的</h3>
</div>

<div class="modal-body sg-copies">
  <div class="text-muted" ng-if="loading">正在加载…</div>
  <div class="alert alert-danger sg-copies-error" ng-if="error">{{ error }}</div>
  <div class="text-muted sg-copies-empty" ng-if="!loading && !error && !copies.length">暂无抄送给您的案件</div>

  <table class="table table-condensed sg-copies-table" ng-if="copies.length">
    <thead>
      <tr>
        <th>案件</th>
        <th>环节</th>
        <th>抄送人</th>
        <th>附言</th>
        <th>抄送时间</th>
        <th>状态</th>
      </tr>
    </thead>
    <tbody>
      <tr ng-repeat="copy in copies track by copy.id"
          class="sg-copy" data-copy-id="{{ copy.id }}"
          ng-class="{'sg-copy-unread': !copy.readAt}">
        <td>
          <div class="sg-copy-case">{{ copy.caseNo }}</div>
          <div class="text-muted">{{ copy.processName }}</div>
        </td>
        <td>{{ copy.stepName }}</td>
        <td>{{ copy.fromName || copy.fromUserId }}</td>
        <td class="sg-copy-note">{{ copy.note }}</td>
        <td>{{ copy.copiedAt | date:'yyyy-MM-dd HH:mm' }}</td>
        <td>
          <span class="text-muted sg-copy-read" ng-if="copy.readAt">已阅 {{ copy.readAt | date:'MM-dd HH:mm' }}</span>
          <button type="button" class="btn btn-default btn-xs sg-copy-mark-read"
                  ng-if="!copy.readAt" ng-disabled="copy.$marking"
                  ng-click="markRead(copy)">标为已阅</button>
        </td>
      </tr>
    </tbody>
  </table>
</div>

<div class="modal-footer">
  <button type="button" class="btn btn-default sg-copies-close" ng-click="$close()">关闭</button>
</div>
`;

function unreadCount(copies) {
  return (copies || []).filter(copy => !copy.readAt).length;
}

/** The shared state of the header link and its dialog: the list as last loaded. */
function registerCopyState(ngModule) {
  ngModule.factory('streetgovCopies', [
    'streetgovApi',
    function(api) {
      const state = {copies: [], unread: 0, loaded: false, error: null};
      state.reload = function() {
        return api.copies().then(
          function(answer) {
            // {unread, items}: the items are the newest 200, the count is of all unread copies
            state.copies = (answer && answer.items) || [];
            state.unread = answer && typeof answer.unread === 'number' ? answer.unread : unreadCount(state.copies);
            state.loaded = true;
            state.error = null;
            return state.copies;
          },
          function(error) {
            state.error = error.message;
            throw error;
          }
        );
      };
      return state;
    }
  ]);
}

const ListController = [
  '$scope',
  'streetgovApi',
  'streetgovCopies',
  function($scope, api, copies) {
    $scope.loading = true;
    $scope.copies = copies.copies;

    function reload() {
      return copies.reload().then(
        function(list) {
          $scope.copies = list;
          $scope.error = null;
          $scope.loading = false;
        },
        function(error) {
          $scope.error = error.message;
          $scope.loading = false;
        }
      );
    }

    $scope.markRead = function(copy) {
      copy.$marking = true;
      $scope.error = null;
      api.markCopyRead(copy.id).then(reload, function(error) {
        copy.$marking = false;
        $scope.error = error.message;
      });
    };

    reload();
  }
];

const LinkController = countingLink(
  'streetgovCopies',
  function(copies) {
    return copies.reload().then(function() {
      return copies.unread;
    });
  },
  {template: LIST_TEMPLATE, controller: ListController, windowClass: 'sg-copies-modal'}
);

export function registerCopies(ngModule) {
  registerCopyState(ngModule);
  ngModule.config([
    'ViewsProvider',
    function(ViewsProvider) {
      ViewsProvider.registerDefaultView('tasklist.navbar.action', {
        id: 'streetgov-copies',
        template: LINK_TEMPLATE,
        controller: LinkController,
        priority: 200
      });
    }
  ]);
}
