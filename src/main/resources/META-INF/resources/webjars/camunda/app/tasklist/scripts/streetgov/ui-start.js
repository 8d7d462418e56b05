/*
 * After a start from Tasklist's 启动流程 dialog, the starter is told the case number and where the
 * case went (Tasklist itself says only 流程已启动。): a notification 案件已受理 with the case number,
 * the steps it waits at (organisation, step, due date in the district's zone) — or, when the rules
 * closed it at once, how it ended.
 *
 * Tasklist starts a case through its API client (camAPIHttpClient, not $http): its post to
 * process-definition/{id}/submit-form (or …/start) answers the new process instance. The case is
 * then read from GET /api/cases/{processInstanceId}; while the case is still on its way to its first
 * step (a step of its own transaction), it is asked again a few times. Where that API does not
 * answer, the notification names the case number Tasklist received (the business key).
 */

import {formatInZone} from './ui-time.js';

const STARTS = /(^|\/)process-definition\/(key\/[^/]+(\/tenant-id\/[^/]+)?|[^/]+)\/(submit-form|start)$/;
const ATTEMPTS = 4;
const PAUSE_MS = 1500;
const SHOWN_MS = 20000;
const DIALOG_WAIT_MS = 5000;

function readCase(processInstanceId) {
  return fetch('/api/cases/' + encodeURIComponent(processInstanceId), {
    headers: {Accept: 'application/json'},
    credentials: 'same-origin',
    cache: 'no-store'
  }).then(response => (response.ok ? response.json() : null), () => null)
    .then(item => (item && typeof item === 'object' && item.caseNo ? item : null), () => null);
}

/** Where the case waits: 东华街道「评估承接能力」（2026-12-05 17:00 前）、… */
export function describeSteps(steps) {
  return (steps || []).map(step => {
    const where = (step.orgName ? step.orgName : '') + '「' + (step.name || '待办') + '」';
    return where + (step.due ? '（' + formatInZone(step.due) + ' 前）' : '');
  }).join('、');
}

/** The notification's text for the case as /api/cases answers it, or null while it is on its way. */
export function describeCase(item) {
  if (item.state === 'ENDED') {
    const how = item.outcomeLabel || item.stateLabel || '已办结';
    return '案件编号 ' + item.caseNo + '，已办结：' + how;
  }
  const steps = describeSteps(item.currentSteps);
  return steps ? '案件编号 ' + item.caseNo + '，已送 ' + steps + ' 办理' : null;
}

/**
 * Shows the notification on the page once the start dialog is gone (a notification added while the
 * dialog is open goes to the dialog's own panel and is closed with it), within AngularJS's $apply
 * ($timeout): the answer came outside of one.
 */
function tell($timeout, Notifications, message, waited = 0) {
  if (document.querySelector('.modal-dialog') && waited < DIALOG_WAIT_MS) {
    $timeout(() => tell($timeout, Notifications, message, waited + 200), 200);
    return;
  }
  $timeout(() => {
    Notifications.addMessage({type: 'success', status: '案件已受理', message: message, duration: SHOWN_MS});
  });
}

function feedback($injector, started) {
  const Notifications = $injector.get('Notifications');
  const $timeout = $injector.get('$timeout');
  let attempt = 0;
  const ask = () => {
    attempt++;
    readCase(started.id).then(item => {
      const text = item ? describeCase(item) : null;
      if (text) {
        tell($timeout, Notifications, text);
      } else if (item && attempt < ATTEMPTS) {
        $timeout(ask, PAUSE_MS);
      } else if (item) {
        tell($timeout, Notifications, '案件编号 ' + item.caseNo + '，正在送往办理单位');
      } else if (started.businessKey) {
        tell($timeout, Notifications, '案件编号 ' + started.businessKey);
      }
    });
  };
  ask();
}

export function registerStartFeedback(ngModule) {
  ngModule.config(['$provide', function($provide) {
    $provide.decorator('camAPIHttpClient', ['$delegate', '$injector', function(Client, $injector) {
      const post = Client.prototype.post;
      Client.prototype.post = function(path, options) {
        if (options && typeof path === 'string' && STARTS.test(path)) {
          const done = options.done;
          options.done = function(error, result) {
            if (!error && result && result.id) {
              try {
                feedback($injector, result);
              } catch (e) {
                // the start itself succeeded: nothing more to say
              }
            }
            return typeof done === 'function' ? done.apply(this, arguments) : undefined;
          };
        }
        return post.apply(this, arguments);
      };
      return Client;
    }]);
  }]);
}
