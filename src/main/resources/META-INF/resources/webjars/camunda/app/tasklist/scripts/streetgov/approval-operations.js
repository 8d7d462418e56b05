/*
 * Our additions to Camunda Tasklist, loaded through `customScripts` in ../config.js:
 *   - 审批操作 on the open task (退回, 退回发起人, 转办, 委派, 处理完毕交还, 加签, 减签, 签署加签意见,
 *     抄送, 催办), see task-operations.js;
 *   - 抄送我的 in the header, see copies.js;
 *   - 消息 (the inbox with its unread count) in the header, see inbox.js;
 *   - 已办 / 我发起的 in the header, see workspace.js;
 *   - 审批记录 and 流程图 (the path taken) of the open task and of every case the official may read,
 *     see case-view.js and diagram.js;
 *   - 附件 (the case's files: download, upload, remove), see attachments.js.
 *
 * Tasklist 7.24 imports each custom script as an ES module before it starts AngularJS. Our parts are
 * AngularJS views (ViewsProvider.registerDefaultView with a template and a controller) registered on
 * the module "cam.tasklist.custom", which Tasklist creates for custom scripts and starts with the
 * application; so they get Tasklist's own services ($uibModal, Notifications, $http) and the scope
 * of the plugin point (taskData). The module's default export is the list of Tasklist's newer
 * plain-JavaScript plugins, of which we have none.
 *
 * Everything is served by the application itself (no CDN) and stays within the webapps'
 * Content-Security-Policy: no inline script, styles in a served stylesheet.
 */

import {registerApi} from './api.js';
import {registerTaskOperations} from './task-operations.js';
import {registerCopies} from './copies.js';
import {registerCaseView, taskTab} from './case-view.js';
import {registerAttachments} from './attachments.js';
import {registerInbox} from './inbox.js';
import {registerWorkspace} from './workspace.js';
import './ui-tasklist.js';

function addStylesheet() {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.type = 'text/css';
  link.href = new URL('./approval-operations.css', import.meta.url).href;
  document.head.appendChild(link);
}

const ngModule = window.angular.module('cam.tasklist.custom');
registerApi(ngModule);
registerTaskOperations(ngModule);
registerCopies(ngModule);
registerCaseView(ngModule);
registerAttachments(ngModule, taskTab);
registerInbox(ngModule);
registerWorkspace(ngModule);
addStylesheet();

export default [];
