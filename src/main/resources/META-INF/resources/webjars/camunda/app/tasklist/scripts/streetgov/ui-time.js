/*
 * Every time Tasklist shows — due dates, creation times, the history — in the district's zone
 * (app.zone, Beijing time), whatever the zone of the browser, as the forms' texts and our own
 * pages show them.
 *
 * Tasklist formats its times with moment (its filter camDate, "in 3 days"), which knows only the
 * browser's zone. moment has one hook for zones — moment.updateOffset, the one moment-timezone
 * uses — called for every moment made: a moment made in the browser's local mode is set to the
 * zone's offset at that instant (a time written without an offset is read as the zone's), a UTC or
 * fixed-offset moment stays as it was made. The offset of the zone at an instant comes from the
 * browser's Intl. The footer's 时区 names the zone.
 *
 * The zone is the server's (GET /api/clock, asked once logged in); until it is known, Asia/Shanghai.
 */

import {bundledModule, MODULES} from './ui-bundle.js';

const DEFAULT_ZONE = 'Asia/Shanghai';
const DEFAULT_LABEL = '北京时间';

let zone = DEFAULT_ZONE;
let zoneLabel = DEFAULT_LABEL;
const formatters = {};
const offsets = {};

function formatter(name) {
  if (!formatters[name]) {
    formatters[name] = new Intl.DateTimeFormat('en-US', {
      timeZone: name, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit'
    });
  }
  return formatters[name];
}

/** The zone's offset from UTC in minutes at the instant (epoch milliseconds). */
export function offsetMinutes(name, epoch) {
  const key = name + '|' + Math.floor(epoch / 900000);
  if (offsets[key] === undefined) {
    const parts = {};
    for (const part of formatter(name).formatToParts(new Date(epoch))) {
      parts[part.type] = part.value;
    }
    const wall = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour % 24, +parts.minute, +parts.second);
    offsets[key] = Math.round((wall - (epoch - (((epoch % 1000) + 1000) % 1000))) / 60000);
  }
  return offsets[key];
}

/** The zone every time is shown in (IANA id) and its Chinese name. */
export function appZone() {
  return {zone: zone, label: zoneLabel};
}

/** A time (Date, epoch or ISO text with offset) as 2026-12-05 17:00 in the zone, or '' for none. */
export function formatInZone(value) {
  if (value === null || value === undefined || value === '') {
    return '';
  }
  const date = value instanceof Date ? value : new Date(value);
  if (isNaN(date.getTime())) {
    return String(value);
  }
  const shifted = new Date(date.getTime() + offsetMinutes(zone, date.getTime()) * 60000);
  const pad = n => (n < 10 ? '0' : '') + n;
  return shifted.getUTCFullYear() + '-' + pad(shifted.getUTCMonth() + 1) + '-' + pad(shifted.getUTCDate()) + ' '
    + pad(shifted.getUTCHours()) + ':' + pad(shifted.getUTCMinutes());
}

/** Whether moment read the moment from a wall time without an offset (then that wall time is the zone's). */
function readFromWallTime(mom) {
  return !!(mom._a && mom._tzm === undefined && mom._f !== 'X' && mom._f !== 'x');
}

/** Puts Tasklist's moment into the zone; answers whether it could. */
function zoneMoment() {
  const moment = bundledModule(MODULES.moment, m => typeof m === 'function' && typeof m.updateOffset === 'function'
    && typeof m.fn === 'object' && Array.isArray(m.momentProperties));
  if (!moment || moment.__streetgovZone) {
    return !!moment;
  }
  moment.__streetgovZone = true;
  // moments keep their zone when cloned, and what they were read from (as with moment-timezone):
  // without it, a time written without an offset would be read in the browser's zone
  moment.momentProperties.push('_sgZone');
  if (moment.momentProperties.indexOf('_a') === -1) {
    moment.momentProperties.push('_a');
  }
  const before = moment.updateOffset;
  moment.updateOffset = function(mom, keepTime) {
    before.call(this, mom, keepTime);
    if (mom._sgZone === undefined) {
      // made now: a local moment joins the zone; moment.utc() and parseZone() stay as they are
      mom._sgZone = mom._isUTC ? null : zone;
      if (mom._sgZone && readFromWallTime(mom)) {
        keepTime = true;
      }
    }
    if (mom._sgZone && mom.isValid()) {
      const offset = offsetMinutes(mom._sgZone, mom.valueOf());
      if (!mom._isUTC || mom.utcOffset() !== offset) {
        const name = mom._sgZone;
        mom.utcOffset(offset, keepTime, true);
        mom._sgZone = name;
      }
    }
  };
  return true;
}

/** Names the zone in Tasklist's footer (时区). */
function nameZoneInFooter() {
  const slot = document.querySelector('#footer-timezone i');
  // the zone's Chinese name (北京时间); its IANA id only where the server gives no name
  const text = zoneLabel || zone;
  if (slot && slot.textContent !== text) {
    slot.textContent = text;
  }
}

function askServer(onChange) {
  return fetch('/api/clock', {headers: {Accept: 'application/json'}, credentials: 'same-origin', cache: 'no-store'})
    .then(response => (response.ok ? response.json() : null))
    .then(clock => {
      if (!clock || !clock.zone) {
        return false;
      }
      const changed = clock.zone !== zone;
      zone = clock.zone;
      zoneLabel = clock.zoneLabel || clock.zone;
      if (changed) {
        onChange();
      }
      return true;
    })
    .catch(() => false);
}

/**
 * Shows Tasklist's times in the district's zone: moment at once (before AngularJS renders
 * anything), the zone from the server after the login.
 */
export function useAppZone(ngModule) {
  zoneMoment();
  ngModule.run(['$rootScope', function($rootScope) {
    let known = false;
    const refresh = () => {
      $rootScope.$applyAsync();
      nameZoneInFooter();
    };
    // only once logged in: /api answers 401 (with an HTTP Basic challenge) to a page that is not
    const learn = authentication => {
      const user = authentication || $rootScope.authentication;
      if (!known && user && user.name) {
        askServer(refresh).then(ok => {
          known = ok;
        });
      }
    };
    $rootScope.$on('authentication.changed', (event, authentication) => learn(authentication));
    $rootScope.$on('$routeChangeSuccess', () => learn());
    learn();
    new MutationObserver(nameZoneInFooter).observe(document.body, {childList: true, subtree: true});
    nameZoneInFooter();
  }]);
}
