/*
 * Tasklist's look and words for officials, loaded with our other additions by
 * approval-operations.js (the one customScripts entry of ../config.js):
 *   - the Camunda Forms in Chinese: validation messages, placeholders, the date picker with weeks
 *     from Monday (ui-forms.js);
 *   - every time in the district's zone, Beijing time (ui-time.js);
 *   - after a start, the case number and where the case went (ui-start.js);
 *   - no "migrate to Camunda 8" banner, which has nothing to tell officials (ui-tasklist.css).
 *
 * It registers on Tasklist's module "cam.tasklist.custom" when it is imported, before AngularJS
 * starts; everything is served by the application itself (no CDN).
 */

import {translateForms} from './ui-forms.js';
import {useAppZone} from './ui-time.js';
import {registerStartFeedback} from './ui-start.js';

function addStylesheet() {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.type = 'text/css';
  link.href = new URL('./ui-tasklist.css', import.meta.url).href;
  document.head.appendChild(link);
}

addStylesheet();
const ngModule = window.angular.module('cam.tasklist.custom');
useAppZone(ngModule);
registerStartFeedback(ngModule);
translateForms();
