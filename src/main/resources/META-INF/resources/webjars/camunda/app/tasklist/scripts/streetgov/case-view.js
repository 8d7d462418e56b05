/*
 * The case as an official reads it: 审批记录 (every step so far with who, organisation and post,
 * when, how long, the decision and the opinion; the other approval operations; the departments'
 * reports) and 流程图 (the diagram with the path taken and the open steps).
 *
 *   - two tabs of the open task (plugin point "tasklist.task.detail"); our 流程图 replaces
 *     Tasklist's own diagram tab, which shows the current step only;
 *   - the same, read-only, in a dialog opened from 已办 / 我发起的 and from 消息
 *     (service streetgovCaseView.open(processInstanceId)).
 *
 * The dialog's third tab, 附件, is attachments.js. The record comes from GET /api/cases/{id}/record, the diagram from GET /api/cases/{id}/diagram;
 * the server decides who may read a case (a refusal is shown as its Chinese reason). 打印审批表 opens the
 * case's printable approval form (/app/cases/{id}/print) in a new window.
 */

/** The printable approval form (审批表) of the case. */
export function printUrl(processInstanceId) {
  return '/app/cases/' + encodeURIComponent(processInstanceId) + '/print';
}

import {renderDiagram} from './diagram.js';

/** The types of the typed record that a step's own row already shows. */
const DECISION_TYPES = ['APPROVE', 'REJECT', 'COMMENT'];

/**
 * "2026-12-02 10:05" of an ISO time the server gave in the configured zone: the wall clock of the
 * answer, whatever the browser's own zone is.
 */
export function wallClock(value) {
  if (!value || typeof value !== 'string') {
    return '';
  }
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
  return match ? match[1] + ' ' + match[2] : value;
}

const RECORD_TEMPLATE = `
<div class="sg-record">
  <div class="text-muted sg-record-loading" ng-if="loading">正在加载审批记录…</div>
  <div class="alert alert-danger sg-record-error" ng-if="error">{{ error }}</div>

  <div class="sg-record-case" ng-if="record.case">
    <span class="sg-case-no">{{ record.case.caseNo }}</span>
    <span class="sg-record-process">{{ record.case.processName }}</span>
    <span class="sg-record-subject">{{ record.case.subject }}</span>
    <span class="label label-default sg-record-state">{{ record.case.stateLabel }}</span>
    <span class="label label-info sg-record-outcome" ng-if="record.case.outcomeLabel">{{ record.case.outcomeLabel }}</span>
    <a class="btn btn-default btn-xs sg-print-link" ng-href="{{ printUrl }}" target="_blank" rel="noopener">打印审批表</a>
    <div class="text-muted sg-record-started">
      发起：{{ record.case.starterName }} {{ record.case.startedAt | sgTime }}
      <span ng-if="record.case.endedAt">· 办结：{{ record.case.endedAt | sgTime }}</span>
      <span ng-if="record.case.currentSteps.length">· 当前环节：
        <span ng-repeat="step in record.case.currentSteps">{{ step.name }}<span ng-if="step.orgName">（{{ step.orgName }}）</span><span ng-if="!$last">、</span></span>
      </span>
    </div>
  </div>

  <table class="table table-condensed sg-record-steps" ng-if="record.steps.length">
    <thead>
      <tr>
        <th>环节</th>
        <th>办理人</th>
        <th>单位及职务</th>
        <th>收到</th>
        <th>办结</th>
        <th>用时</th>
        <th>结果</th>
        <th>意见</th>
      </tr>
    </thead>
    <tbody>
      <tr ng-repeat="step in record.steps" class="sg-record-step" ng-class="{'sg-record-open': !step.endedAt}">
        <td>{{ step.name }}</td>
        <td>{{ step.userName }}</td>
        <td>{{ step.orgName }}<span ng-if="step.post"> · {{ step.post }}</span></td>
        <td>{{ step.createdAt | sgTime }}</td>
        <td>{{ step.endedAt | sgTime }}</td>
        <td>{{ step.duration }}</td>
        <td>
          <span ng-if="step.decisionLabel">{{ step.decisionLabel }}</span>
          <span class="text-muted" ng-if="!step.decisionLabel">{{ step.stateLabel }}</span>
        </td>
        <td class="sg-record-text">{{ step.opinion }}</td>
      </tr>
    </tbody>
  </table>
  <div class="text-muted sg-record-empty" ng-if="!loading && !error && record && !record.steps.length">尚无办理记录</div>

  <div class="sg-record-operations" ng-if="operations.length">
    <h4>审批操作</h4>
    <table class="table table-condensed">
      <thead>
        <tr><th>时间</th><th>操作</th><th>环节</th><th>办理人</th><th>单位及职务</th><th>说明</th></tr>
      </thead>
      <tbody>
        <tr ng-repeat="entry in operations" class="sg-record-operation">
          <td>{{ entry.time | sgTime }}</td>
          <td>{{ entry.typeLabel }}</td>
          <td>{{ entry.stepName }}</td>
          <td>{{ entry.userName }}</td>
          <td>{{ entry.orgName }}<span ng-if="entry.post"> · {{ entry.post }}</span></td>
          <td class="sg-record-text">{{ entry.text }}</td>
        </tr>
      </tbody>
    </table>
  </div>

  <div class="sg-record-reports" ng-if="record.reports.length">
    <h4>各单位报告</h4>
    <div class="panel panel-default sg-record-report" ng-repeat="report in record.reports">
      <div class="panel-heading">
        {{ report.title }}<span class="text-muted"> · {{ report.orgName }} {{ report.userName }} {{ report.time | sgTime }}</span>
      </div>
      <div class="panel-body sg-record-text">{{ report.text }}</div>
    </div>
  </div>
</div>
`;

