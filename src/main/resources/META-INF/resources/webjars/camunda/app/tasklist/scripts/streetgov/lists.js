/*
 * What the header's lists share (抄送我的, 消息, 已办 / 我发起的): a header link with an unread count
 * that opens its list in a dialog, and paging of a list the server pages.
 */

/** How often a header link asks for its count while Tasklist is open. */
const REFRESH_MILLIS = 60 * 1000;

/**
 * The controller of a header link: `count(service)` answers a promise of the number to show
 * (injected service `serviceName`); open() shows `dialog` ({template, controller, windowClass}) and
 * counts again when it closes; `events` are scope events after which to count again.
 */
export function countingLink(serviceName, count, dialog, events) {
  return [
    '$scope',
    '$interval',
    '$uibModal',
    serviceName,
    function($scope, $interval, $modal, service) {
      function refresh() {
        count(service).then(
          function(unread) {
            $scope.unread = unread || 0;
          },
          function() {
            // not for this user (or not reachable now): no count rather than a wrong one
            $scope.unread = 0;
          }
        );
      }

      $scope.open = function() {
        $modal
          .open({template: dialog.template, controller: dialog.controller, windowClass: dialog.windowClass, size: 'lg'})
          .result.finally(refresh)
          .catch(function() {
            // dismissed
          });
      };

      const timer = $interval(refresh, REFRESH_MILLIS);
      (events || []).forEach(function(event) {
        $scope.$on(event, refresh);
      });
      $scope.$on('$destroy', function() {
        $interval.cancel(timer);
      });
      refresh();
    }
  ];
}

/** The page bar of a paged list; `unit` counts its rows (条, 件). */
export function pageBar(cssClass, unit) {
  return `
  <div class="${cssClass}" ng-if="total > pageSize">
    <button type="button" class="btn btn-default btn-xs" ng-disabled="page === 0" ng-click="go(page - 1)">上一页</button>
    第 {{ page + 1 }} / {{ pages() }} 页，共 {{ total }} ${unit}
    <button type="button" class="btn btn-default btn-xs" ng-disabled="page + 1 >= pages()" ng-click="go(page + 1)">下一页</button>
  </div>`;
}

/** Puts page, pageSize, total, pages() and go(page) on the scope; go loads the page with `load`. */
export function addPaging($scope, pageSize, load) {
  $scope.page = 0;
  $scope.pageSize = pageSize;
  $scope.total = 0;
  $scope.pages = function() {
    return Math.max(1, Math.ceil($scope.total / pageSize));
  };
  $scope.go = function(page) {
    $scope.page = page;
    load();
  };
}
