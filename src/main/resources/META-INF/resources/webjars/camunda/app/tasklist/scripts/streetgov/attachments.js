/*
 * 附件 of a case: the files attached to it (the appointment dossier, legal basis documents, photos of a
 * whistle), to download; and, for those who may (the case's officials while it runs, not auditors),
 * a form to upload one and a button to remove one's own.
 *
 *   - a tab of the open task (plugin point "tasklist.task.detail", id "streetgov-case-attachments");
 *   - the same in the case dialog opened from 已办 / 我发起的 and from 消息 (case-view.js).
 *
 * The list comes from GET /api/cases/{id}/attachments; an upload is POST …/attachments (multipart:
 * file, kind, note); a download is a plain link to GET /api/attachments/{id} (the server sends it as a
 * file to save); a removal DELETE /api/attachments/{id}. The server checks type, size and who may: its
 * refusal is shown as its Chinese reason.
 */

import {wallClock} from './case-view.js';

const TEMPLATE = `
<div class="sg-attachments">
  <div class="text-muted" ng-if="loading">正在加载附件…</div>
  <div class="alert alert-danger sg-attachments-error" ng-if="error">{{ error }}</div>

  <table class="table table-condensed sg-attachments-list" ng-if="listing.items.length">
    <thead>
      <tr><th>文件</th><th>类别</th><th>大小</th><th>上传人</th><th>上传时间</th><th>说明</th><th></th></tr>
    </thead>
    <tbody>
      <tr ng-repeat="item in listing.items" class="sg-attachment">
        <td><a class="sg-attachment-download" ng-href="{{ item.downloadUrl }}" download="{{ item.fileName }}">{{ item.fileName }}</a></td>
        <td>{{ item.kindLabel }}</td>
        <td>{{ item.sizeText }}</td>
        <td>{{ item.uploaderName }}</td>
        <td>{{ time(item.uploadedAt) }}</td>
        <td class="sg-record-text">{{ item.note }}</td>
        <td><button type="button" class="btn btn-link btn-xs sg-attachment-remove" ng-if="item.mayRemove"
            ng-click="remove(item)" ng-disabled="busy">删除</button></td>
      </tr>
    </tbody>
  </table>
  <div class="text-muted sg-attachments-empty" ng-if="listing && !listing.items.length">尚无附件</div>

  <form class="sg-attachment-upload" name="uploadForm" ng-if="listing.mayUpload" ng-submit="upload()" novalidate>
    <h4>上传附件</h4>
    <div class="form-group">
      <div class="sg-attachment-field-label">文件</div>
      <!-- the browser's own file button speaks the browser's language: ours is the label -->
      <input type="file" id="sg-attachment-file-{{ $id }}" class="sg-attachment-file"
          accept=".pdf,.ofd,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png">
      <label for="sg-attachment-file-{{ $id }}" class="btn btn-default sg-attachment-choose">选择文件…</label>
      <span class="sg-attachment-chosen" ng-class="{'text-muted': !chosen}">{{ chosen || '未选择文件' }}</span>
    </div>
    <div class="form-group">
      <label for="sg-attachment-kind-{{ $id }}">类别</label>
      <select id="sg-attachment-kind-{{ $id }}" class="form-control sg-attachment-kind" ng-model="form.kind"
          ng-options="kind.value as kind.label for kind in listing.kinds"></select>
    </div>
    <div class="form-group">
      <label for="sg-attachment-note-{{ $id }}">说明（可选）</label>
      <input type="text" id="sg-attachment-note-{{ $id }}" class="form-control sg-attachment-note" ng-model="form.note"
          maxlength="500">
    </div>
    <p class="help-block sg-attachment-limits">可上传 {{ listing.accepted }} 文件，单个不超过 {{ listing.maxSizeText }}。</p>
    <button type="submit" class="btn btn-primary sg-attachment-submit" ng-disabled="busy">上传</button>
    <span class="text-success sg-attachment-done" ng-if="done">{{ done }}</span>
  </form>
  <div class="text-muted sg-attachments-readonly" ng-if="listing && !listing.mayUpload">{{ listing.whyNotUpload }}</div>
</div>
`;

/** The kind offered first for a process: photos for a whistle, documents elsewhere. */
function defaultKind(listing) {
  return listing && /^CS-/.test(listing.caseNo || '') ? 'PHOTO' : 'DOSSIER';
}

function attachmentsDirective(api, $window) {
  return {
    restrict: 'A',
    scope: {processInstanceId: '<sgCaseAttachments'},
    template: TEMPLATE,
    link: function(scope, element) {
      scope.form = {kind: null, note: ''};
      scope.time = wallClock;

      function load(id) {
        scope.loading = true;
        scope.error = null;
        return api.attachments(id).then(
          function(listing) {
            if (scope.processInstanceId !== id) {
              return;
            }
            scope.listing = listing;
            scope.form.kind = scope.form.kind || defaultKind(listing);
            scope.loading = false;
          },
          function(error) {
            scope.error = error.message;
            scope.loading = false;
          }
        );
      }

      // the name of the file chosen, shown beside our button
      element.on('change', function(event) {
        const input = event.target;
        if (input && input.classList && input.classList.contains('sg-attachment-file')) {
          scope.$applyAsync(function() {
            scope.chosen = input.files && input.files[0] ? input.files[0].name : null;
          });
        }
      });

      scope.$watch('processInstanceId', function(id) {
        scope.listing = null;
        scope.done = null;
        if (id) {
          load(id);
        }
      });

      scope.upload = function() {
        const input = element[0].querySelector('.sg-attachment-file');
        const file = input && input.files && input.files[0];
        scope.done = null;
        if (!file) {
          scope.error = '请先选择要上传的文件';
          return;
        }
        if (scope.listing && file.size > scope.listing.maxSize) {
          scope.error = '文件「' + file.name + '」过大：单个附件不得超过 ' + scope.listing.maxSizeText;
          return;
        }
        const data = new FormData();
        data.append('file', file, file.name);
        data.append('kind', scope.form.kind || 'OTHER');
        if (scope.form.note) {
          data.append('note', scope.form.note);
        }
        scope.busy = true;
        scope.error = null;
        const id = scope.processInstanceId;
        api.uploadAttachment(id, data).then(
          function(item) {
            scope.busy = false;
            input.value = '';
            scope.chosen = null;
            scope.form.note = '';
            load(id).then(function() {
              scope.done = '已上传「' + item.fileName + '」';
            });
          },
          function(error) {
            scope.busy = false;
            scope.error = error.message;
          }
        );
      };

      scope.remove = function(item) {
        if (!$window.confirm('确定删除附件「' + item.fileName + '」吗？删除记录将写入审计日志。')) {
          return;
        }
        scope.busy = true;
        scope.done = null;
        api.removeAttachment(item.id).then(
          function(answer) {
            scope.busy = false;
            load(scope.processInstanceId).then(function() {
              scope.done = answer && answer.message;
            });
          },
          function(error) {
            scope.busy = false;
            scope.error = error.message;
          }
        );
      };
    }
  };
}

export function registerAttachments(ngModule, taskTab) {
  ngModule.directive('sgCaseAttachments', ['streetgovApi', '$window', attachmentsDirective]);
  ngModule.config([
    'ViewsProvider',
    function(ViewsProvider) {
      const tab = taskTab('sg-case-attachments');
      ViewsProvider.registerDefaultView('tasklist.task.detail', {
        id: 'streetgov-case-attachments',
        label: '附件',
        template: tab.template,
        controller: tab.controller,
        priority: 800
      });
    }
  ]);
}