const DIAGRAM_TEMPLATE = `
<div class="sg-diagram-box">
  <div class="text-muted" ng-if="loading">正在加载流程图…</div>
  <div class="alert alert-danger sg-diagram-error" ng-if="error">{{ error }}</div>
  <div class="sg-diagram-legend" ng-if="!loading && !error">
    <span class="sg-legend sg-legend-done"></span>已办理
    <span class="sg-legend sg-legend-current"></span>当前环节
  </div>
  <div class="sg-diagram"></div>
</div>
`;

const CASE_TEMPLATE = `
<div class="modal-header">
  <h3 class="modal-title">案件 {{ caseNo }}</h3>
</div>
<div class="modal-body sg-case-view">
  <ul class="nav nav-tabs">
    <li ng-class="{active: tab === 'record'}"><a href ng-click="show('record')" class="sg-case-tab-record">审批记录</a></li>
    <li ng-class="{active: tab === 'diagram'}"><a href ng-click="show('diagram')" class="sg-case-tab-diagram">流程图</a></li>
    <li ng-class="{active: tab === 'attachments'}"><a href ng-click="show('attachments')" class="sg-case-tab-attachments">附件</a></li>
  </ul>
  <div ng-if="tab === 'record'" sg-case-record="processInstanceId"></div>
  <div ng-if="tab === 'diagram'" sg-case-diagram="processInstanceId"></div>
  <div ng-if="tab === 'attachments'" sg-case-attachments="processInstanceId"></div>
</div>
<div class="modal-footer">
  <a class="btn btn-default sg-case-print" ng-href="{{ printUrl }}" target="_blank" rel="noopener">打印审批表</a>
  <button type="button" class="btn btn-default sg-case-close" ng-click="$close()">关闭</button>
</div>
`;

/** Operations and opinions a step's own row does not already show (signs, returns, transfers …). */
function otherEntries(record) {
  const stepTasks = {};
  (record.steps || []).forEach(function(step) {
    if (step.taskId) {
      stepTasks[step.taskId] = true;
    }
  });
  return (record.opinions || []).filter(function(entry) {
    return !(DECISION_TYPES.indexOf(entry.type) >= 0 && entry.taskId && stepTasks[entry.taskId]);
  });
}

function recordDirective(api) {
  return {
    restrict: 'A',
    scope: {processInstanceId: '<sgCaseRecord'},
    template: RECORD_TEMPLATE,
    link: function(scope) {
      scope.$watch('processInstanceId', function(id) {
        scope.record = null;
        scope.printUrl = id ? printUrl(id) : null;
        scope.operations = [];
        scope.error = null;
        if (!id) {
          return;
        }
        scope.loading = true;
        api.caseRecord(id).then(
          function(record) {
            if (scope.processInstanceId !== id) {
              return;
            }
            scope.record = record || {steps: [], opinions: [], reports: []};
            scope.record.steps = scope.record.steps || [];
            scope.record.reports = scope.record.reports || [];
            scope.operations = otherEntries(scope.record);
            scope.loading = false;
          },
          function(error) {
            scope.error = error.message;
            scope.loading = false;
          }
        );
      });
    }
  };
}

