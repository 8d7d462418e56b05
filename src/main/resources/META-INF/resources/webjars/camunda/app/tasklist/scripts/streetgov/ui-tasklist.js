/*
 * Tasklist's look and words for officials, loaded with our other additions by
 * approval-operations.js (the one customScripts entry of ../config.js):
 *   - the Camunda Forms in Chinese: validation messages, placeholders, the date picker with weeks
 *     from Monday, dates as 年-月-日 (ui-forms.js);
 *   - Tasklist's own calendar (设置截止日期 / 设置跟进日期 of a task) in Chinese, weeks from Monday:
 *     it is AngularJS UI Bootstrap's datepicker, which takes its names and first weekday from
 *     AngularJS's $locale (English in Tasklist) and its titles from uibDatepickerConfig;
 *   - every time in the district's zone, Beijing time (ui-time.js);
 *   - after a start, the case number and where the case went (ui-start.js);
 *   - no "migrate to Camunda 8" banner, which has nothing to tell officials (ui-tasklist.css).
 *
 * It registers on Tasklist's module "cam.tasklist.custom" when it is imported, before AngularJS
 * starts; everything is served by the application itself (no CDN).
 */

import {translateForms, FLATPICKR_ZH} from './ui-forms.js';
import {useAppZone} from './ui-time.js';
import {registerStartFeedback} from './ui-start.js';

function addStylesheet() {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.type = 'text/css';
  link.href = new URL('./ui-tasklist.css', import.meta.url).href;
  document.head.appendChild(link);
}

/** Tasklist's calendar in Chinese: the same names as the forms' date picker, weeks from Monday. */
function localizeCalendar(ngModule) {
  ngModule.run(['$locale', '$injector', ($locale, $injector) => {
    const formats = $locale.DATETIME_FORMATS;
    formats.MONTH = FLATPICKR_ZH.months.longhand.slice();
    formats.SHORTMONTH = FLATPICKR_ZH.months.shorthand.slice();
    formats.STANDALONEMONTH = FLATPICKR_ZH.months.longhand.slice();
    formats.DAY = FLATPICKR_ZH.weekdays.longhand.slice();
    formats.SHORTDAY = FLATPICKR_ZH.weekdays.shorthand.slice();
    formats.AMPMS = FLATPICKR_ZH.amPM.slice();
    // AngularJS counts from Monday = 0; UI Bootstrap starts the week on FIRSTDAYOFWEEK + 1
    formats.FIRSTDAYOFWEEK = 0;
    if ($injector.has('uibDatepickerConfig')) {
      const calendar = $injector.get('uibDatepickerConfig');
      calendar.formatDayTitle = 'y年M月';
      calendar.formatMonthTitle = 'y年';
      calendar.formatMonth = 'M月';
      calendar.formatYear = 'y';
      calendar.startingDay = 1;
    }
  }]);
}

addStylesheet();
const ngModule = window.angular.module('cam.tasklist.custom');
useAppZone(ngModule);
localizeCalendar(ngModule);
registerStartFeedback(ngModule);
translateForms();
