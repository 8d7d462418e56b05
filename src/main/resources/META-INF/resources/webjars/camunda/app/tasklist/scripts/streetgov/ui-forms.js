/*
 * The Camunda Forms in Tasklist in Chinese: validation messages, placeholders and the date picker.
 *
 * Tasklist renders Camunda Forms with form-js (viewer 1.x, bundled in lib/deps.js). Its viewer has
 * no translation service: "Field is required.", "Field must match pattern <regular expression>.",
 * "Select", "Search", "No results" and the date placeholder are written into its components. So a
 * MutationObserver translates those texts as form-js puts them into the page, before the browser
 * paints them (form-js's Preact only writes a text again when the text it renders changes, so a
 * translated text stays translated). A rule's raw regular expression is never shown: the message
 * says the format is wrong and points to the field's description.
 *
 * The date picker is flatpickr, which has a translation hook: flatpickr.localize() sets the
 * defaults of every calendar opened afterwards — Chinese months and weekdays, weeks from Monday.
 * form-js gives each date input the browser's date order (m/d/Y in an English browser) but no
 * formatter of its own, so each calendar gets flatpickr's formatDate/parseDate hooks when it is ready
 * (a default onReady hook): they write and read the date as 年-月-日 (2026-12-31) in every browser; any other format (flatpickr's aria labels, form-js's
 * minimum date 01/01/1900) is left to flatpickr's own formatter and parser.
 */

/** form-js's messages (viewer 1.x), each with its Chinese. */
const MESSAGES = [
  [/^Field is required\.$/, () => '此项为必填项'],
  [/^Field must match pattern .*\.$/s, (m, field) => (hasDescription(field) ? '格式不正确，请按下方说明填写' : '格式不正确')],
  [/^Field must have minimum value of (.+)\.$/, m => '不能小于 ' + m[1]],
  [/^Field must have maximum value of (.+)\.$/, m => '不能大于 ' + m[1]],
  [/^Field must have minimum length of (\d+)\.$/, m => '至少填写 ' + m[1] + ' 个字'],
  [/^Field must have maximum length of (\d+)\.$/, m => '不能超过 ' + m[1] + ' 个字'],
  [/^Field must be a valid +international phone number\..*$/, () => '请填写有效的电话号码（含国家代码，如 +86）'],
  [/^Field must be a valid email\.$/, () => '请填写有效的电子邮箱地址'],
  [/^Value is not a number\.$/, () => '请填写数字'],
  [/^Value is expected to be an integer\.$/, () => '请填写整数'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, m => '最多保留 ' + m[1] + ' 位小数'],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    m => '请填写有效的数值，最接近的有效值为 ' + m[1] + ' 和 ' + m[2]],
  [/^Date and time must both be entered\.$/, () => '请同时填写日期和时间']
];

/** Other words of form-js's components. */
const WORDS = {
  Select: '请选择',
  Search: '搜索',
  'No results': '无匹配项',
  'All values selected': '已全部选择',
  'Remove tag': '移除',
  'Add new': '添加',
  'Nothing to show.': '暂无内容',
  'No content to show.': '暂无内容',
  'Previous page': '上一页',
  'Next page': '下一页',
  // the taglist's link for keyboard and screen-reader users, shown when it has the focus
  'Skip to search': '跳至搜索框'
};

/** The placeholder of form-js's date and time inputs (built from the browser's date format). */
function datePlaceholder(text) {
  if (/^[ymd]+([^ymd]+[ymd]+)+$/.test(text)) {
    return DATE_PLACEHOLDER;
  }
  if (text === 'hh:mm' || text === 'hh:mm ?m') {
    return '时:分';
  }
  return null;
}

/** How a date input shows its date, and what its placeholder says. */
export const DATE_PLACEHOLDER = '年-月-日';
/** A date format of form-js's inputs: day, month and year tokens with separators, in any order. */
const INPUT_DATE_FORMAT = /^[djmnYy][^A-Za-z]+[djmnYy][^A-Za-z]+[djmnYy]$/;
const ISO_DATE = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/;

function pad(number) {
  return (number < 10 ? '0' : '') + number;
}

/** flatpickr's formatDate hook: form-js's inputs show 年-月-日, every other format is flatpickr's. */
export function formatInputDate(flatpickr, date, format, locale) {
  if (INPUT_DATE_FORMAT.test(format)) {
    return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate());
  }
  return flatpickr.formatDate(date, format, locale);
}

/** flatpickr's parseDate hook: 年-月-日 as typed or shown, anything else by flatpickr's parser. */
export function parseInputDate(flatpickr, text, format) {
  const iso = ISO_DATE.exec(String(text));
  if (iso) {
    const date = new Date(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]));
    return date.getMonth() === Number(iso[2]) - 1 ? date : undefined;
  }
  return flatpickr.parseDate(text, format);
}