function diagramDirective(api, $timeout) {
  return {
    restrict: 'A',
    scope: {processInstanceId: '<sgCaseDiagram'},
    template: DIAGRAM_TEMPLATE,
    link: function(scope, element) {
      let viewer = null;
      function clear() {
        if (viewer) {
          viewer.destroy();
          viewer = null;
        }
      }
      scope.$watch('processInstanceId', function(id) {
        clear();
        scope.error = null;
        if (!id) {
          return;
        }
        scope.loading = true;
        api.caseDiagram(id).then(
          function(data) {
            scope.loading = false;
            // drawn once the box is on the page (bpmn-js measures its container)
            $timeout(function() {
              if (scope.processInstanceId !== id) {
                return;
              }
              const box = element[0].querySelector('.sg-diagram');
              renderDiagram(box, data).then(
                function(drawn) {
                  viewer = drawn;
                  box.classList.add('sg-diagram-ready');
                },
                function() {
                  scope.$applyAsync(function() {
                    scope.error = '流程图无法显示，请刷新页面后重试';
                  });
                }
              );
            });
          },
          function(error) {
            scope.error = error.message;
            scope.loading = false;
          }
        );
      });
      scope.$on('$destroy', clear);
    }
  };
}

const CaseController = [
  '$scope',
  'processInstanceId',
  'caseNo',
  function($scope, processInstanceId, caseNo) {
    $scope.processInstanceId = processInstanceId;
    $scope.printUrl = printUrl(processInstanceId);
    $scope.caseNo = caseNo || '';
    $scope.tab = 'record';
    $scope.show = function(tab) {
      $scope.tab = tab;
    };
  }
];

/**
 * A tab of the open task that shows the task's case (attribute: sg-case-record, sg-case-diagram or
 * sg-case-attachments).
 */
export function taskTab(attribute) {
  return {
    template: '<div class="sg-task-tab"><div class="text-muted" ng-if="!processInstanceId">此任务不属于任何案件</div>'
      + '<div ng-if="processInstanceId" ' + attribute + '="processInstanceId"></div></div>',
    controller: [
      '$scope',
      'streetgovApi',
      function($scope, api) {
        const data = $scope.taskData.newChild($scope);
        data.observe('task', function(task) {
          $scope.processInstanceId = task ? task.processInstanceId : null;
          if (task && !task.processInstanceId && task.parentTaskId) {
            // a sign task (加签) is a subtask outside the case: the server names its parent's case
            api.operations(task.id).then(function(answer) {
              if ($scope.taskId === task.id) {
                $scope.processInstanceId = answer && answer.processInstanceId;
              }
            }, function() {
              // no case to show
            });
          }
          $scope.taskId = task ? task.id : null;
        });
      }
    ]
  };
}

export function registerCaseView(ngModule) {
  ngModule.filter('sgTime', function() {
    return wallClock;
  });
  ngModule.directive('sgCaseRecord', ['streetgovApi', recordDirective]);
  ngModule.directive('sgCaseDiagram', ['streetgovApi', '$timeout', diagramDirective]);
  ngModule.factory('streetgovCaseView', [
    '$uibModal',
    function($modal) {
      return {
        open: function(processInstanceId, caseNo) {
          return $modal
            .open({
              template: CASE_TEMPLATE,
              controller: CaseController,
              windowClass: 'sg-case-modal',
              size: 'lg',
              resolve: {
                processInstanceId: function() {
                  return processInstanceId;
                },
                caseNo: function() {
                  return caseNo;
                }
              }
            })
            .result.catch(function() {
              // dismissed
            });
        }
      };
    }
  ]);
  ngModule.config([
    'ViewsProvider',
    function(ViewsProvider) {
      const record = taskTab('sg-case-record');
      ViewsProvider.registerDefaultView('tasklist.task.detail', {
        id: 'streetgov-case-record',
        label: '审批记录',
        template: record.template,
        controller: record.controller,
        priority: 900
      });
      const diagram = taskTab('sg-case-diagram');
      ViewsProvider.registerDefaultView('tasklist.task.detail', {
        id: 'streetgov-case-diagram',
        label: '流程图',
        template: diagram.template,
        controller: diagram.controller,
        priority: 600
      });
    }
  ]);
  // our 流程图 shows the path taken: Tasklist's own diagram tab (the current step only) goes
  ngModule.run([
    'Plugins',
    function(Plugins) {
      const views = Plugins.getAllProviders('view')['tasklist.task.detail'] || [];
      for (let i = views.length - 1; i >= 0; i--) {
        if (views[i].id === 'task-detail-diagram') {
          views.splice(i, 1);
        }
      }
    }
  ]);
}