/** flatpickr's texts in Chinese, weeks from Monday. */
export const FLATPICKR_ZH = {
  weekdays: {
    shorthand: ['日', '一', '二', '三', '四', '五', '六'],
    longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']
  },
  months: {
    shorthand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
    longhand: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月']
  },
  firstDayOfWeek: 1,
  ordinal: () => '',
  rangeSeparator: ' 至 ',
  weekAbbreviation: '周',
  scrollTitle: '滚动切换',
  toggleTitle: '点击切换',
  amPM: ['上午', '下午'],
  yearAriaLabel: '年',
  monthAriaLabel: '月',
  hourAriaLabel: '时',
  minuteAriaLabel: '分',
  time_24hr: true
};

function hasDescription(field) {
  return !!(field && field.querySelector('.fjs-form-field-description'));
}

/** The Chinese of a form-js text, or null when it is not one of form-js's. */
export function translate(text, field) {
  const trimmed = (text || '').trim();
  if (!trimmed) {
    return null;
  }
  if (Object.prototype.hasOwnProperty.call(WORDS, trimmed)) {
    return WORDS[trimmed];
  }
  for (const [pattern, chinese] of MESSAGES) {
    const match = pattern.exec(trimmed);
    if (match) {
      return chinese(match, field);
    }
  }
  return null;
}

const TEXT_OWNERS = '.fjs-form-field-error, .fjs-select-display, .fjs-dropdownlist-empty, .fjs-dropdownlist, '
  + '.fjs-taglist, .fjs-taglist-skip-link, .fjs-table-nav, .fjs-form-field-table, .fjs-form-field-html, .fjs-form-field-text';

/** Translates the texts and attributes of form-js within `root`. */
function translateTree(root) {
  if (!root || root.nodeType !== 1 && root.nodeType !== 3) {
    return;
  }
  if (root.nodeType === 3) {
    translateText(root);
    return;
  }
  if (!root.closest || !(root.closest('.fjs-container') || root.querySelector && root.querySelector('.fjs-container'))) {
    return;
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    translateText(node);
  }
  const elements = root.querySelectorAll ? Array.from(root.querySelectorAll('[placeholder], [title], [aria-label]')) : [];
  if (root.hasAttribute && (root.hasAttribute('placeholder') || root.hasAttribute('title') || root.hasAttribute('aria-label'))) {
    elements.push(root);
  }
  elements.forEach(translateAttributes);
}

function translateText(node) {
  const parent = node.parentElement;
  if (!parent || !parent.closest('.fjs-container') || !parent.closest(TEXT_OWNERS)) {
    return;
  }
  const chinese = translate(node.data, parent.closest('.fjs-form-field'));
  if (chinese !== null && chinese !== node.data) {
    node.data = chinese;
  }
}

function translateAttributes(element) {
  if (!element.closest('.fjs-container')) {
    return;
  }
  for (const name of ['placeholder', 'title', 'aria-label']) {
    const value = element.getAttribute(name);
    if (!value) {
      continue;
    }
    const chinese = Object.prototype.hasOwnProperty.call(WORDS, value) ? WORDS[value]
      : name === 'placeholder' ? datePlaceholder(value) : null;
    if (chinese && chinese !== value) {
      element.setAttribute(name, chinese);
    }
  }
}

let localized = false;

/** Gives flatpickr its Chinese defaults (once it is there). */
function localizeDatePicker() {
  const flatpickr = window.flatpickr;
  if (localized || !flatpickr || typeof flatpickr.localize !== 'function') {
    return localized;
  }
  flatpickr.localize(FLATPICKR_ZH);
  // a calendar's own formatDate/parseDate are taken from its creator's options (form-js gives none),
  // so they are set on each calendar when it is ready, before form-js puts a date into it
  const ready = flatpickr.defaultConfig.onReady;
  flatpickr.defaultConfig.onReady = [].concat(ready || [], (selectedDates, text, calendar) => {
    calendar.config.formatDate = (date, format, locale) => formatInputDate(flatpickr, date, format, locale);
    calendar.config.parseDate = (value, format) => parseInputDate(flatpickr, value, format);
    if (selectedDates.length) {
      calendar.setDate(selectedDates, false);
    }
  });
  localized = true;
  return true;
}

/** Starts translating every Camunda Form Tasklist shows. */
export function translateForms() {
  localizeDatePicker();
  const observer = new MutationObserver(records => {
    localizeDatePicker();
    for (const record of records) {
      if (record.type === 'childList') {
        record.addedNodes.forEach(translateTree);
      } else if (record.type === 'characterData') {
        translateText(record.target);
      } else if (record.type === 'attributes') {
        translateAttributes(record.target);
      }
    }
  });
  const start = () => {
    observer.observe(document.body, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['placeholder', 'title', 'aria-label']
    });
    translateTree(document.body);
  };
  if (document.body) {
    start();
  } else {
    document.addEventListener('DOMContentLoaded', start);
  }
}
